package com.cdcappsync.upsert.appsync;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Sends GraphQL requests to one AppSync API. Thread-safe: build one per Lambda instance and call it
 * from many threads. Close it to release its HTTP connections and threads.
 *
 * <pre>{@code
 * AppSyncClient client = AppSyncClient.builder()
 *         .endpoint(URI.create("https://abc.appsync-api.eu-west-1.amazonaws.com/graphql"))
 *         .auth(AppSyncAuth.iam("eu-west-1"))
 *         .build();
 * }</pre>
 */
public interface AppSyncClient extends AutoCloseable {

    /**
     * Sends {@code request}, retrying throttling (HTTP 429 or throttling GraphQL errors), server errors
     * (5xx, 408) and transport failures with capped exponential backoff and full jitter.
     *
     * @param request the operation; never null
     * @return the answer, possibly with GraphQL errors that are not throttling (for example
     *     {@code DynamoDB:ConditionalCheckFailedException}); never null
     * @throws AppSyncException on a non-retryable failure or when retries are exhausted
     * @throws IllegalStateException if the client is closed
     */
    GraphQlResponse execute(GraphQlRequest request);

    /**
     * Warms the request path without sending anything: serialises {@code request}, signs it with made-up
     * credentials (it never resolves the real ones, which must not end up in a snapshot), and builds the HTTP
     * request. Called before a SnapStart checkpoint so the first real
     * invocation after a restore pays no class-loading or signer start-up. Never throws.
     *
     * @return null when every step ran, else what could not be warmed (for a log line)
     */
    default String prime(GraphQlRequest request) {
        return "this client has nothing to prime";
    }

    /**
     * Drops state that must not be shared by the environments restored from one SnapStart snapshot: the
     * credentials cached by the SDK's default chain ({@link AppSyncAuth#iam(String)}), which is made again on the
     * next request. A provider passed to {@link AppSyncAuth#iam(String, software.amazon.awssdk.auth.credentials
     * .AwsCredentialsProvider)} is the caller's to refresh. Call it from {@code afterRestore}.
     */
    default void afterRestore() {
    }

    /** Releases the HTTP client; waits for requests in flight. */
    @Override
    void close();

    /** A builder with the defaults of {@link AppSyncClientOptions#DEFAULTS}. */
    static Builder builder() {
        return new DefaultAppSyncClientBuilder();
    }

    /**
     * Configures an {@link AppSyncClient}. Setters accept anything; {@link #build()} checks every option
     * and reports all problems at once. Defaults live in {@link AppSyncClientOptions#DEFAULTS}.
     */
    interface Builder {

        /**
         * Required, no default. The API's GraphQL URL, {@code https://<id>.appsync-api.<region>.amazonaws.com/graphql},
         * or the simulator's {@code http://127.0.0.1:<port>/graphql}. {@code http://} endpoints are
         * spoken to in HTTP/1.1 (see {@code HttpClientFactory}).
         */
        Builder endpoint(URI endpoint);

        /** Required, no default. {@link AppSyncAuth#apiKey(String)} or {@link AppSyncAuth#iam(String)}. */
        Builder auth(AppSyncAuth auth);

        /** Time to open a TCP/TLS connection. Default 2 s; greater than 0, at most 15 min. */
        Builder connectTimeout(Duration connectTimeout);

        /** Time for one attempt's answer to arrive. Default 10 s; greater than 0, at most 15 min. */
        Builder requestTimeout(Duration requestTimeout);

        /** HTTP requests per {@code execute}, including the first. Default 5; 1 (no retry) to 20. */
        Builder maxAttempts(int maxAttempts);

        /** Backoff cap before the first retry, doubled for each next one. Default 100 ms; 0 to 15 min. */
        Builder baseBackoff(Duration baseBackoff);

        /** Upper bound of any backoff. Default 5 s; at least {@code baseBackoff}, at most 15 min. */
        Builder maxBackoff(Duration maxBackoff);

        /** The {@code User-Agent} header. Default {@code cdc-appsync/<version>}; printable ASCII, not blank. */
        Builder userAgent(String userAgent);

        /** How to wait between retries. Default {@link Sleeper#system()}; tests record instead. */
        Builder sleeper(Sleeper sleeper);

        /**
         * Source of the jitter; must be thread-safe when the client is shared. Default: a
         * {@link java.util.concurrent.ThreadLocalRandom}-backed generator.
         */
        Builder random(RandomGenerator random);

        /** The clock SigV4 signs with ({@code X-Amz-Date}). Default {@link Clock#systemUTC()}. */
        Builder clock(Clock clock);

        /**
         * Builds the client.
         *
         * @throws IllegalArgumentException listing every invalid option: its name, what is expected,
         *     the value received and the fix
         */
        AppSyncClient build();
    }
}
