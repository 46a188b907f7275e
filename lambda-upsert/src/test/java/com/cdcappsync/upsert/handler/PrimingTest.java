package com.cdcappsync.upsert.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.UpsertHandler;
import com.cdcappsync.upsert.UpsertPipeline;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.publish.SendResult;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SnapStart priming warms every path and sends nothing. */
class PrimingTest {

    @Test
    void prime_withARealClient_decodesMapsAndSignsWithoutSending() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try (UpsertPipeline pipeline = UpsertPipeline.builder().config(HandlerConfig.fromEnvironment(Map.of(
                "APPSYNC_GRAPHQL_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql",
                "APPSYNC_AUTH", "api-key", "APPSYNC_API_KEY", "da2-prime")::get, true)).log(l -> { }).build()) {

            String result = pipeline.prime();

            // Products 3 (insert, then delete) coalesce: 3 items.
            assertThat(result).isEqualTo("primed: 4 records, 3 mutations; signing: ok");
            assertThat(requests.get()).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void prime_iamWithoutCredentials_reportsItAndDoesNotThrow() {
        try (UpsertPipeline pipeline = UpsertPipeline.builder().config(HandlerConfig.fromEnvironment(Map.of(
                "APPSYNC_GRAPHQL_URL", "https://example.appsync-api.eu-west-1.amazonaws.com/graphql",
                "AWS_REGION", "eu-west-1")::get, true)).log(l -> { }).build()) {
            // This JVM's environment has no AWS_ACCESS_KEY_ID in CI; where it does, signing simply succeeds.
            assertThat(pipeline.prime()).startsWith("primed: 4 records, 3 mutations; signing: ")
                    .satisfiesAnyOf(s -> assertThat(s).endsWith("ok"),
                            s -> assertThat(s).contains("could not prime").contains("AWS_ACCESS_KEY_ID"));
        }
    }

    @Test
    void beforeCheckpoint_logsWhatWasPrimedAndLeavesTheBatchLogAlone() throws Exception {
        List<String> batchLog = new ArrayList<>();
        UpsertHandler handler = new UpsertHandler(UpsertPipeline.builder()
                .config(HandlerConfig.fromEnvironment(Map.<String, String>of()::get, false))
                .sender(c -> new SendResult.Applied(null)).log(batchLog::add).build());

        handler.beforeCheckpoint(null);

        assertThat(batchLog).isEmpty();
    }
}
