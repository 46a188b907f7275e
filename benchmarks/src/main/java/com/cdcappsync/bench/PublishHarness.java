package com.cdcappsync.bench;

import com.cdcappsync.upsert.UpsertJson;
import com.cdcappsync.upsert.UpsertPipeline;
import com.cdcappsync.upsert.appsync.AppSyncAuth;
import com.cdcappsync.upsert.appsync.AppSyncClient;
import com.cdcappsync.upsert.appsync.GraphQlRequest;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.publish.SendResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Batch publishing: 500 records over 100 keys sent to a local GraphQL endpoint that answers after 20 ms,
 * through the publisher (coalescing, 16 items at once) and through a plain one-mutation-at-a-time loop of
 * the same records. Prints times, the ratio, mutation counts and the per-key order check.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar com.cdcappsync.bench.PublishHarness [runs]}
 */
public final class PublishHarness {

    private static final ObjectMapper JSON = UpsertJson.mapper();

    static final int RECORDS = 500;
    static final int KEYS = 100;
    static final Duration DELAY = Duration.ofMillis(20);

    private PublishHarness() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        JsonNode batch = batch();
        try (SlowGraphQlServer server = new SlowGraphQlServer(DELAY)) {
            Map<String, String> env = Map.of("APPSYNC_GRAPHQL_URL", server.url(), "APPSYNC_AUTH", "api-key",
                    "APPSYNC_API_KEY", "da2-bench");
            long[] publisher = new long[runs];
            long[] unordered = new long[runs];
            int coalescedRequests = 0;
            boolean orderKept = true;
            try (UpsertPipeline coalescing = pipeline(env, Map.of());
                 UpsertPipeline oneByOne = pipeline(env, Map.of("PUBLISH_COALESCE", "false"))) {
                coalescing.handle(batch); // warm-up
                for (int i = 0; i < runs; i++) {
                    server.reset();
                    publisher[i] = timeNanos(() -> coalescing.handle(batch));
                    coalescedRequests = server.requests();
                    server.reset();
                    unordered[i] = timeNanos(() -> oneByOne.handle(batch));
                    orderKept &= server.requests() == RECORDS && server.versionsPerItem().values().stream()
                            .allMatch(v -> isStrictlyIncreasing(v));
                }
            }
            long[] loop = new long[Math.min(runs, 3)];
            List<MappedChange> changes = mutations(batch);
            try (AppSyncClient client = AppSyncClient.builder().endpoint(URI.create(server.url()))
                    .auth(AppSyncAuth.apiKey("da2-bench")).build()) {
                for (int i = 0; i < loop.length; i++) {
                    loop[i] = timeNanos(() -> changes.forEach(c -> client.execute(new GraphQlRequest(c.query(),
                            c.variables()))));
                }
            }
            report(publisher, unordered, loop, coalescedRequests, orderKept);
        }
    }

    private static void report(long[] publisher, long[] unordered, long[] loop, int requests, boolean orderKept) {
        double p = medianMillis(publisher);
        double u = medianMillis(unordered);
        double l = medianMillis(loop);
        System.out.printf("records=%d keys=%d server delay=%d ms%n", RECORDS, KEYS, DELAY.toMillis());
        System.out.printf("baseline loop (one mutation at a time, %d mutations): median %.0f ms%n", RECORDS, l);
        System.out.printf("publisher, coalescing (default):  median %.1f ms, %d mutations,"
                + " %.1fx faster than the loop%n",
                p, requests, l / p);
        System.out.printf("publisher, no coalescing:         median %.1f ms, %d mutations,"
                + " %.1fx faster; per-key order kept: %s%n",
                u, RECORDS, l / u, orderKept);
        System.out.printf("goal (>= 10x, mutations == distinct keys): %s%n",
                l / p >= 10 && requests == KEYS ? "met" : "NOT met");
    }

    private static UpsertPipeline pipeline(Map<String, String> env, Map<String, String> extra) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putAll(extra);
        return UpsertPipeline.builder().config(HandlerConfig.fromEnvironment(all::get, true)).log(line -> { }).build();
    }

    /** The same records' mutations, one per record, in input order (what a naive handler would send). */
    private static List<MappedChange> mutations(JsonNode batch) {
        List<MappedChange> out = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (UpsertPipeline capture = UpsertPipeline.builder().config(HandlerConfig.fromEnvironment(
                Map.of("PUBLISH_COALESCE", "false", "PUBLISH_CONCURRENCY", "1")::get, false))
                .sender(c -> {
                    out.add(c);
                    return new SendResult.Applied(null);
                }).log(line -> { }).build()) {
            capture.handle(batch);
        }
        List<MappedChange> ordered = new ArrayList<>(out);
        ordered.sort(java.util.Comparator.comparingInt(c -> c.event().record().index()));
        return ordered;
    }

    /** 500 real Debezium updates (fixture line 6, product 1, a TOAST update) spread over 100 product ids. */
    static JsonNode batch() throws Exception {
        JsonNode template = JSON.readTree(Fixtures.bytes("noschemas-precise", "confluent-object.json")).get(5);
        ArrayNode batch = JSON.createArrayNode();
        for (int i = 0; i < RECORDS; i++) {
            ObjectNode element = template.deepCopy();
            ObjectNode payload = (ObjectNode) element.get("payload");
            int id = i % KEYS + 1;
            payload.put("offset", i);
            ((ObjectNode) payload.get("key")).put("id", id);
            ((ObjectNode) payload.get("value").get("after")).put("id", id);
            ((ObjectNode) payload.get("value").get("source")).put("lsn", 30_000_000L + i);
            batch.add(element);
        }
        return batch;
    }

    private static boolean isStrictlyIncreasing(List<Long> versions) {
        for (int i = 1; i < versions.size(); i++) {
            if (versions.get(i) <= versions.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    private static long timeNanos(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static double medianMillis(long[] nanos) {
        return ColdStartHarness.median(nanos) / 1e6;
    }
}
