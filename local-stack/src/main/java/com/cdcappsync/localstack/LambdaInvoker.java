package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Calls a function through the Lambda Invoke API, as {@code aws lambda invoke} does (synchronous,
 * {@code RequestResponse}), signed with SigV4 for service {@code lambda}: for the launcher's replay, the benchmarks
 * and the tests. The local Invoke API checks the signature and the caller's grant, so the credentials must be ones
 * the stack issued to a role allowed to invoke ({@link LocalStack#invoker}: the connector's).
 */
public final class LambdaInvoker {

    /**
     * The Invoke API's answer.
     *
     * @param status          the HTTP status (200 also for a function error, as Lambda answers)
     * @param functionError   {@code X-Amz-Function-Error} ({@code Unhandled}), or null when the function succeeded
     * @param executedVersion {@code X-Amz-Executed-Version}: the version that ran; null when none ran
     * @param body            the function's JSON answer, or the Lambda error document
     */
    public record Result(int status, String functionError, String executedVersion, JsonNode body) {

        /** Whether the function ran and returned normally. */
        public boolean succeeded() {
            return status == 200 && functionError == null;
        }
    }

    /** Headers the JDK's client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length");

    private final URI invocationUrl;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Duration timeout;

    /**
     * @param invocationUrl {@code http://host:port/2015-03-31/functions/<name[:qualifier]>/invocations}
     * @param credentials   what to sign with
     * @param region        the region to sign for
     * @param timeout       how long one invocation may take
     */
    public LambdaInvoker(URI invocationUrl, AwsCredentialsProvider credentials, String region, Duration timeout) {
        this.invocationUrl = Objects.requireNonNull(invocationUrl, "invocationUrl");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.region = Objects.requireNonNull(region, "region");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Invokes the function with {@code payload} and waits for its answer.
     *
     * @throws UncheckedIOException when the Invoke API cannot be reached or answers something that is not JSON
     */
    public Result invoke(JsonNode payload) {
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(invocationUrl).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        sign(body).forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String answer = response.body();
            return new Result(response.statusCode(), response.headers().firstValue("X-Amz-Function-Error")
                    .orElse(null), response.headers().firstValue("X-Amz-Executed-Version").orElse(null),
                    answer.isEmpty() ? mapper.nullNode() : mapper.readTree(answer));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot invoke " + invocationUrl + ": " + e.getMessage()
                    + "; is the local stack running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while invoking " + invocationUrl, e);
        }
    }

    /** The headers of the signed request (Authorization, X-Amz-Date, X-Amz-Security-Token, Content-Type). */
    private java.util.Map<String, java.util.List<String>> sign(byte[] body) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(invocationUrl)
                .putHeader("Content-Type", "application/json").build();
        SignedRequest signed = signer.sign(r -> r
                .identity(credentials.resolveIdentity().join())
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        return signed.request().headers();
    }
}
