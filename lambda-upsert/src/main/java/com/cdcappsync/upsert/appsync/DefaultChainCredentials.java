package com.cdcappsync.upsert.appsync;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS SDK for Java v2 default credentials provider chain (system properties, {@code AWS_ACCESS_KEY_ID} /
 * {@code AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN}, web identity, profiles, container credentials,
 * instance profile), created on first use and dropped by {@link #reset()}.
 *
 * <p>Why: with SnapStart, Lambda's Java runtime gives the function container credentials
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} + {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}) instead of the key
 * variables ("Using SnapStart with AWS SDKs",
 * https://docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html#snapstart-credentials); the SDK's chain
 * reads both (https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/credentials-chain.html). The chain
 * caches what it fetched and refreshes it before expiry; {@link #reset()} (called after a SnapStart restore)
 * throws that cache away, so no environment signs with credentials fetched before the snapshot.
 */
final class DefaultChainCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

    private DefaultCredentialsProvider chain;

    @Override
    public AwsCredentials resolveCredentials() {
        return chain().resolveCredentials();
    }

    private synchronized DefaultCredentialsProvider chain() {
        if (chain == null) {
            // A new instance, not the SDK's shared DefaultCredentialsProvider.create(): reset() must not close
            // a provider that other code in the function may use. No background refresh thread (Lambda freezes).
            chain = DefaultCredentialsProvider.builder().asyncCredentialUpdateEnabled(false).build();
        }
        return chain;
    }

    /** Drops the chain and its cached credentials; the next request builds a new chain. */
    synchronized void reset() {
        close();
    }

    @Override
    public synchronized void close() {
        if (chain != null) {
            chain.close();
            chain = null;
        }
    }

    @Override
    public String toString() {
        return "the AWS SDK's default credentials chain";
    }
}
