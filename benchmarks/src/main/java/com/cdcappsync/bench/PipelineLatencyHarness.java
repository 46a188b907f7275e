package com.cdcappsync.bench;

import com.cdcappsync.localstack.DynamoDbLocal;
import com.cdcappsync.localstack.LocalStackOptions;
import com.cdcappsync.localstack.RealtimeClient;
import com.cdcappsync.localstack.RepositoryLayout;
import com.cdcappsync.localstack.SubscriptionSpec;
import com.cdcappsync.pipeline.LocalPipeline;
import com.cdcappsync.pipeline.PipelineOptions;
import com.cdcappsync.pipeline.StoreCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole pipeline under a steady load: at each rate (changes per second), for {@code seconds}, writer threads
 * (concurrent transactions) change random products in PostgreSQL ({@link ChangeDriver}), and a WebSocket
 * subscriber times each change from its commit to its message. Prints per rate p50/p99/max, the rate actually
 * committed, whether the rate was held (at least 95 % of it committed with under 1 % of ticks finding every product
 * busy, the last third's p50 within 2x the first third's + 50 ms, and everything arrived within 10 s after the load
 * stopped), the function's own lag (commit to the end of its batch: LagMs of
 * its log line), then the start time, each process's memory and whether the store equals PostgreSQL.
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     com.cdcappsync.bench.PipelineLatencyHarness [rates=20,50,100,200] [seconds=60] [products=500] [writers=4]
 *     [source.KEY=VALUE ...] [sink.KEY=VALUE ...]
 * </pre>
 */
public final class PipelineLatencyHarness {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private PipelineLatencyHarness() {
    }

    /** One change's journey. */
    record Sample(long atNanos, long latencyNanos, String kind) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("rates", "20,50,100,200", "seconds", "60",
                "products", "500", "writers", "4"));
        Map<String, String> source = new LinkedHashMap<>();
        Map<String, String> sink = new LinkedHashMap<>();
        for (String arg : args) {
            String key = arg.substring(0, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            if (key.startsWith("source.")) {
                source.put(key.substring(7), value);
            } else if (key.startsWith("sink.")) {
                sink.put(key.substring(5), value);
            } else {
                settings.put(key, value);
            }
        }
        ConcurrentLinkedQueue<String> functionLog = new ConcurrentLinkedQueue<>();
        RepositoryLayout layout = RepositoryLayout.locate(null);
        System.out.println("settings " + settings + " source " + source + " sink " + sink);
        try (LocalPipeline pipeline = LocalPipeline.start(PipelineOptions.builder().layout(layout)
                .stack(LocalStackOptions.builder().layout(layout).ephemeralPorts().progress(line -> { })
                        .lambdaLog(functionLog::add).build())
                .sourceOverrides(source).sinkOverrides(sink).progress(line -> { }).build())) {
            System.out.printf("pipeline started in %.1f s%n", pipeline.startTime().toMillis() / 1000.0);
            printMemory("after start", pipeline);
            run(pipeline, settings, functionLog);
            printMemory("after the load", pipeline);
        }
        // A pool of the local stack outlives close(): end here rather than wait for it.
        System.exit(0);
    }

    private static void run(LocalPipeline pipeline, Map<String, String> settings, ConcurrentLinkedQueue<String> log)
            throws Exception {
        var stack = pipeline.stack();
        int products = Integer.parseInt(settings.get("products"));
        ChangeDriver driver = new ChangeDriver(pipeline.jdbcUrl(), products);
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        try (RealtimeClient subscriber = RealtimeClient.connect(stack.realtimeUrl(), stack.graphQlUrl(),
                stack.apiKey(), Duration.ofSeconds(30))) {
            for (SubscriptionSpec spec : SubscriptionSpec.forStack(stack)) {
                subscriber.subscribe(spec.query(), MAPPER.createObjectNode(), spec.field(), Duration.ofSeconds(30));
            }
            Thread listener = Thread.ofPlatform().daemon().name("subscriber").start(() -> listen(subscriber, driver,
                    samples));
            driver.seed();
            awaitDrained(driver, Duration.ofSeconds(60));
            samples.clear();
            log.clear();
            System.out.printf("seeded %d products%n%n", products);
            System.out.println("rate/s  committed/s  changes  p50 ms  p99 ms  max ms  lag held  "
                    + "function lag p50/p99 ms");
            for (String rate : settings.get("rates").split(",")) {
                runRate(driver, samples, log, Integer.parseInt(rate.trim()), settings);
            }
            listener.interrupt();
        }
        checkStore(pipeline);
    }

    private static void listen(RealtimeClient subscriber, ChangeDriver driver, List<Sample> samples) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                RealtimeClient.Event event = subscriber.next(Duration.ofSeconds(1));
                if (event != null && "data".equals(event.type())) {
                    long now = System.nanoTime();
                    JsonNode item = event.payload();
                    ChangeDriver.Pending p = driver.arrived(event.field(), item.path("id").asText(),
                            item.path("descriptionSale").asText(null));
                    if (p != null) {
                        samples.add(new Sample(now, p.latencyNanos(now), p.kind()));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runRate(ChangeDriver driver, List<Sample> samples, ConcurrentLinkedQueue<String> log, int rate,
                                Map<String, String> settings) throws Exception {
        int seconds = Integer.parseInt(settings.get("seconds"));
        int writers = Integer.parseInt(settings.get("writers"));
        samples.clear();
        log.clear();
        AtomicLong committed = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> pool.submit(() -> {
            try {
                if (driver.change()) {
                    committed.incrementAndGet();
                } else {
                    skipped.incrementAndGet();
                }
            } catch (Exception e) {
                System.err.println("change failed: " + e.getMessage());
            }
        }), 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        TimeUnit.SECONDS.sleep(seconds);
        ticker.shutdownNow();
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        boolean drained = awaitDrained(driver, DRAIN);
        report(rate, committed.get() / elapsed, samples, start, seconds, drained, skipped.get(), log);
    }

    private static boolean awaitDrained(ChangeDriver driver, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (driver.outstanding() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return driver.outstanding() == 0;
    }

    private static void report(int rate, double committedRate, List<Sample> samples, long start, int seconds,
                               boolean drained, long skipped, ConcurrentLinkedQueue<String> log) {
        List<Sample> all;
        synchronized (samples) {
            all = new ArrayList<>(samples);
        }
        long third = seconds * 1_000_000_000L / 3;
        double firstP50 = percentile(all.stream().filter(s -> s.atNanos() - start < third).toList(), 50);
        double lastP50 = percentile(all.stream().filter(s -> s.atNanos() - start >= 2 * third).toList(), 50);
        // Held: the load was driven at the rate asked (the driver keeps one change per product outstanding, so
        // when changes take too long it runs out of products and the rate drops instead of the lag growing), the
        // lag stayed flat, and everything arrived soon after the load stopped.
        long ticks = Math.max(1, all.size() + skipped);
        boolean held = drained && lastP50 <= 2 * firstP50 + 50 && committedRate >= 0.95 * rate
                && skipped <= ticks / 100;
        double[] fn = functionLag(log);
        System.out.printf("%6d  %11.1f  %7d  %6.0f  %6.0f  %6.0f  %-8s  %.0f / %.0f%s%n", rate, committedRate,
                all.size(), percentile(all, 50), percentile(all, 99), percentile(all, 100),
                held ? "yes" : "NO", fn[0], fn[1], skipped > 0 ? "  (" + skipped + " ticks found every product busy)"
                        : "");
    }

    /** Percentile of the latencies in milliseconds; NaN when there are none. */
    private static double percentile(List<Sample> samples, double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double[] ms = samples.stream().mapToDouble(s -> s.latencyNanos() / 1e6).sorted().toArray();
        int index = (int) Math.ceil(p / 100 * ms.length) - 1;
        return ms[Math.max(0, Math.min(ms.length - 1, index))];
    }

    /** p50 and p99 of the function's LagMs (commit to the end of its batch), weighted by records. */
    private static double[] functionLag(ConcurrentLinkedQueue<String> log) {
        List<Double> lags = new ArrayList<>();
        for (String line : log) {
            try {
                JsonNode json = MAPPER.readTree(line);
                for (int i = 0; i < json.path("Records").asInt(); i++) {
                    lags.add(json.path("LagMs").asDouble());
                }
            } catch (Exception e) {
                // not a batch line
            }
        }
        if (lags.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Collections.sort(lags);
        return new double[] {lags.get((int) (lags.size() * 0.5)), lags.get(Math.min(lags.size() - 1,
                (int) (lags.size() * 0.99)))};
    }

    private static void checkStore(LocalPipeline pipeline) throws Exception {
        try (Connection db = DriverManager.getConnection(pipeline.jdbcUrl());
             DynamoDbClient dynamoDb = DynamoDbLocal.client(pipeline.stack().dynamoDbEndpoint())) {
            List<String> differences = new StoreCheck(db, dynamoDb, pipeline.stack().manifest()).differences();
            System.out.println();
            System.out.println("store == PostgreSQL: " + (differences.isEmpty() ? "yes"
                    : "NO, " + differences.size() + " difference(s): " + differences.subList(0,
                    Math.min(10, differences.size()))));
        }
    }

    /** Resident memory of this JVM (DynamoDB Local, the function, the harness) and of every child process. */
    private static void printMemory(String when, LocalPipeline pipeline) {
        System.out.println("memory (RSS) " + when + ":");
        System.out.printf("  %6d MiB  this JVM (local stack: DynamoDB Local, the function, Invoke API; the harness)%n",
                rssMiB(ProcessHandle.current().pid()));
        ProcessHandle.current().descendants().forEach(p -> {
            String command = p.info().commandLine().orElse("?");
            String name = command.contains("kafka.Kafka") ? "Kafka broker"
                    : command.contains("ConnectDistributed") ? "Kafka Connect (Debezium + Lambda sink)"
                    : command.contains("simulator.js") ? "AppSync simulator (node)"
                    : command.contains("postgres") ? "PostgreSQL " + Arrays.stream(command.split(" ")).findFirst()
                    .orElse("") : command.length() > 60 ? command.substring(0, 60) : command;
            long rss = rssMiB(p.pid());
            if (rss > 0) {
                System.out.printf("  %6d MiB  %s (pid %d)%n", rss, name, p.pid());
            }
        });
        pipeline.childPids().forEach((part, pid) -> {
            if (part.startsWith("PostgreSQL")) {
                long total = ProcessHandle.of(pid).map(h -> rssMiB(pid) + h.children().mapToLong(c -> rssMiB(c.pid()))
                        .sum()).orElse(0L);
                System.out.printf("  %6d MiB  PostgreSQL, postmaster and its children (RSS counts shared memory "
                        + "per process)%n", total);
            }
        });
    }

    private static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // gone, or not Linux
        }
        return 0;
    }
}
