package com.cdcappsync.upsert;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** {@link UpsertPipeline.Builder#credentials}: which keys IAM auth signs with (the local stack passes its own). */
class PipelineCredentialsTest {

    private static final String ONE_PRODUCT = """
            [{"payload":{"timestamp":1,"topic":"odoo.public.product_template","partition":0,"offset":7,
              "key":{"id":9},"value":{"op":"c","before":null,"after":{"id":9,"name":"{\\"en_US\\":\\"Desk\\"}",
              "active":true,"sale_ok":true},"source":{"table":"product_template","lsn":100,"ts_ms":1}}}}]
            """;

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/graphql", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                in.readAllBytes();
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = "{\"data\":{\"upsertProduct\":{\"id\":\"9\"}}}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private UpsertPipeline pipeline(AwsCredentialsProvider credentials) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
        Map<String, String> env = Map.of("APPSYNC_GRAPHQL_URL", url, "APPSYNC_AUTH", "iam",
                "AWS_REGION", "us-east-1");
        UpsertPipeline.Builder builder = UpsertPipeline.builder().config(HandlerConfig.fromEnvironment(env::get, true))
                .log(line -> { });
        return builder.credentials(credentials).build();
    }

    @Test
    void credentials_givenSource_signsWithItsAccessKey() throws IOException {
        AwsCredentialsProvider fixed = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDLOCALSTACK", "local-secret"));

        try (UpsertPipeline pipeline = pipeline(fixed)) {
            JsonNode answer = pipeline.handle(Json.MAPPER.readTree(ONE_PRODUCT));

            assertThat(answer.get(0).get("payload").get("result").get("status").asText()).isEqualTo("applied");
        }
        assertThat(authorizations).singleElement().asString()
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDLOCALSTACK/")
                .contains("/us-east-1/appsync/aws4_request");
    }
}
