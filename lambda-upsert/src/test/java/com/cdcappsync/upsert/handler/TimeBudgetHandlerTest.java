package com.cdcappsync.upsert.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cdcappsync.upsert.BatchFailedException;
import com.cdcappsync.upsert.UpsertHandler;
import com.cdcappsync.upsert.UpsertPipeline;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.testing.RemainingTimeContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler against an AppSync that never answers (a brown-out): the invocation answers within the Lambda
 * context's remaining time, every record sent failing with the function time budget, one log line saying so.
 */
class TimeBudgetHandlerTest {

    private final CountDownLatch thaw = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private HttpServer frozen;

    @AfterEach
    void stop() {
        thaw.countDown();
        if (frozen != null) {
            frozen.stop(0);
        }
    }

    private UpsertHandler handler() throws Exception {
        frozen = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        frozen.setExecutor(Executors.newCachedThreadPool());
        frozen.createContext("/graphql", exchange -> {
            received.incrementAndGet();
            try {
                thaw.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        frozen.start();
        Map<String, String> env = Map.of("APPSYNC_GRAPHQL_URL", "http://127.0.0.1:" + frozen.getAddress().getPort()
                + "/graphql", "APPSYNC_AUTH", "api-key", "APPSYNC_API_KEY", "da2-test", "DEADLINE_RESERVE", "1s");
        return new UpsertHandler(UpsertPipeline.builder().config(HandlerConfig.fromEnvironment(env::get, true))
                .log(log::add).build());
    }

    private static byte[] sample() throws Exception {
        try (InputStream in = TimeBudgetHandlerTest.class.getResourceAsStream("/sample/odoo-product-changes.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void handleRequest_appSyncFrozen_answersBeforeTheTimeoutWithEverySentRecordFailedNamingTheBudget()
            throws Exception {
        UpsertHandler handler = handler();
        long start = System.nanoTime();

        BatchFailedException e = catchThrowableOfType(BatchFailedException.class, () -> handler.handleRequest(
                new ByteArrayInputStream(sample()), new ByteArrayOutputStream(), new RemainingTimeContext(2500)));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("answered inside the 2.5 s the context gave").isLessThan(Duration.ofMillis(2500));
        assertThat(received.get()).isPositive();
        List<String> lines = e.getMessage().lines().skip(1).toList();
        assertThat(lines).hasSize(received.get()).allSatisfy(line -> assertThat(line)
                .contains("\"status\":\"failed\"").contains("function time budget: stopped with"));
        JsonNode budget = Json.MAPPER.readTree(log.stream().filter(l -> l.contains("\"OutOfTime\"")).findFirst()
                .orElseThrow());
        assertThat(budget.path("level").asText()).isEqualTo("WARN");
        assertThat(budget.path("OutOfTime").asInt()).isEqualTo(received.get());
        assertThat(budget.path("BudgetMs").asLong()).isBetween(1000L, 1500L);
        assertThat(budget.path("message").asText()).startsWith("function time budget: " + received.get() + " of 12 "
                + "records not completed before the deadline");
    }

    @Test
    void handleRequest_withoutAContext_hasNoDeadline() throws Exception {
        UpsertHandler handler = handler();
        thaw.countDown(); // answers at once (an empty reply), so only the retries decide the outcome

        BatchFailedException e = catchThrowableOfType(BatchFailedException.class, () -> handler.handleRequest(
                new ByteArrayInputStream(sample()), new ByteArrayOutputStream(), null));

        assertThat(e.getMessage()).doesNotContain("function time budget");
        assertThat(log).noneMatch(l -> l.contains("\"OutOfTime\""));
    }
}
