package com.cdcappsync.upsert.appsync;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How the client authenticates to AppSync: an API key ({@code x-api-key} header) or IAM (SigV4,
 * service name {@code appsync}). The API must list the matching auth mode, and every type the
 * mutation returns must carry the mode's directive ({@code @aws_api_key} / {@code @aws_iam}).
 */
public sealed interface AppSyncAuth permits AppSyncAuth.ApiKey, AppSyncAuth.Iam {

    /** API-key auth; see {@link ApiKey}. */
    static AppSyncAuth apiKey(String key) {
        return new ApiKey(key);
    }

    /**
     * IAM auth with the AWS SDK's default credentials chain: the key variables, SnapStart's container
     * credentials, profiles (see {@code RequestSigner.DefaultChain}). The chain is made again after a SnapStart
     * restore ({@link AppSyncClient#afterRestore()}).
     */
    static AppSyncAuth iam(String region) {
        return new Iam(region, new RequestSigner.DefaultChain());
    }

    /**
     * IAM auth with the given credentials provider, e.g. {@code StaticCredentialsProvider.create(...)} for fixed
     * keys. It is asked once per attempt: cache inside it if resolving is expensive.
     */
    static AppSyncAuth iam(String region, AwsCredentialsProvider credentials) {
        return new Iam(region, credentials);
    }

    /**
     * API-key auth: every request carries {@code x-api-key: <key>}. {@link #toString()} masks the key.
     *
     * @param key the API key, e.g. {@code da2-...}; never blank
     */
    record ApiKey(String key) implements AppSyncAuth {

        private static final int VISIBLE_PREFIX = 4;

        /** Rejects a blank key. */
        public ApiKey {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("AppSync API key must not be blank, got "
                        + (key == null ? "null" : "a blank string")
                        + ". Fix: pass the API's key (AppSync console > Settings, or the stack output),"
                        + " or use AppSyncAuth.iam(region).");
            }
        }

        /** Shows at most the key's first four characters. */
        @Override
        public String toString() {
            String prefix = key.length() > 2 * VISIBLE_PREFIX ? key.substring(0, VISIBLE_PREFIX) : "";
            return "ApiKey[key=" + prefix + "****]";
        }
    }

    /**
     * IAM auth: every request is signed with SigV4 for service {@code appsync} in {@code region}, with
     * credentials resolved from {@code credentials} for each attempt.
     *
     * @param region      the API's region, e.g. {@code eu-west-1}; never blank
     * @param credentials where the signing credentials come from; never null
     */
    record Iam(String region, AwsCredentialsProvider credentials) implements AppSyncAuth {

        /** Rejects a blank region and a null credentials source. */
        public Iam {
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("AppSync IAM region must not be blank, got "
                        + (region == null ? "null" : "a blank string")
                        + ". Fix: pass the API's region, e.g. \"eu-west-1\" (in Lambda: AWS_REGION).");
            }
            Objects.requireNonNull(credentials,
                    "AppSync IAM credentials provider must not be null. Fix: use AppSyncAuth.iam(region) for"
                            + " the SDK's default chain, or pass a provider such as"
                            + " StaticCredentialsProvider.create(...).");
        }
    }
}
