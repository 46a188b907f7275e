package com.cdcappsync.bench;

import com.cdcappsync.upsert.UpsertJson;
import com.cdcappsync.upsert.UpsertPipeline;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What SnapStart priming buys: in a fresh JVM, the duration of the first invocation (the bundled sample, 16
 * records, sent with SigV4 to a local GraphQL endpoint) with and without {@link UpsertPipeline#prime()} run
 * first, as the CRaC {@code beforeCheckpoint} hook does before the snapshot. A restored snapshot starts from
 * the primed state; restore time itself is AWS's and is not measured here.
 *
 * <p>Run from the repository root:
 * {@code java -cp benchmarks/target/benchmarks.jar com.cdcappsync.bench.PrimingHarness [runs]}
 */
public final class PrimingHarness {

    private static final ObjectMapper JSON = UpsertJson.mapper();

    private static final String CHILD = "--child";

    private PrimingHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD)) {
            child(args[1].equals("primed"));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (SlowGraphQlServer server = new SlowGraphQlServer(Duration.ZERO)) {
            long[] cold = new long[runs];
            long[] primed = new long[runs];
            long[] priming = new long[runs];
            for (int i = 0; i < runs; i++) {
                cold[i] = childRun(server, "cold").getFirst();
                List<Long> p = childRun(server, "primed");
                primed[i] = p.getFirst();
                priming[i] = p.get(1);
            }
            System.out.printf("first invocation, not primed:    median %d ms, min %d ms%n",
                    ColdStartHarness.median(cold), ColdStartHarness.min(cold));
            System.out.printf("first invocation after prime():  median %d ms, min %d ms (%.1fx faster)%n",
                    ColdStartHarness.median(primed), ColdStartHarness.min(primed),
                    (double) ColdStartHarness.median(cold) / Math.max(1, ColdStartHarness.median(primed)));
            System.out.printf("prime() itself (before the snapshot): median %d ms%n", ColdStartHarness.median(priming));
        }
    }

    /** Runs one fresh JVM; returns the first invocation's milliseconds, then prime()'s (0 when not primed). */
    private static List<Long> childRun(SlowGraphQlServer server, String mode) throws Exception {
        List<Long> figures = ChildJvm.run(PrimingHarness.class, List.of(CHILD, mode), Map.of(
                "APPSYNC_GRAPHQL_URL", server.url(), "APPSYNC_AUTH", "iam", "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "AKIDPRIMING", "AWS_SECRET_ACCESS_KEY", "priming")).stream()
                .filter(line -> line.startsWith("ms ")).map(line -> Long.parseLong(line.substring(3).trim())).toList();
        if (figures.size() != 2) {
            throw new IllegalStateException("the " + mode + " run printed " + figures.size() + " figures, not 2");
        }
        return figures;
    }

    private static void child(boolean prime) throws Exception {
        Path samplePath = Path.of("lambda-upsert/samples/odoo-product-changes.json");
        JsonNode sample = JSON.readTree(Files.readAllBytes(samplePath));
        try (UpsertPipeline pipeline = UpsertPipeline.builder()
                .config(HandlerConfig.fromEnvironment(System::getenv, true)).log(line -> { }).build()) {
            long primeStart = System.nanoTime();
            String primed = prime ? pipeline.prime() : "";
            long primeMs = prime ? (System.nanoTime() - primeStart) / 1_000_000 : 0;
            if (prime && !primed.startsWith("primed")) {
                throw new IllegalStateException(primed);
            }
            long start = System.nanoTime();
            var result = pipeline.process(sample);
            long invocationMs = (System.nanoTime() - start) / 1_000_000;
            if (result.hasProblems()) {
                throw new IllegalStateException("the sample did not go through: " + result.outcomes());
            }
            System.out.println("ms " + invocationMs);
            System.out.println("ms " + primeMs);
        }
    }
}
