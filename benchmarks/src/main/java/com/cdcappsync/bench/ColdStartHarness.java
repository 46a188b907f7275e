package com.cdcappsync.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Cold start of the deployable jar: wall time from starting a JVM to the end of the first invocation
 * (the CLI's dry run of the bundled sample, 16 records), beside the bare JVM start ({@code java -version})
 * as the baseline. Prints the jar size too.
 *
 * <p>Run from the repository root:
 * {@code java -cp benchmarks/target/benchmarks.jar com.cdcappsync.bench.ColdStartHarness [runs]}
 */
public final class ColdStartHarness {

    private ColdStartHarness() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path jar = Path.of("lambda-upsert/target/lambda-upsert.jar");
        Path sample = Path.of("lambda-upsert/samples/odoo-product-changes.json");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(sample)) {
            throw new IllegalStateException("run from the repository root after ./mvnw -B package -DskipTests; "
                    + "missing " + (Files.isRegularFile(jar) ? sample : jar));
        }
        String java = ChildJvm.javaBin();
        long[] jvm = times(runs, List.of(java, "-version"), null);
        long[] firstInvocation = times(runs, List.of(java, "-jar", jar.toString(), "--dry-run"), sample.toFile());
        long[] tiered = times(runs, List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-jar",
                jar.toString(), "--dry-run"), sample.toFile());
        System.out.printf("java: %s (%s)%n", System.getProperty("java.version"), java);
        System.out.printf("jar: %s, %.2f MiB%n", jar, Files.size(jar) / 1024.0 / 1024.0);
        System.out.printf("bare JVM start (java -version):        median %d ms, min %d ms%n", median(jvm), min(jvm));
        System.out.printf("JVM start to end of first invocation:  median %d ms, min %d ms (%.1fx the bare JVM)%n",
                median(firstInvocation), min(firstInvocation), (double) median(firstInvocation) / median(jvm));
        System.out.printf("same with TieredStopAtLevel=1:         median %d ms, min %d ms%n", median(tiered),
                min(tiered));
    }

    static long[] times(int runs, List<String> command, File stdin) throws Exception {
        return times(runs, command, stdin, Map.of());
    }

    /** Wall time of each run of {@code command}, in milliseconds; fails on a non-zero exit. */
    static long[] times(int runs, List<String> command, File stdin, Map<String, String> env) throws Exception {
        long[] out = new long[runs];
        for (int i = 0; i < runs; i++) {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(env);
            if (stdin != null) {
                builder.redirectInput(stdin);
            }
            long start = System.nanoTime();
            int code = builder.start().waitFor();
            out[i] = (System.nanoTime() - start) / 1_000_000;
            if (code != 0) {
                throw new IllegalStateException(command + " exited " + code);
            }
        }
        return out;
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static long min(long[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
