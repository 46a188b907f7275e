package com.cdcappsync.bench;

import com.cdcappsync.localstack.LambdaInvoker;
import com.cdcappsync.localstack.LocalStack;
import com.cdcappsync.localstack.LocalStackOptions;
import com.cdcappsync.localstack.RealtimeClient;
import com.cdcappsync.localstack.RepositoryLayout;
import com.cdcappsync.localstack.SubscriptionSpec;
import com.cdcappsync.upsert.UpsertJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * End to end on the local stack: the time from invoking the handler (Lambda Invoke API) with one real
 * Debezium update to the WebSocket subscriber receiving the changed product, over a few hundred changes.
 * Prints p50, p99 and max, and the Invoke round trip alone for comparison.
 *
 * <p>Run from the repository root:
 * {@code java -cp benchmarks/target/benchmarks.jar com.cdcappsync.bench.EndToEndHarness [changes]}
 */
public final class EndToEndHarness {

    private static final ObjectMapper JSON = UpsertJson.mapper();

    private EndToEndHarness() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmup = 30;
        JsonNode template = JSON.readTree(Fixtures.bytes("noschemas-precise", "confluent-object.json")).get(5);
        LocalStackOptions options = LocalStackOptions.builder().layout(RepositoryLayout.locate(null))
                .ephemeralPorts().progress(line -> { }).lambdaLog(line -> { }).simulatorOutput(line -> { }).build();
        try (LocalStack stack = LocalStack.start(options);
             RealtimeClient subscriber = RealtimeClient.connect(stack.realtimeUrl(), stack.graphQlUrl(),
                     stack.apiKey(), Duration.ofSeconds(10))) {
            SubscriptionSpec upserts = SubscriptionSpec.forStack(stack)
                    .stream().filter(s -> s.field().equals("onUpsertProduct")).findFirst().orElseThrow();
            subscriber.subscribe(upserts.query(), JSON.createObjectNode(), upserts.field(),
                    Duration.ofSeconds(10));
            LambdaInvoker invoker = stack.invoker(Duration.ofSeconds(30));
            long[] endToEnd = new long[changes];
            long[] invokeOnly = new long[changes];
            for (int i = -warmup; i < changes; i++) {
                long lsn = 50_000_000L + (i + warmup);
                JsonNode batch = oneUpdate(template, lsn, i + warmup);
                long start = System.nanoTime();
                LambdaInvoker.Result result = invoker.invoke(batch);
                long invoked = System.nanoTime();
                if (!result.succeeded()) {
                    throw new IllegalStateException("invocation failed: " + result.body());
                }
                awaitVersion(subscriber, lsn);
                long received = System.nanoTime();
                if (i >= 0) {
                    endToEnd[i] = received - start;
                    invokeOnly[i] = invoked - start;
                }
            }
            System.out.printf("changes=%d (after %d warm-up), one record per invocation, one subscriber%n", changes,
                    warmup);
            print("invoke -> subscriber message", endToEnd);
            print("invoke round trip alone      ", invokeOnly);
            coldStartAgainst(stack);
        }
    }

    /**
     * Cold start against the local stack: a fresh JVM runs the deployable jar's CLI on the bundled sample and
     * sends its mutations to the simulator with SigV4 (dummy keys: the simulator does not check signatures),
     * as the function would after a cold start.
     */
    private static void coldStartAgainst(LocalStack stack) throws Exception {
        File sample = Path.of("lambda-upsert/samples/odoo-product-changes.json").toFile();
        String javaBin = ChildJvm.javaBin();
        long[] runs = ColdStartHarness.times(5, List.of(javaBin, "-jar", "lambda-upsert/target/lambda-upsert.jar",
                "--endpoint", stack.graphQlUrl().toString(), "--region", LocalStack.REGION), sample,
                Map.of("AWS_ACCESS_KEY_ID", "AKIDLOCALSTACK", "AWS_SECRET_ACCESS_KEY", "local-stack-secret"));
        System.out.printf("JVM start to end of first invocation, sending to the local stack (16 records, 6 mutations):"
                + " median %d ms, min %d ms%n", ColdStartHarness.median(runs), ColdStartHarness.min(runs));
    }

    /** A real Debezium update of product 1 (fixture line 6) with a new price and the given LSN. */
    private static JsonNode oneUpdate(JsonNode template, long lsn, int n) {
        ObjectNode element = template.deepCopy();
        ObjectNode payload = (ObjectNode) element.get("payload");
        payload.put("offset", n);
        ObjectNode value = (ObjectNode) payload.get("value");
        ((ObjectNode) value.get("source")).put("lsn", lsn);
        ((ObjectNode) value.get("after")).set("list_price", JSON.createObjectNode().put("scale", 0)
                .put("value", java.util.Base64.getEncoder().encodeToString(
                        java.math.BigInteger.valueOf(100 + n % 900).toByteArray())));
        ArrayNode batch = JSON.createArrayNode();
        batch.add(element);
        return batch;
    }

    private static void awaitVersion(RealtimeClient subscriber, long lsn) throws InterruptedException {
        while (true) {
            RealtimeClient.Event event = subscriber.next(Duration.ofSeconds(10));
            if (event == null) {
                throw new IllegalStateException("no subscription message for version " + lsn + " within 10 s");
            }
            if ("data".equals(event.type()) && event.payload().path("version").asLong() == lsn) {
                return;
            }
        }
    }

    private static void print(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", label, sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
