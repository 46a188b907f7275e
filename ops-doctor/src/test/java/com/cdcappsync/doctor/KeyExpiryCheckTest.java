package com.cdcappsync.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code appsync.key_expiry} against a stand-in for AppSync's control plane that answers {@code ListApiKeys} in the
 * documented wire format (GET {@code /v1/apis/{apiId}/apikeys}, {@code {"apiKeys": [{"id", "expires", "deletes",
 * "description"}], "nextToken"}}, expiry in epoch seconds rounded down to the hour:
 * https://docs.aws.amazon.com/appsync/latest/APIReference/API_ListApiKeys.html and API_ApiKey.html). No AWS account
 * here: what the stand-in checks is what the SDK sends (path, SigV4 scope for service {@code appsync}).
 */
class KeyExpiryCheckTest {

    private static final String KEY = "da2-websitekey0000000000000";
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDDOCTORTEST", "doctor-test-secret"));

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Pages of keys by nextToken ("" for the first request), or a status to answer instead. */
    private volatile Map<String, String> pages = Map.of();
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                + exchange.getRequestHeaders().getFirst("Authorization"));
        String token = query == null || !query.contains("nextToken=") ? "" : query.replaceAll(".*nextToken=", "");
        byte[] body = (status == 200 ? pages.get(token)
                : "{\"message\":\"not authorized to perform appsync:ListApiKeys\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (status != 200) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "UnauthorizedException");
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String key(String id, Instant expires) {
        long hour = expires.getEpochSecond() / 3600 * 3600;
        return "{\"id\":\"" + id + "\",\"description\":\"Websites\",\"expires\":" + hour + ",\"deletes\":"
                + (hour + Duration.ofDays(60).toSeconds()) + "}";
    }

    private Finding check() {
        DoctorOptions options = CommandLine.populateCommand(new DoctorOptions(), "--api-id", "abcdefghij",
                "--api-key", KEY, "--region", "eu-west-1", "--appsync-control-endpoint",
                "http://127.0.0.1:" + server.getAddress().getPort());
        return new AppSyncChecks(options, CREDENTIALS).run().stream()
                .filter(f -> f.check().equals("appsync.key_expiry")).findFirst().orElseThrow();
    }

    @Test
    void check_keyValidForMonths_okWithSecondsLeft() {
        pages = Map.of("", "{\"apiKeys\":[" + key(KEY, Instant.now().plus(Duration.ofDays(200))) + "]}");

        Finding finding = check();

        assertThat(finding.status()).as(finding.detail()).isEqualTo(Status.OK);
        assertThat(finding.samples()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("cdc_doctor_api_key_expiry_seconds");
            assertThat(s.value()).isBetween((double) Duration.ofDays(199).toSeconds(),
                    (double) Duration.ofDays(200).toSeconds());
        });
        assertThat(requests).singleElement().asString().startsWith("GET /v1/apis/abcdefghij/apikeys "
                + "AWS4-HMAC-SHA256 Credential=AKIDDOCTORTEST/").contains("/eu-west-1/appsync/aws4_request");
    }

    @Test
    void check_keyOnTheSecondPage_followsNextToken() {
        pages = Map.of("", "{\"apiKeys\":[" + key("da2-other", Instant.now().plus(Duration.ofDays(90)))
                        + "],\"nextToken\":\"page2\"}",
                "page2", "{\"apiKeys\":[" + key(KEY, Instant.now().plus(Duration.ofDays(3))) + "]}");

        Finding finding = check();

        assertThat(finding.status()).as(finding.detail()).isEqualTo(Status.WARN);
        assertThat(finding.detail()).contains("in 2 days; warn under 7");
        assertThat(requests).hasSize(2);
    }

    @Test
    void check_keyExpired_fails() {
        pages = Map.of("", "{\"apiKeys\":[" + key(KEY, Instant.now().minus(Duration.ofDays(2))) + "]}");

        assertThat(check().status()).isEqualTo(Status.FAIL);
    }

    @Test
    void check_keyNotListed_failsSayingRotate() {
        pages = Map.of("", "{\"apiKeys\":[" + key("da2-other", Instant.now().plus(Duration.ofDays(90))) + "]}");

        Finding finding = check();

        assertThat(finding.status()).isEqualTo(Status.FAIL);
        assertThat(finding.detail()).contains("has no such key", "rotate");
    }

    @Test
    void check_notAllowedToList_skippedWithAwsMessage() {
        status = 401;

        Finding finding = check();

        assertThat(finding.status()).isEqualTo(Status.SKIPPED);
        assertThat(finding.detail()).contains("cannot read the key with ListApiKeys",
                "not authorized to perform appsync:ListApiKeys");
    }
}
