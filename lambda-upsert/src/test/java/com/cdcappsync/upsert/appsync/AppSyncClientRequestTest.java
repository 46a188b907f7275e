package com.cdcappsync.upsert.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What goes over the wire: body, headers, HTTP version, API key and SigV4, concurrency. */
class AppSyncClientRequestTest {

    private static final String QUERY =
            "mutation Upsert($input: ProductInput!) { upsertProduct(input: $input) { id } }";
    private static final Clock FIXED_CLOCK = Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private final ObjectMapper mapper = new ObjectMapper();
    private final ScriptedHttpServer server = ScriptedHttpServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private AppSyncClient client(AppSyncAuth auth) {
        return AppSyncClient.builder().endpoint(server.endpoint()).auth(auth).clock(FIXED_CLOCK).build();
    }

    private GraphQlRequest request() {
        ObjectNode variables = mapper.createObjectNode();
        variables.putObject("input").put("id", "42").put("price", new BigDecimal("1E+3")).put("name", "Désk");
        return new GraphQlRequest(QUERY, variables);
    }

    private ScriptedHttpServer.Received sendOne(AppSyncAuth auth) {
        try (AppSyncClient client = client(auth)) {
            client.execute(request());
        }
        return server.received().get(0);
    }

    @Test
    void execute_apiKey_sendsGraphQlJsonBodyAndHeaders() throws Exception {
        ScriptedHttpServer.Received received = sendOne(AppSyncAuth.apiKey("da2-abcdefghijklmnop"));

        JsonNode body = mapper.readTree(received.body());
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.target()).isEqualTo("/graphql");
        assertThat(received.header("content-type")).isEqualTo("application/json");
        assertThat(received.header("x-api-key")).isEqualTo("da2-abcdefghijklmnop");
        assertThat(received.header("user-agent")).startsWith("cdc-appsync/");
        assertThat(received.header("authorization")).isNull();
        assertThat(body.get("query").asText()).isEqualTo(QUERY);
        assertThat(body.get("variables").get("input").get("name").asText()).isEqualTo("Désk");
        assertThat(received.bodyText()).contains("\"price\":1000").doesNotContain("E+3");
    }

    @Test
    void execute_httpEndpoint_usesHttp11WithoutH2cUpgrade() {
        ScriptedHttpServer.Received received = sendOne(AppSyncAuth.apiKey("da2-abcdefghijklmnop"));

        assertThat(received.protocol()).isEqualTo("HTTP/1.1");
        assertThat(received.header("upgrade")).isNull();
        assertThat(received.header("http2-settings")).isNull();
    }

    @Test
    void execute_iam_sendsSigV4AuthorizationForAppSync() {
        AwsCredentials credentials = AwsBasicCredentials.create("AKIDEXAMPLE", SECRET);
        ScriptedHttpServer.Received received =
                sendOne(AppSyncAuth.iam("eu-west-1", StaticCredentialsProvider.create(credentials)));

        Matcher auth = SigV4Reference.AUTHORIZATION.matcher(received.header("authorization"));
        assertThat(auth.matches()).as(received.header("authorization")).isTrue();
        assertThat(received.header("authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/eu-west-1/appsync/aws4_request, ");
        assertThat(auth.group(5).split(";")).contains("content-type", "host", "x-amz-date");
        assertThat(received.header("x-amz-date")).isEqualTo("20240102T030405Z");
        assertThat(received.header("x-amz-security-token")).isNull();
        assertThat(received.header("x-api-key")).isNull();
        assertThat(received.header("host")).isEqualTo("127.0.0.1:" + server.endpoint().getPort());
    }

    @Test
    void execute_iam_signatureMatchesReferenceComputationOverReceivedRequest() {
        AwsCredentials credentials = AwsSessionCredentials.create("AKIDEXAMPLE", SECRET, "token/1");
        ScriptedHttpServer.Received received =
                sendOne(AppSyncAuth.iam("eu-west-1", StaticCredentialsProvider.create(credentials)));

        Matcher auth = SigV4Reference.AUTHORIZATION.matcher(received.header("authorization"));
        assertThat(auth.matches()).isTrue();
        assertThat(auth.group(6)).isEqualTo(SigV4Reference.expectedSignature(received, SECRET));
    }

    @Test
    void execute_iamWithSessionToken_sendsAndSignsSecurityToken() {
        AwsCredentials credentials = AwsSessionCredentials.create("AKIDEXAMPLE", SECRET, "session-token-value");
        ScriptedHttpServer.Received received =
                sendOne(AppSyncAuth.iam("us-east-1", StaticCredentialsProvider.create(credentials)));

        assertThat(received.header("x-amz-security-token")).isEqualTo("session-token-value");
        assertThat(received.header("authorization")).contains("/us-east-1/appsync/aws4_request",
                "x-amz-security-token");
    }

    @Test
    void execute_iamProvider_askedAgainOnEachRequest() {
        AtomicReference<AwsCredentials> current = new AtomicReference<>(AwsBasicCredentials.create("AKIDFIRST",
                SECRET));
        try (AppSyncClient client = client(AppSyncAuth.iam("eu-west-1", current::get))) {
            client.execute(request());
            current.set(AwsBasicCredentials.create("AKIDSECOND", SECRET));
            client.execute(request());
        }

        assertThat(server.received()).extracting(r -> r.header("authorization"))
                .satisfiesExactly(first -> assertThat(first).contains("Credential=AKIDFIRST/"),
                        second -> assertThat(second).contains("Credential=AKIDSECOND/"));
    }

    @Test
    void execute_iamProviderFindsNoCredentials_failsBeforeSendingWithClearMessage() {
        SdkClientException none = SdkClientException.create("Unable to load credentials from any of the providers"
                + " in the chain AwsCredentialsProviderChain(credentialsProviders=[...])");
        try (AppSyncClient client = client(AppSyncAuth.iam("eu-west-1", () -> {
            throw none;
        }))) {
            AppSyncException failure = catchThrowableOfType(AppSyncException.class, () -> client.execute(request()));

            assertThat(failure.attempts()).isZero();
            assertThat(failure.retryable()).isFalse();
            assertThat(failure.getMessage()).contains("was not sent", "found no AWS credentials",
                    "Unable to load credentials from any of the providers", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                    "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", "export", "credentials-chain.html");
            assertThat(failure).hasCauseInstanceOf(IllegalStateException.class).hasRootCause(none);
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void execute_fiftyConcurrentRequests_allSucceed() throws Exception {
        try (AppSyncClient client = client(AppSyncAuth.apiKey("da2-abcdefghijklmnop"));
                ExecutorService pool = Executors.newFixedThreadPool(50)) {
            List<Future<GraphQlResponse>> futures = IntStream.range(0, 50)
                    .mapToObj(i -> pool.submit(() -> client.execute(numbered(i))))
                    .toList();
            for (Future<GraphQlResponse> future : futures) {
                assertThat(future.get().data().path("ok").asBoolean()).isTrue();
            }
        }
        assertThat(server.received()).hasSize(50)
                .extracting(r -> mapper.readTree(r.body()).at("/variables/n").asInt())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50).boxed().toList());
    }

    private GraphQlRequest numbered(int n) {
        ObjectNode variables = mapper.createObjectNode().put("n", n);
        return new GraphQlRequest("mutation N($n: Int!) { n(n: $n) }", variables);
    }
}
