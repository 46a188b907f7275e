package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A GraphQL POST signed (or not) by the SDK's own SigV4 signer, with every knob a test turns: the credentials,
 * region, service and clock it signs with; then sent as is with the JDK's client, and the raw answer kept.
 */
final class SignedPost {

    /** What came back. */
    record Answer(int status, String errorTypeHeader, JsonNode body, String allowOrigin) {

        String errorType() {
            return body.path("errors").path(0).path("errorType").asText();
        }

        String message() {
            return body.path("errors").path(0).path("message").asText();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SignedPost() {
    }

    /** The request body for {@code query} without variables. */
    static String body(String query) {
        return MAPPER.createObjectNode().put("query", query).toString();
    }

    /** SigV4 headers for a POST of {@code body} to {@code endpoint}, as the SDK signs it. */
    static Map<String, String> sign(URI endpoint, String body, AwsCredentialsIdentity identity, String region,
                                    String service, Clock clock) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("content-type", "application/json")
                .putHeader("host", endpoint.getHost() + ":" + endpoint.getPort()).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(unsigned)
                .payload(ContentStreamProvider.fromString(body, StandardCharsets.UTF_8))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
        Map<String, String> headers = new LinkedHashMap<>();
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return headers;
    }

    /** POSTs {@code body} with exactly {@code headers} (plus the ones the JDK's client always sends). */
    static Answer send(URI endpoint, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("x-amzn-ErrorType").orElse(null),
                MAPPER.readTree(response.body().isEmpty() ? "{}" : response.body()),
                response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }
}
