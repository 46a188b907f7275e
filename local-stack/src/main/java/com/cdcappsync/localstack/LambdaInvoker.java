package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls a function through the Lambda Invoke API, as {@code aws lambda invoke} does (synchronous,
 * {@code RequestResponse}); for the launcher's replay and the tests. Unsigned: the local Invoke API checks no
 * signature.
 */
public final class LambdaInvoker {

    /**
     * The Invoke API's answer.
     *
     * @param status        the HTTP status (200 also for a function error, as Lambda answers)
     * @param functionError {@code X-Amz-Function-Error} ({@code Unhandled}), or null when the function succeeded
     * @param body          the function's JSON answer, or the Lambda error document
     */
    public record Result(int status, String functionError, JsonNode body) {

        /** Whether the function ran and returned normally. */
        public boolean succeeded() {
            return status == 200 && functionError == null;
        }
    }

    private final URI invocationUrl;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration timeout;

    /**
     * @param invocationUrl {@code http://host:port/2015-03-31/functions/<name>/invocations}
     * @param timeout       how long one invocation may take
     */
    public LambdaInvoker(URI invocationUrl, Duration timeout) {
        this.invocationUrl = invocationUrl;
        this.timeout = timeout;
        this.mapper = new ObjectMapper();
    }

    /**
     * Invokes the function with {@code payload} and waits for its answer.
     *
     * @throws UncheckedIOException when the Invoke API cannot be reached or answers something that is not JSON
     */
    public Result invoke(JsonNode payload) {
        HttpRequest request = HttpRequest.newBuilder(invocationUrl).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload.toString())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Result(response.statusCode(), response.headers().firstValue("X-Amz-Function-Error").orElse(null),
                    body.isEmpty() ? mapper.nullNode() : mapper.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot invoke " + invocationUrl + ": " + e.getMessage()
                    + "; is the local stack running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while invoking " + invocationUrl, e);
        }
    }
}
