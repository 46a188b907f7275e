package com.cdcappsync.upsert.appsync;

import java.util.Objects;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Supplies the credentials that sign one request. Called once per attempt, from many threads at once,
 * so implementations must be thread-safe and should be cheap (cache if resolving is expensive).
 */
@FunctionalInterface
public interface AwsCredentialsSource {

    /**
     * The credentials to sign with now.
     *
     * @return never null; an {@code AwsSessionCredentialsIdentity} adds {@code X-Amz-Security-Token}
     * @throws RuntimeException with a message that says what is missing and how to fix it
     */
    AwsCredentialsIdentity resolveCredentials();

    /** A source that always returns {@code identity} (tests, CLI with explicit keys). */
    static AwsCredentialsSource fixed(AwsCredentialsIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        return () -> identity;
    }
}
