package com.cdcappsync.upsert.appsync;

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
     * Like {@link #execute(GraphQlRequest)}, within {@code deadline}: each attempt's timeout is the configured one
     * or the time left, whichever is shorter, and no attempt or backoff starts that could not end before it.
     * This default ignores the deadline (test doubles); the built client honours it.
     *
     * @throws AppSyncException as {@link #execute(GraphQlRequest)}, and with {@link AppSyncException#outOfTime()}
     *     when the deadline stopped the retries
     */
    default GraphQlResponse execute(GraphQlRequest request, Deadline deadline) {
        return execute(request);
    }

    /**
     * Warms the request path without sending anything: serialises {@code request}, signs it with made-up
     * credentials (it never resolves the real ones, which must not end up in a snapshot), and builds the HTTP
     * request. Called before a SnapStart checkpoint so the first real invocation after a restore pays no
     * class-loading or signer start-up. Never throws.
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

    /** A builder with every option at its default ({@link AppSyncClientBuilder}). */
    static AppSyncClientBuilder builder() {
        return new AppSyncClientBuilder();
    }
}
