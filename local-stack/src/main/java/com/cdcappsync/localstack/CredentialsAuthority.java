package com.cdcappsync.localstack;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local stack's stand-in for STS: it issues temporary credentials (access key id, secret, session token,
 * expiry) to a role of the stack ({@link Role}: the function's, the connector's), and the local AppSync endpoint and
 * Invoke API look them up to verify SigV4 signatures and to know whose policy applies. One authority per stack;
 * thread-safe. Like STS, an issued set stays valid until it expires, even after newer ones are issued
 * (rotation hands out new credentials, it does not revoke the old).
 */
public final class CredentialsAuthority {

    /**
     * The roles the stack issues credentials to, as infra-cdk creates them: each is an {@code assumed-role} session,
     * which is how AWS names the caller in an {@code AccessDeniedException}.
     */
    public enum Role {
        /** The upsert function's execution role (UpsertFunction): its AppSync mutations, no Lambda action. */
        FUNCTION("cdc-appsync-upsert-function", "upsert-function"),
        /** The Confluent connector's role (ConnectorAccess): ConnectorGrant on the alias, nothing else. */
        CONNECTOR("cdc-appsync-connector", "lambda-sink");

        private final String roleName;
        private final String sessionName;

        Role(String roleName, String sessionName) {
            this.roleName = roleName;
            this.sessionName = sessionName;
        }

        /** {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}: the caller as AWS names it in refusals. */
        public String sessionArn() {
            return "arn:aws:sts::" + LocalStack.ACCOUNT_ID + ":assumed-role/" + roleName + "/" + sessionName;
        }
    }

    /**
     * One set of temporary credentials. {@link #toString()} never prints the secret or the token.
     *
     * @param accessKeyId     {@code ASIA...}, as STS issues temporary keys
     * @param secretAccessKey the signing secret
     * @param sessionToken    the token that must travel with each signed request ({@code X-Amz-Security-Token})
     * @param expiration      when the credentials stop being accepted
     * @param role            whose credentials they are (whose policy applies)
     */
    public record IssuedCredentials(String accessKeyId, String secretAccessKey, String sessionToken,
                                    Instant expiration, Role role) {

        /** Rejects missing parts. */
        public IssuedCredentials {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            Objects.requireNonNull(sessionToken, "sessionToken");
            Objects.requireNonNull(expiration, "expiration");
            Objects.requireNonNull(role, "role");
        }

        /** Whether these credentials are still accepted at {@code now}. */
        public boolean validAt(Instant now) {
            return now.isBefore(expiration);
        }

        @Override
        public String toString() {
            return "IssuedCredentials[accessKeyId=" + accessKeyId + ", role=" + role + ", expiration=" + expiration
                    + "]";
        }
    }

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedCredentials> issued = new ConcurrentHashMap<>();

    /** An authority on the system clock. */
    public CredentialsAuthority() {
        this(Clock.systemUTC());
    }

    /** An authority on {@code clock} (tests move time forward). */
    public CredentialsAuthority(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Issues a new set of the function role's credentials, valid for {@code lifetime} from now.
     *
     * @param lifetime how long they are accepted; positive
     */
    public IssuedCredentials issue(Duration lifetime) {
        return issue(Role.FUNCTION, lifetime);
    }

    /**
     * Issues a new set of {@code role}'s credentials, valid for {@code lifetime} from now.
     *
     * @param lifetime how long they are accepted; positive
     */
    public IssuedCredentials issue(Role role, Duration lifetime) {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("credentials lifetime must be positive, got " + lifetime);
        }
        IssuedCredentials credentials = new IssuedCredentials("ASIA" + token(8), token(20), token(48),
                clock.instant().plus(lifetime), Objects.requireNonNull(role, "role"));
        issued.put(credentials.accessKeyId(), credentials);
        return credentials;
    }

    /** The credentials issued under {@code accessKeyId}, expired or not; empty when this authority never issued it. */
    public Optional<IssuedCredentials> find(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(issued.get(accessKeyId));
    }

    /** The authority's clock, for expiry and clock-skew checks. */
    public Clock clock() {
        return clock;
    }

    private String token(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return HEX.formatHex(buffer);
    }
}
