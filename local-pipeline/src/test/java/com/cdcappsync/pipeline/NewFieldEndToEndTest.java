package com.cdcappsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.localstack.DynamoDbLocal;
import com.cdcappsync.localstack.LocalStack;
import com.cdcappsync.localstack.LocalStackOptions;
import com.cdcappsync.localstack.RealtimeClient;
import com.cdcappsync.localstack.RepositoryLayout;
import com.cdcappsync.localstack.SubscriptionSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runbook "DDL", a new field end to end, run on the real pipeline (PostgreSQL, Debezium, Kafka, Connect, the Lambda
 * sink, the local stack) against a copy of the API definition and mapping: the wrong order (the function before the
 * API) and what it does, then the runbook's order, step by step. Each test uses its own column and rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewFieldEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SINK = "cdc-appsync-lambda-sink";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;

    private final List<String> lambdaLog = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiDefinitionCopy copy;
    private LocalPipeline pipeline;
    private LocalStack stack;
    private ConnectRest rest;
    private Connection db;
    private DynamoDbClient dynamoDb;
    private StoreCheck store;

    @BeforeAll
    void start() throws Exception {
        RepositoryLayout layout = RepositoryLayout.locate(null);
        copy = ApiDefinitionCopy.of(layout, dir);
        pipeline = LocalPipeline.start(PipelineOptions.builder().layout(layout)
                .stack(LocalStackOptions.builder().layout(layout).apiDir(copy.apiDir()).mapping(copy.mapping())
                        .ephemeralPorts().progress(line -> System.out.println("[new-field] " + line))
                        .lambdaLog(lambdaLog::add).build())
                .sourceOverrides(Map.of("poll.interval.ms", "50", "heartbeat.interval.ms", "500"))
                .progress(line -> System.out.println("[new-field] " + line)).build());
        stack = pipeline.stack();
        rest = new ConnectRest(pipeline.connectUrl());
        db = DriverManager.getConnection(pipeline.jdbcUrl());
        dynamoDb = DynamoDbLocal.client(stack.dynamoDbEndpoint());
        store = new StoreCheck(db, dynamoDb, stack.manifest());
    }

    @AfterAll
    void stop() throws Exception {
        try (AutoCloseable p = pipeline; AutoCloseable d = db; AutoCloseable s = dynamoDb) {
            assertThat(pipeline.problem()).as("a part died or a connector failed").isNull();
        }
    }

    /**
     * The wrong order: a mapping naming a field the deployed API lacks. AppSync's validation refuses every mutation
     * of that type, the function fails the batch, the sink retries it, reports it on its error topic and stops its
     * task (behavior.on.error=fail). Nothing is lost: the old mapping and a task restart deliver the change.
     */
    @Test
    void deployFunction_beforeTheApiHasTheField_batchFailsAndSinkTaskStopsUntilRestarted() throws Exception {
        execute("ALTER TABLE product_template ADD COLUMN IF NOT EXISTS website_meta_description jsonb");
        insertProduct(2101, "Wrong-order lamp");
        await(() -> store.product(2101), item -> item.containsKey("listPrice"));
        Path deployed = stack.mappingFile().orElseThrow();
        Path ahead = dir.resolve("mapping-ahead-of-the-api.json");
        Files.writeString(ahead, ApiDefinitionCopy.mappingWithField(Files.readString(deployed), "product_template",
                "websiteMetaDescription", translation("website_meta_description")));
        stack.deployFunction(ahead);

        execute("UPDATE product_template SET website_meta_description = '{\"en_US\": \"A lamp\"}', list_price = 3, "
                + "write_date = now() WHERE id = 2101");

        String failure = await(this::sinkFailure, f -> f != null);
        assertThat(failure).as("the sink task's trace").contains("websiteMetaDescription");
        assertThat(lambdaLog).anySatisfy(line -> assertThat(line).contains("upsertProduct")
                .contains("websiteMetaDescription"));
        assertThat(store.product(2101).get("listPrice").s()).as("not applied").isEqualTo("10.00");
        assertThat(errorTopic()).as("the sink's error topic").anySatisfy(message -> assertThat(message)
                .contains("odoo.public.product_template").contains("websiteMetaDescription"));

        stack.deployFunction(deployed);
        long applied = functionTotals().get("Applied");
        post("/connectors/" + SINK + "/restart?includeTasks=true&onlyFailed=true");
        assertThat(await(this::sinkFailure, f -> f == null)).as("restarted").isNull();
        rest.awaitRunning(SINK, WAIT);

        Map<String, AttributeValue> item = await(() -> store.product(2101),
                i -> i.get("listPrice").s().equals("3.00"));
        assertThat(item.get("listPrice").s()).as("the held change, delivered after the restart").isEqualTo("3.00");
        assertThat(item).doesNotContainKey("websiteMetaDescription");
        // Its batch is logged after the write: wait for it, so that no other test counts it.
        assertThat(await(() -> functionTotals().get("Applied"), a -> a > applied)).isGreaterThan(applied);
    }

    /** The runbook's order: schema, resolvers, deploy the API, mapping, deploy the function, bring existing rows. */
    @Test
    void deployApiThenFunction_newColumn_reachesTheSubscriberAndTheStore() throws Exception {
        execute("ALTER TABLE product_template ADD COLUMN IF NOT EXISTS website_meta_title jsonb");
        insertProduct(2201, "Existing desk");
        execute("UPDATE product_template SET website_meta_title = '{\"en_US\": \"Desk | Shop\"}', write_date = now() "
                + "WHERE id = 2201");
        insertProduct(2202, "Lamp");
        // A change with the new column arrives; nothing breaks, the field is not shown.
        assertThat(await(() -> store.product(2202), i -> i.containsKey("listPrice"))).containsKey("listPrice");
        assertThat(store.product(2201)).containsKey("listPrice").doesNotContainKey("websiteMetaTitle");
        SubscriptionSpec upserts = withField(SubscriptionSpec.forMappings(stack.mappings()).getFirst());
        assertThatThrownBy(() -> subscribe(upserts).close()).as("not in the deployed API yet")
                .hasMessageContaining("websiteMetaTitle");

        // The scaffold, run again on the table, shows the new column's lines (among the hand edits it keeps).
        assertThat(copy.scaffoldDryRun(pipeline.jdbcUrl(), "product_template=Product")).contains(
                "+   websiteMetaTitle: String", "+     \"websiteMetaTitle\": {");

        // (1) the type and its input; (2) the resolvers name no field of the type: nothing to change there.
        copy.addToSchema("type Product @aws_api_key @aws_iam", "websiteMetaTitle: String");
        copy.addToSchema("input ProductInput", "websiteMetaTitle: String");
        assertThat(copy.resolverTemplates()).noneMatch(template -> template.contains("listPrice"));
        // (3) deploy the API; the function still sends the old mapping's fields: changes flow, the field is null.
        stack.deployApi(copy.apiDir());
        try (RealtimeClient subscriber = subscribe(upserts)) {
            Inbox inbox = new Inbox(subscriber);
            execute("UPDATE product_template SET list_price = 21, write_date = now() WHERE id = 2202");
            JsonNode before = inbox.await(upserts.field(), "2202", i -> i.path("listPrice").asText().equals("21.00"),
                    WAIT).item();
            assertThat(before.get("websiteMetaTitle").isNull()).isTrue();

            // (4) the field in the mapping, deploy the function: the next change carries it.
            Files.writeString(copy.mapping(), ApiDefinitionCopy.mappingWithField(Files.readString(copy.mapping()),
                    "product_template", "websiteMetaTitle", translation("website_meta_title")));
            stack.deployFunction(copy.mapping());
            long applied = functionTotals().get("Applied");
            execute("UPDATE product_template SET website_meta_title = '{\"en_US\": \"Lamp | Shop\"}', "
                    + "write_date = now() WHERE id = 2202");
            JsonNode after = inbox.await(upserts.field(), "2202", i -> !i.path("websiteMetaTitle").isNull(),
                    WAIT).item();
            assertThat(after.get("websiteMetaTitle").asText()).isEqualTo("Lamp | Shop");
            // Its batch is logged after the write (and the subscriber's message): wait for it, not to count it below.
            assertThat(await(() -> functionTotals().get("Applied"), a -> a > applied)).isGreaterThan(applied);
        }
        assertThat(store.product(2202).get("websiteMetaTitle").s()).isEqualTo("Lamp | Shop");

        // (5) existing rows: a re-snapshot sends them, but their version is not newer: dropped as stale.
        long rows = queryLong("SELECT count(*) FROM product_template");
        Map<String, Long> beforeSnapshot = functionTotals();
        execute("INSERT INTO cdc_appsync.debezium_signal (id, type, data) VALUES ('new-field-resnapshot', "
                + "'execute-snapshot', '{\"data-collections\": [\"public.product_template\"], "
                + "\"type\": \"incremental\"}')");
        Map<String, Long> afterSnapshot = await(this::functionTotals,
                t -> t.get("Records") - beforeSnapshot.get("Records") >= rows);
        assertThat(afterSnapshot.get("Records") - beforeSnapshot.get("Records")).isGreaterThanOrEqualTo(rows);
        assertThat(afterSnapshot.get("Applied") - beforeSnapshot.get("Applied")).isZero();
        assertThat(store.product(2201)).doesNotContainKey("websiteMetaTitle");
        // Bumping write_date makes a newer change of each row: they arrive with the field.
        execute("UPDATE product_template SET write_date = now() WHERE website_meta_title IS NOT NULL");
        assertThat(await(() -> store.product(2201), i -> i.containsKey("websiteMetaTitle"))
                .get("websiteMetaTitle").s()).isEqualTo("Desk | Shop");
        assertThat(await(() -> store.differences(), List::isEmpty)).isEmpty();
    }

    private static ObjectNode translation(String column) {
        return MAPPER.createObjectNode().put("column", column).put("convert", "translation").put("language", "en_US");
    }

    private static SubscriptionSpec withField(SubscriptionSpec spec) {
        List<String> selection = new ArrayList<>(spec.selection());
        selection.add("websiteMetaTitle");
        return new SubscriptionSpec(spec.field(), spec.typeName(), spec.idField(), selection);
    }

    private RealtimeClient subscribe(SubscriptionSpec spec) {
        RealtimeClient client = RealtimeClient.connect(stack.realtimeUrl(), stack.graphQlUrl(), stack.apiKey(), WAIT);
        try {
            client.subscribe(spec.query(), MAPPER.createObjectNode(), spec.field(), WAIT);
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** The first FAILED task's trace of the Lambda sink, or null while none failed. */
    private String sinkFailure() {
        ConnectRest.Answer answer = rest.get("/connectors/" + SINK + "/status");
        return answer.status() == 200 ? ConnectRest.failure(rest.parse(answer.body())) : null;
    }

    /** Every message on the sink's error topic so far. */
    private List<String> errorTopic() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafkaBootstrapServers());
        List<String> messages = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(SINK + "-error", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> messages.add(r.value()));
            }
        }
        return messages;
    }

    private void post(String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(pipeline.connectUrl().resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("POST " + path + ": " + answer.body()).isBetween(200, 204);
    }

    /** Sums of the function's per-batch counters (its "batch processed" log lines). */
    private Map<String, Long> functionTotals() throws Exception {
        Map<String, Long> totals = new HashMap<>(Map.of("Records", 0L, "Applied", 0L, "Stale", 0L));
        for (String line : lambdaLog) {
            if (line.contains("\"batch processed\"")) {
                JsonNode node = MAPPER.readTree(line);
                totals.replaceAll((k, v) -> v + node.path(k).asLong());
            }
        }
        return totals;
    }

    private void insertProduct(int id, String name) throws SQLException {
        execute("INSERT INTO product_template (id, name, list_price, categ_id, write_date) VALUES (" + id
                + ", '{\"en_US\": \"" + name + "\"}', 10, 2, now())");
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private long queryLong(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    /** Polls until the condition holds; the last value otherwise, for the assertion to show. */
    private static <T> T await(Probe<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = probe.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            ConnectRest.pause();
            last = probe.get();
        }
        return last;
    }
}
