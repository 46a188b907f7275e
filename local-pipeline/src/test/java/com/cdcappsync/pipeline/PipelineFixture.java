package com.cdcappsync.pipeline;

import com.cdcappsync.doctor.Doctor;
import com.cdcappsync.doctor.DoctorOptions;
import com.cdcappsync.doctor.Finding;
import com.cdcappsync.localstack.DynamoDbLocal;
import com.cdcappsync.localstack.LocalStackOptions;
import com.cdcappsync.localstack.RepositoryLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real pipeline for the runbook's tests (ReplayPipelineTest, TombstoneLifetimeTest): started once per class,
 * with what those tests read (the function's counters, the store against PostgreSQL, the doctor, Kafka) and do
 * (SQL, reconfiguring the sink, running {@code bin/doctor} through its entry point).
 */
final class PipelineFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String SINK = "cdc-appsync-lambda-sink";
    static final String ERROR_TOPIC = SINK + "-error";
    static final String DLQ = SINK + "-dlq";
    static final String PRODUCTS = "odoo.public.product_template";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final PipelineOptions options;
    final LocalPipeline pipeline;
    final ConnectRest rest;
    final Connection db;
    final DynamoDbClient dynamoDb;
    final StoreCheck store;
    private final List<String> lambdaLog = new CopyOnWriteArrayList<>();

    PipelineFixture(String name) throws SQLException {
        RepositoryLayout layout = RepositoryLayout.locate(null);
        options = PipelineOptions.builder().layout(layout)
                .stack(LocalStackOptions.builder().layout(layout).ephemeralPorts().progress(line -> { })
                        .lambdaLog(lambdaLog::add).build())
                .sourceOverrides(Map.of("poll.interval.ms", "50", "heartbeat.interval.ms", "500"))
                .progress(line -> System.out.println("[" + name + "] " + line)).build();
        pipeline = LocalPipeline.start(options);
        rest = new ConnectRest(pipeline.connectUrl());
        db = DriverManager.getConnection(pipeline.jdbcUrl());
        dynamoDb = DynamoDbLocal.client(pipeline.stack().dynamoDbEndpoint());
        store = new StoreCheck(db, dynamoDb, pipeline.stack().manifest());
    }

    @Override
    public void close() throws Exception {
        try (AutoCloseable p = pipeline; AutoCloseable d = db; AutoCloseable s = dynamoDb) {
            // closed in reverse order
        }
    }

    static Path repoRoot() {
        return RepositoryLayout.locate(null).root();
    }

    /** The doctor's options for this pipeline, plus {@code extra}. */
    DoctorOptions doctorOptions(String... extra) {
        List<String> args = new ArrayList<>(List.of("--postgres-url", pipeline.jdbcUrl(),
                "--connect-url", pipeline.connectUrl().toString(),
                "--bootstrap-servers", pipeline.kafkaBootstrapServers(),
                "--mapping", repoRoot().resolve("lambda-upsert/src/main/resources/mappings/odoo-products.json")
                        .toString()));
        args.addAll(List.of(extra));
        return CommandLine.populateCommand(new DoctorOptions(), args.toArray(String[]::new));
    }

    Finding check(String check, String... extra) {
        return find(Doctor.check(doctorOptions(extra)), check);
    }

    /** What {@code bin/doctor ARGS} prints and its exit code, through the CLI's entry point. */
    record Run(int exitCode, String out, String err) {
    }

    Run doctor(String... args) {
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Doctor.run(new PrintWriter(out), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        Run run = new Run(code, out.toString(), err.toString(StandardCharsets.UTF_8));
        System.out.println("bin/doctor " + String.join(" ", args) + " -> exit " + code + "\n" + run.out() + run.err());
        return run;
    }

    /** Sums of the function's per-batch counters (its "batch processed" log lines). */
    Map<String, Long> functionTotals() throws Exception {
        Map<String, Long> totals = new HashMap<>(Map.of("Records", 0L, "Applied", 0L, "Stale", 0L,
                "Rejected", 0L, "Failed", 0L));
        for (String line : lambdaLog) {
            if (line.contains("\"batch processed\"")) {
                JsonNode node = MAPPER.readTree(line);
                totals.replaceAll((k, v) -> v + node.path(k).asLong());
            }
        }
        return totals;
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    long queryLong(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Stops the sink, changes its config, starts it again (Kafka Connect's stop/resume, KIP-875): no task of the old
     * config runs once this returns.
     *
     * @return the config before, for {@link #restoreSink}
     */
    ObjectNode reconfigureSink(Map<String, String> changes) {
        ObjectNode before = (ObjectNode) rest.parse(rest.get("/connectors/" + SINK + "/config").body());
        ObjectNode after = before.deepCopy();
        changes.forEach(after::put);
        replaceSinkConfig(after);
        return before;
    }

    void restoreSink(ObjectNode config) {
        replaceSinkConfig(config);
    }

    private void replaceSinkConfig(ObjectNode config) {
        put("/connectors/" + SINK + "/stop");
        await(() -> rest.parse(rest.get("/connectors/" + SINK + "/status").body()).path("connector").path("state")
                .asText(), "STOPPED"::equals);
        rest.putConfig(SINK, config);
        put("/connectors/" + SINK + "/resume");
        rest.awaitRunning(SINK, WAIT);
    }

    private void put(String path) {
        var answer = rest.put(path);
        if (answer.status() < 200 || answer.status() > 204) {
            throw new IllegalStateException("PUT " + path + ": " + answer);
        }
    }

    /** Every record of a topic's partition 0, from its start to its end now, as bytes. */
    List<ConsumerRecord<byte[], byte[]>> read(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafkaBootstrapServers());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    static Finding find(List<Finding> findings, String check) {
        return findings.stream().filter(f -> f.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + check + " in " + findings));
    }

    static double sample(Finding finding, String metric, String label) {
        return finding.samples().stream().filter(s -> s.name().equals(metric)
                        && (label == null || s.labels().containsValue(label))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + metric + " " + label + " in " + finding)).value();
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    /** Polls until the condition holds; the last value otherwise, for the assertion to show. */
    static <T> T await(Probe<T> probe, Predicate<T> done) {
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            T last = probe.get();
            while (!done.test(last) && System.nanoTime() < deadline) {
                ConnectRest.pause();
                last = probe.get();
            }
            return last;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
