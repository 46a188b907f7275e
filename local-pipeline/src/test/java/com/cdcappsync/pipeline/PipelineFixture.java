package com.cdcappsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.localstack.DynamoDbLocal;
import com.cdcappsync.localstack.LocalStack;
import com.cdcappsync.localstack.LocalStackOptions;
import com.cdcappsync.localstack.RealtimeClient;
import com.cdcappsync.localstack.RepositoryLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real pipeline for the tests that start it (PostgreSQL, Kafka, Connect, Debezium, the sink, the local stack):
 * started once per class, with what those tests read (the function's counters, the store against PostgreSQL, the
 * sink's state, Kafka through {@link KafkaTopics}, the doctor through {@link DoctorRuns}) and do (SQL, subscribing,
 * Kafka Connect's REST calls, reconfiguring the sink).
 */
final class PipelineFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String SOURCE = "cdc-appsync-odoo-source";
    static final String SINK = "cdc-appsync-lambda-sink";
    static final String ERROR_TOPIC = SINK + "-error";
    static final String DLQ = SINK + "-dlq";
    static final String PRODUCTS = "odoo.public.product_template";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final PipelineOptions options;
    final LocalPipeline pipeline;
    final ConnectRest rest;
    final Connection db;
    final LocalStack stack;
    final DynamoDbClient dynamoDb;
    final StoreCheck store;
    final KafkaTopics kafka;
    final DoctorRuns doctor;
    /** The API definition and mapping the pipeline was started on, when a copy ({@link #onCopy}); else null. */
    final ApiDefinitionCopy copy;
    /** The function's log lines (its JSON lines among them), as they come. */
    final List<String> lambdaLog = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    /** The shipped pipeline; {@code name} prefixes its progress lines. */
    PipelineFixture(String name) throws SQLException {
        this(name, null, stack -> stack, pipeline -> pipeline);
    }

    /**
     * The pipeline on a copy of the API definition and mapping in {@code dir} ({@link #copy}, which the test edits),
     * its stack's progress shown.
     */
    static PipelineFixture onCopy(String name, Path dir) throws IOException, SQLException {
        ApiDefinitionCopy copy = ApiDefinitionCopy.of(RepositoryLayout.locate(null), dir);
        return new PipelineFixture(name, copy, stack -> stack.apiDir(copy.apiDir()).mapping(copy.mapping())
                .progress(line -> System.out.println("[" + name + "] " + line)), pipeline -> pipeline);
    }

    /**
     * Debezium polling every 50 ms with a heartbeat every 500 ms, the function's log captured; then {@code stack} and
     * {@code pipeline} change the options (their setters replace these defaults).
     */
    PipelineFixture(String name, ApiDefinitionCopy copy, UnaryOperator<LocalStackOptions.Builder> stack,
            UnaryOperator<PipelineOptions.Builder> pipeline) throws SQLException {
        this.copy = copy;
        RepositoryLayout layout = RepositoryLayout.locate(null);
        options = pipeline.apply(PipelineOptions.builder().layout(layout)
                .stack(stack.apply(LocalStackOptions.builder().layout(layout).ephemeralPorts().progress(line -> { })
                        .lambdaLog(lambdaLog::add)).build())
                .sourceOverrides(Map.of("poll.interval.ms", "50", "heartbeat.interval.ms", "500"))
                .progress(line -> System.out.println("[" + name + "] " + line))).build();
        this.pipeline = LocalPipeline.start(options);
        rest = new ConnectRest(this.pipeline.connectUrl());
        try {
            db = DriverManager.getConnection(this.pipeline.jdbcUrl());
        } catch (SQLException | RuntimeException e) {
            this.pipeline.close(); // nothing else would stop it
            throw e;
        }
        this.stack = this.pipeline.stack();
        dynamoDb = DynamoDbLocal.client(this.stack.dynamoDbEndpoint());
        store = new StoreCheck(db, dynamoDb, this.stack.manifest());
        kafka = new KafkaTopics(this.pipeline.kafkaBootstrapServers(), WAIT);
        doctor = new DoctorRuns(this.pipeline);
    }

    @Override
    public void close() throws Exception {
        try (AutoCloseable p = pipeline; AutoCloseable d = db; AutoCloseable s = dynamoDb) {
            // closed in reverse order
        }
    }

    /** Closes, having checked first that no part died and no connector failed. */
    void closeHealthy() throws Exception {
        try (PipelineFixture closing = this) {
            String problem = pipeline.problem();
            assertThat(problem).as("a part died or a connector failed; the sink's causes: %s",
                    problem == null ? "" : causes(sinkFailure())).isNull();
        }
    }

    /** A trace's {@code Caused by:} lines (Kafka Connect's first line says only that the task stopped). */
    private static String causes(String trace) {
        return trace == null ? "none" : String.join(" | ", trace.lines().filter(l -> l.startsWith("Caused by:"))
                .map(l -> l.length() > 2_000 ? l.substring(0, 2_000) + "..." : l).toList());
    }

    static Path repoRoot() {
        return RepositoryLayout.locate(null).root();
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

    String queryString(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Starts Debezium's incremental snapshot of {@code table} (e.g. public.product_template): a signal row. */
    void signalSnapshot(String id, String table) throws SQLException {
        execute("INSERT INTO cdc_appsync.debezium_signal (id, type, data) VALUES ('" + id + "', 'execute-snapshot', "
                + "'{\"data-collections\": [\"" + table + "\"], \"type\": \"incremental\"}')");
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

    /** A WebSocket client of the local stack's API, subscribed to {@code field} with {@code query}. */
    RealtimeClient subscribe(String query, String field) {
        RealtimeClient client = RealtimeClient.connect(stack.realtimeUrl(), stack.graphQlUrl(), stack.apiKey(), WAIT);
        try {
            client.subscribe(query, MAPPER.createObjectNode(), field, WAIT);
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** The first FAILED task's trace of the Lambda sink, or null while none failed. */
    String sinkFailure() {
        ConnectRest.Answer answer = rest.get("/connectors/" + SINK + "/status");
        return answer.status() == 200 ? ConnectRest.failure(rest.parse(answer.body())) : null;
    }

    /**
     * Restarts the sink's failed tasks and waits until none is FAILED. Connect answers a restart at once and carries it
     * out asynchronously; one asked for while the group rebalances can be dropped, so the request is repeated (up to
     * four times, 15 s apart) while a task still reports FAILED.
     *
     * @return the first FAILED task's trace after the last attempt, or null once none failed
     */
    String restartFailedSinkTasks() throws IOException, InterruptedException {
        String failure = sinkFailure();
        for (int attempt = 0; attempt < 4 && failure != null; attempt++) {
            send("POST", "/connectors/" + SINK + "/restart?includeTasks=true&onlyFailed=true");
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            do {
                ConnectRest.pause();
                failure = sinkFailure();
            } while (failure != null && System.nanoTime() < deadline);
        }
        return failure;
    }

    /**
     * Restarts the sink's failed tasks until none has failed for {@code quiet}. Kafka Connect gives a failed task's
     * partitions to the connector's other tasks, which then meet the same batch: one that took it before the fix
     * fails after the first restart, so an operator (and a test) restarts again until the connector stays healthy.
     *
     * @return the first FAILED task's trace when one still fails after the last attempt, else null
     */
    String restartUntilHealthy(Duration quiet) throws IOException, InterruptedException {
        for (int round = 0; round < 5; round++) {
            String failure = restartFailedSinkTasks();
            if (failure != null) {
                return failure;
            }
            long until = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < until && sinkFailure() == null) {
                ConnectRest.pause();
            }
            if (sinkFailure() == null) {
                return null;
            }
        }
        return sinkFailure();
    }

    /** PUT without a body to Kafka Connect (stop, resume), which must succeed. */
    void put(String path) {
        expectSuccess("PUT " + path, rest.put(path));
    }

    /** POST without a body to Kafka Connect (restart), which must succeed. */
    void post(String path) throws IOException, InterruptedException {
        expectSuccess("POST " + path, send("POST", path));
    }

    /** A call without a body to Kafka Connect; its status and body. */
    ConnectRest.Answer send(String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(pipeline.connectUrl().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return new ConnectRest.Answer(answer.statusCode(), answer.body());
    }

    private static void expectSuccess(String call, ConnectRest.Answer answer) {
        if (answer.status() < 200 || answer.status() > 204) {
            throw new AssertionError(call + ": " + answer);
        }
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
