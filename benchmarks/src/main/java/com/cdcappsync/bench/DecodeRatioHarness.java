package com.cdcappsync.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The decode-to-parse ratio of {@link DecodeBenchmark}, measured so that a host whose speed drifts (a shared VM)
 * cannot bend it: the two workloads run in alternating blocks of the same operation count (ABBA order), each
 * round gives one ratio, and the median ratio is reported with its 10th-90th percentile spread. JMH runs the
 * baseline and the candidate minutes apart, so on such a host its ratio can be off in either direction.
 * Each fixture setting runs in its own JVM, as one Lambda sees one converter setting.
 *
 * <p>Run from the repository root:
 * {@code java -cp benchmarks/target/benchmarks.jar com.cdcappsync.bench.DecodeRatioHarness [rounds]}
 */
public final class DecodeRatioHarness {

    private static final List<String> SETTINGS = List.of("schemas-precise", "noschemas-precise", "noschemas-string",
            "noschemas-double", "flattened-rewrite", "flattened-schemas");
    private static final String CHILD = "--child";
    private static final long WARMUP_NANOS = 6_000_000_000L;
    private static final long BLOCK_NANOS = 50_000_000L;

    /** Written for every result, so the JIT cannot drop the work. */
    private static volatile Object sink;

    private DecodeRatioHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals(CHILD)) {
            measure(args[1], Integer.parseInt(args[2]));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        System.out.printf("%-18s %12s %14s %8s %14s%n", "setting", "parse µs/op", "decode µs/op", "ratio",
                "ratio p10-p90");
        for (String setting : SETTINGS) {
            System.out.println(child(setting, rounds));
        }
    }

    private static String child(String setting, int rounds) throws Exception {
        List<String> lines = ChildJvm.run(DecodeRatioHarness.class, List.of(CHILD, setting, Integer.toString(rounds)),
                Map.of());
        if (lines.isEmpty()) {
            throw new IllegalStateException("the run for " + setting + " printed nothing");
        }
        return lines.getLast();
    }

    private static void measure(String setting, int rounds) throws Exception {
        DecodeWorkload workload = new DecodeWorkload(setting, "confluent-object.json");
        long warmupEnd = System.nanoTime() + WARMUP_NANOS;
        long calls = 0;
        long calibrationStart = System.nanoTime();
        while (System.nanoTime() < warmupEnd) {
            sink = workload.parseOnly();
            workload.parseDecodeAndMap(o -> sink = o);
            calls++;
        }
        // Blocks of a few tens of milliseconds: long enough to time, short enough to interleave often.
        int ops = (int) Math.max(10, calls * BLOCK_NANOS / (System.nanoTime() - calibrationStart) * 2);
        double[] base = new double[rounds];
        double[] candidate = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                base[r] = parseBlock(workload, ops);
                candidate[r] = decodeBlock(workload, ops);
            } else {
                candidate[r] = decodeBlock(workload, ops);
                base[r] = parseBlock(workload, ops);
            }
            ratio[r] = candidate[r] / base[r];
        }
        System.out.printf("%-18s %12.1f %14.1f %7.2fx %7.2f-%.2fx%n", setting, percentile(base, 50) / ops / 1000,
                percentile(candidate, 50) / ops / 1000, percentile(ratio, 50), percentile(ratio, 10),
                percentile(ratio, 90));
    }

    private static double parseBlock(DecodeWorkload workload, int ops) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            sink = workload.parseOnly();
        }
        return System.nanoTime() - start;
    }

    private static double decodeBlock(DecodeWorkload workload, int ops) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            workload.parseDecodeAndMap(o -> sink = o);
        }
        return System.nanoTime() - start;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }
}
