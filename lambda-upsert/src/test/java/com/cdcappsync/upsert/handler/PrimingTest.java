package com.cdcappsync.upsert.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.cdcappsync.upsert.UpsertHandler;
import com.cdcappsync.upsert.UpsertPipeline;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.publish.SendResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** SnapStart priming warms every path, sends nothing, resolves no credentials, and never throws. */
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

            // Three records, two of the same product: coalesced, 2 items.
            assertThat(result).isEqualTo("primed: 3 records, 2 mutations; signing: ok");
            assertThat(requests.get()).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void prime_iam_signsWithoutResolvingCredentials() {
        AtomicInteger resolved = new AtomicInteger();
        AwsCredentialsProvider counting = () -> {
            resolved.incrementAndGet();
            throw new IllegalStateException("priming must not resolve credentials");
        };
        try (UpsertPipeline pipeline = UpsertPipeline.builder().config(HandlerConfig.fromEnvironment(Map.of(
                "APPSYNC_GRAPHQL_URL", "https://example.appsync-api.eu-west-1.amazonaws.com/graphql",
                "AWS_REGION", "eu-west-1")::get, true)).credentials(counting).log(l -> { }).build()) {

            assertThat(pipeline.prime()).isEqualTo("primed: 3 records, 2 mutations; signing: ok");
        }
        assertThat(resolved).hasValue(0);
    }

    @Test
    void beforeCheckpoint_logsWhatWasPrimedThroughTheInjectedLog() throws Exception {
        List<String> log = new ArrayList<>();
        UpsertHandler handler = new UpsertHandler(UpsertPipeline.builder()
                .config(HandlerConfig.fromEnvironment(Map.<String, String>of()::get, false))
                .sender(c -> new SendResult.Applied(null)).log(log::add).build());

        handler.beforeCheckpoint(null);

        assertThat(log).singleElement().satisfies(line -> {
            JsonNode json = Json.MAPPER.readTree(line);
            assertThat(json.get("level").asText()).isEqualTo("INFO");
            assertThat(json.get("message").asText())
                    .isEqualTo("primed: 3 records, 2 mutations; signing: no client to prime");
        });
    }

    @Test
    void beforeCheckpoint_primingThrowsRuntimeException_logsFailureAndReturns() throws Exception {
        List<String> log = new ArrayList<>();
        UpsertHandler handler = handlerWithClock(new BrokenClock(new IllegalStateException("clock broke")), log);

        handler.beforeCheckpoint(null);

        assertThat(log).singleElement().asString().contains("priming failed", "clock broke");
    }

    @Test
    void beforeCheckpoint_primingThrowsLinkageError_logsFailureAndReturns() throws Exception {
        List<String> log = new ArrayList<>();
        UpsertHandler handler = handlerWithClock(new BrokenClock(new NoClassDefFoundError("Missing")), log);

        handler.beforeCheckpoint(null);

        assertThat(log).singleElement().asString().contains("priming failed", "NoClassDefFoundError", "Missing");
    }

    @Test
    void beforeCheckpoint_logThrows_doesNotThrow() {
        UpsertHandler handler = new UpsertHandler(UpsertPipeline.builder()
                .config(HandlerConfig.fromEnvironment(Map.<String, String>of()::get, false))
                .sender(c -> new SendResult.Applied(null)).log(line -> {
                    throw new IllegalStateException("log down");
                }).build());

        assertThatCode(() -> handler.beforeCheckpoint(null)).doesNotThrowAnyException();
    }

    private static UpsertHandler handlerWithClock(Clock clock, List<String> log) {
        return new UpsertHandler(UpsertPipeline.builder()
                .config(HandlerConfig.fromEnvironment(Map.<String, String>of()::get, false))
                .sender(c -> new SendResult.Applied(null)).clock(clock).log(log::add).build());
    }

    /** A clock that fails when read: priming reads it, so priming fails with {@code failure}. */
    private static final class BrokenClock extends Clock {
        private final RuntimeException runtime;
        private final Error error;

        BrokenClock(Throwable failure) {
            this.runtime = failure instanceof RuntimeException r ? r : null;
            this.error = failure instanceof Error e ? e : null;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            if (error != null) {
                throw error;
            }
            throw runtime;
        }
    }
}
