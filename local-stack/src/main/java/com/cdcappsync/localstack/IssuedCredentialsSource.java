package com.cdcappsync.localstack;

import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Temporary credentials of one role from the stack's {@link CredentialsAuthority}, renewed before they expire, as
 * Lambda hands a function fresh role credentials (or as a connector's role session is refreshed): what in-process
 * callers sign with. Thread-safe.
 */
final class IssuedCredentialsSource implements AwsCredentialsProvider {

    /** As long as a Lambda execution role session typically lasts. */
    static final Duration LIFETIME = Duration.ofHours(1);
    /** Renewed this long before expiry, so a request in flight never carries credentials about to lapse. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final CredentialsAuthority authority;
    private final CredentialsAuthority.Role role;
    private CredentialsAuthority.IssuedCredentials current;

    /** The function role's credentials. */
    IssuedCredentialsSource(CredentialsAuthority authority) {
        this(authority, CredentialsAuthority.Role.FUNCTION);
    }

    IssuedCredentialsSource(CredentialsAuthority authority, CredentialsAuthority.Role role) {
        this.authority = Objects.requireNonNull(authority, "authority");
        this.role = Objects.requireNonNull(role, "role");
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        if (current == null || !current.validAt(authority.clock().instant().plus(RENEW_BEFORE))) {
            current = authority.issue(role, LIFETIME);
        }
        return AwsSessionCredentials.create(current.accessKeyId(), current.secretAccessKey(),
                current.sessionToken());
    }

    @Override
    public String toString() {
        return "IssuedCredentialsSource[" + current + "]";
    }
}
