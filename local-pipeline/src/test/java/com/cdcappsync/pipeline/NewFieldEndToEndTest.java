package com.cdcappsync.pipeline;

import static com.cdcappsync.pipeline.PipelineFixture.ERROR_TOPIC;
import static com.cdcappsync.pipeline.PipelineFixture.SINK;
import static com.cdcappsync.pipeline.PipelineFixture.WAIT;
import static com.cdcappsync.pipeline.PipelineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.localstack.RealtimeClient;
import com.cdcappsync.localstack.SubscriptionSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runbook "DDL", a new field end to end, run on the real pipeline (PostgreSQL, Debezium, Kafka, Connect, the Lambda
 * sink, the local stack) against a copy of the API definition and mapping: the wrong order (the function before the
 * API) and what it does, then the runbook's order, step by step. Each test uses its own column and rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewFieldEndToEndTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;

    private PipelineFixture fx;

    @BeforeAll
    void start() throws Exception {
        fx = PipelineFixture.onCopy("new-field", dir);
    }

    @AfterAll
    void stop() throws Exception {
        fx.closeHealthy();
    }

    /**
     * The wrong order: a mapping naming a field the deployed API lacks. AppSync's validation refuses every mutation
     * of that type, the function fails the batch and the sink stops its task at once, as Confluent's does with the
     * shipped behavior.on.error=fail: no retry, nothing on the error topic (written with log only). Nothing is lost:
     * the old mapping and a task restart, as an operator does it, deliver the change.
     */
    @Test
    void deployFunction_beforeTheApiHasTheField_batchFailsAndSinkTaskStopsUntilRestarted() throws Exception {
        fx.execute("ALTER TABLE product_template ADD COLUMN IF NOT EXISTS website_meta_description jsonb");
        insertProduct(2101, "Wrong-order lamp");
        await(() -> fx.store.product(2101), item -> item.containsKey("listPrice"));
        Path deployed = fx.stack.mappingFile().orElseThrow();
        Path ahead = dir.resolve("mapping-ahead-of-the-api.json");
        Files.writeString(ahead, ApiDefinitionCopy.mappingWithField(Files.readString(deployed), "product_template",
                "websiteMetaDescription", translation("website_meta_description")));
        fx.stack.deployFunction(ahead);

        fx.execute("UPDATE product_template SET website_meta_description = '{\"en_US\": \"A lamp\"}', "
                + "list_price = 3, write_date = now() WHERE id = 2101");

        String failure = await(fx::sinkFailure, f -> f != null);
        assertThat(failure).as("the sink task's trace").contains("websiteMetaDescription");
        assertThat(fx.lambdaLog).anySatisfy(line -> assertThat(line).contains("upsertProduct")
                .contains("websiteMetaDescription"));
        assertThat(fx.store.product(2101).get("listPrice").s()).as("not applied").isEqualTo("10.00");
        assertThat(errorTopic()).as("the sink's error topic: fail writes none").noneMatch(message -> message
                .contains("websiteMetaDescription"));

        fx.stack.deployFunction(deployed);
        long applied = fx.functionTotals().get("Applied");
        // The failed task's partition may have moved to the other task, which failed on it too: restart until none
        // fails for longer than an invocation of the old mapping could still be under way.
        assertThat(fx.restartUntilHealthy(Duration.ofSeconds(10))).as("restarted").isNull();
        fx.rest.awaitRunning(SINK, WAIT);

        Map<String, AttributeValue> item = await(() -> fx.store.product(2101),
                i -> i.get("listPrice").s().equals("3.00"));
        assertThat(item.get("listPrice").s()).as("the held change, delivered after the restart").isEqualTo("3.00");
        assertThat(item).doesNotContainKey("websiteMetaDescription");
        // Its batch is logged after the write: wait for it, so that no other test counts it.
        assertThat(await(() -> fx.functionTotals().get("Applied"), a -> a > applied)).isGreaterThan(applied);
    }

    /** The runbook's order: schema, resolvers, deploy the API, mapping, deploy the function, bring existing rows. */
    @Test
    void deployApiThenFunction_newColumn_reachesTheSubscriberAndTheStore() throws Exception {
        fx.execute("ALTER TABLE product_template ADD COLUMN IF NOT EXISTS website_meta_title jsonb");
        insertProduct(2201, "Existing desk");
        fx.execute("UPDATE product_template SET website_meta_title = '{\"en_US\": \"Desk | Shop\"}', "
                + "write_date = now() WHERE id = 2201");
        insertProduct(2202, "Lamp");
        // A change with the new column arrives; nothing breaks, the field is not shown.
        assertThat(await(() -> fx.store.product(2202), i -> i.containsKey("listPrice"))).containsKey("listPrice");
        // Items of one batch are written concurrently: 2201 may land just after 2202.
        assertThat(await(() -> fx.store.product(2201), i -> i.containsKey("listPrice"))).containsKey("listPrice")
                .doesNotContainKey("websiteMetaTitle");
        SubscriptionSpec upserts = withField(SubscriptionSpec.forStack(fx.stack).getFirst());
        assertThatThrownBy(() -> subscribe(upserts).close()).as("not in the deployed API yet")
                .hasMessageContaining("websiteMetaTitle");

        // The scaffold, run again on the table, shows the new column's lines (among the hand edits it keeps).
        assertThat(fx.copy.scaffoldDryRun(fx.pipeline.jdbcUrl(), "product_template=Product")).contains(
                "+   websiteMetaTitle: String", "+     \"websiteMetaTitle\": {");

        // (1) the type and its input; (2) the resolvers name no field of the type: nothing to change there.
        fx.copy.addToSchema("type Product @aws_api_key @aws_iam", "websiteMetaTitle: String");
        fx.copy.addToSchema("input ProductInput", "websiteMetaTitle: String");
        assertThat(fx.copy.resolverTemplates()).noneMatch(template -> template.contains("listPrice"));
        // (3) deploy the API; the function still sends the old mapping's fields: changes flow, the field is null.
        fx.stack.deployApi(fx.copy.apiDir());
        try (RealtimeClient subscriber = subscribe(upserts)) {
            Inbox inbox = new Inbox(subscriber);
            fx.execute("UPDATE product_template SET list_price = 21, write_date = now() WHERE id = 2202");
            JsonNode before = inbox.await(upserts.field(), "2202", i -> i.path("listPrice").asText().equals("21.00"),
                    WAIT).item();
            assertThat(before.get("websiteMetaTitle").isNull()).isTrue();

            // (4) the field in the mapping, deploy the function: the next change carries it.
            Files.writeString(fx.copy.mapping(), ApiDefinitionCopy.mappingWithField(Files.readString(fx.copy.mapping()),
                    "product_template", "websiteMetaTitle", translation("website_meta_title")));
            fx.stack.deployFunction(fx.copy.mapping());
            long applied = fx.functionTotals().get("Applied");
            fx.execute("UPDATE product_template SET website_meta_title = '{\"en_US\": \"Lamp | Shop\"}', "
                    + "write_date = now() WHERE id = 2202");
            JsonNode after = inbox.await(upserts.field(), "2202", i -> !i.path("websiteMetaTitle").isNull(),
                    WAIT).item();
            assertThat(after.get("websiteMetaTitle").asText()).isEqualTo("Lamp | Shop");
            // Its batch is logged after the write (and the subscriber's message): wait for it, not to count it below.
            assertThat(await(() -> fx.functionTotals().get("Applied"), a -> a > applied)).isGreaterThan(applied);
        }
        assertThat(fx.store.product(2202).get("websiteMetaTitle").s()).isEqualTo("Lamp | Shop");

        // (5) existing rows: a re-snapshot sends them, but their version is not newer: dropped as stale.
        long rows = fx.queryLong("SELECT count(*) FROM product_template");
        Map<String, Long> beforeSnapshot = fx.functionTotals();
        fx.signalSnapshot("new-field-resnapshot", "public.product_template");
        Map<String, Long> afterSnapshot = await(fx::functionTotals,
                t -> t.get("Records") - beforeSnapshot.get("Records") >= rows);
        assertThat(afterSnapshot.get("Records") - beforeSnapshot.get("Records")).isGreaterThanOrEqualTo(rows);
        assertThat(afterSnapshot.get("Applied") - beforeSnapshot.get("Applied")).isZero();
        assertThat(fx.store.product(2201)).doesNotContainKey("websiteMetaTitle");
        // Bumping write_date makes a newer change of each row: they arrive with the field.
        fx.execute("UPDATE product_template SET write_date = now() WHERE website_meta_title IS NOT NULL");
        assertThat(await(() -> fx.store.product(2201), i -> i.containsKey("websiteMetaTitle"))
                .get("websiteMetaTitle").s()).isEqualTo("Desk | Shop");
        assertThat(await(() -> fx.store.differences(), List::isEmpty)).isEmpty();
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
        return fx.subscribe(spec.query(), spec.field());
    }

    /** Every message on the sink's error topic so far. */
    private List<String> errorTopic() {
        return fx.kafka.read(ERROR_TOPIC).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    private void insertProduct(int id, String name) throws SQLException {
        fx.execute("INSERT INTO product_template (id, name, list_price, write_date) VALUES (" + id
                + ", '{\"en_US\": \"" + name + "\"}', 10, now())");
    }
}
