package com.cdcappsync.upsert.appsync;

import java.util.List;
import java.util.Map;

/** Produces the headers that authenticate one attempt; implementations are thread-safe. */
sealed interface RequestAuthenticator permits ApiKeyAuthenticator, SigV4Authenticator {

    /** The JSON content type every request carries (and SigV4 signs). */
    String CONTENT_TYPE = "application/json";

    /**
     * The headers to put on one POST of {@code body}, content type included; never restricted ones.
     *
     * @throws RuntimeException when no credentials can be resolved
     */
    Map<String, List<String>> headers(byte[] body);

    /** Like {@link #headers} but never resolves credentials: for priming before a SnapStart snapshot. */
    default Map<String, List<String>> primingHeaders(byte[] body) {
        return headers(body);
    }

    static RequestAuthenticator create(AppSyncClientOptions options) {
        return switch (options.auth()) {
            case AppSyncAuth.ApiKey key -> new ApiKeyAuthenticator(key.key());
            case AppSyncAuth.Iam iam -> new SigV4Authenticator(options.endpoint(), iam, options.clock());
        };
    }
}
