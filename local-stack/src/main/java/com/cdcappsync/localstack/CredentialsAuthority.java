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
 * expiry) to the function, and the local AppSync endpoint looks them up to verify SigV4 signatures. One authority
 * per stack; thread-safe. Like STS, an issued set stays valid until it expires, even after newer ones are issued
 * (rotation hands out new credentials, it does not revoke the old).
 */
public final class CredentialsAuthority {

    /**
     * One set of temporary credentials. {@link #toString()} never prints the secret or the token.
     *
     * @param accessKeyId     {@code ASIA...}, as STS issues temporary keys
     * @param secretAccessKey the signing secret
     * @param sessionToken    the token that must travel with each signed request ({@code X-Amz-Security-Token})
     * @param expiration      when the credentials stop being accepted
     */
    public record IssuedCredentials(String accessKeyId, String secretAccessKey, String sessionToken,
                                    Instant expiration) {

        /** Rejects missing parts. */
        public IssuedCredentials {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            Objects.requireNonNull(sessionToken, "sessionToken");
            Objects.requireNonNull(expiration, "expiration");
        }

        /** Whether these credentials are still accepted at {@code now}. */
        public boolean validAt(Instant now) {
            return now.isBefore(expiration);
        }

        @Override
        public String toString() {
            return "IssuedCredentials[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
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
     * Issues a new set of credentials, valid for {@code lifetime} from now.
     *
     * @param lifetime how long they are accepted; positive
     */
    public IssuedCredentials issue(Duration lifetime) {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("credentials lifetime must be positive, got " + lifetime);
        }
        IssuedCredentials credentials = new IssuedCredentials("ASIA" + token(8), token(20), token(48),
                clock.instant().plus(lifetime));
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
