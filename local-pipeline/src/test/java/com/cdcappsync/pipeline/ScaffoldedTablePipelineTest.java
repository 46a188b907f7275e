package com.cdcappsync.pipeline;

import static com.cdcappsync.pipeline.PipelineFixture.SINK;
import static com.cdcappsync.pipeline.PipelineFixture.SOURCE;
import static com.cdcappsync.pipeline.PipelineFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.apimanifest.ApiManifest;
import com.cdcappsync.localstack.RealtimeClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * README "Add a table", done on the real pipeline as a user does it: a new Odoo table in PostgreSQL, the scaffold
 * command alone for the mapping, schema and api.json (copies of the repository's), the API and the function deployed,
 * the table added to the publication, Debezium's {@code table.include.list} and the sink's {@code topics}; then its
 * existing rows (through an incremental snapshot) and its new changes, captured by real Debezium, reach a WebSocket
 * subscriber of the generated subscription and the generated DynamoDB table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaffoldedTablePipelineTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;

    private PipelineFixture fx;

    @BeforeAll
    void start() throws Exception {
        fx = PipelineFixture.onCopy("scaffold-pipeline", dir);
    }

    @AfterAll
    void stop() throws Exception {
        fx.closeHealthy();
    }

    @Test
    void scaffold_newOdooTable_existingRowsAndChangesReachTheSubscriberAndTheStore() throws Exception {
        // Odoo's product.tag (Odoo 17: name is a translated Char, hence jsonb), with a row from before the capture.
        fx.execute("CREATE TABLE product_tag (id serial PRIMARY KEY, name jsonb NOT NULL, color int, "
                + "visible_on_ecommerce boolean DEFAULT true, create_date timestamp, write_date timestamp)");
        fx.execute("INSERT INTO product_tag (name, color, create_date, write_date) VALUES "
                + "('{\"en_US\": \"Eco\", \"fr_FR\": \"Écolo\"}', 3, now(), now())");

        String printed = fx.copy.scaffold(fx.pipeline.jdbcUrl(), "product_tag");
        assertThat(printed).contains("note: jsonb column product_tag.name: translation map (languages en_US, fr_FR",
                "scaffold: 16 added");

        // Deploy the API (the new DynamoDB table, resolvers and grant), then the function with the new mapping.
        fx.stack.deployApi(fx.copy.apiDir());
        fx.stack.deployFunction(fx.copy.mapping());
        // The database side and the connectors, as README "Add a table" says (cdc-setup.sql's grants).
        fx.execute("GRANT SELECT ON public.product_tag TO debezium");
        fx.execute("ALTER PUBLICATION cdc_appsync ADD TABLE public.product_tag");
        addToList(SOURCE, "table.include.list", "public.product_tag");
        addToList(SINK, "topics", "odoo.public.product_tag");
        fx.rest.awaitRunning(SOURCE, WAIT);
        fx.rest.awaitRunning(SINK, WAIT);

        try (RealtimeClient subscriber = fx.subscribe("subscription { onUpsertProductTag { id name nameTranslations "
                + "color visibleOnEcommerce createDate writeDate version deleted } }", "onUpsertProductTag")) {
            Inbox inbox = new Inbox(subscriber);

            // Existing rows: the table was not captured when they were written; an incremental snapshot sends them.
            fx.signalSnapshot("scaffold-product-tag", "public.product_tag");
            JsonNode existing = inbox.await("onUpsertProductTag", "1", i -> true, WAIT).item();
            assertThat(existing.get("name").asText()).isEqualTo("Eco");
            assertThat(MAPPER.readTree(existing.get("nameTranslations").asText()).get("fr_FR").asText())
                    .isEqualTo("Écolo");
            assertThat(existing.get("color").asInt()).isEqualTo(3);
            assertThat(existing.get("visibleOnEcommerce").asBoolean()).isTrue();

            // New changes stream as for every other table.
            fx.execute("INSERT INTO product_tag (name, color, write_date) VALUES ('{\"en_US\": \"Sale\"}', 1, now())");
            assertThat(inbox.await("onUpsertProductTag", "2", i -> true, WAIT).item().get("name").asText())
                    .isEqualTo("Sale");
            fx.execute("UPDATE product_tag SET color = 9, write_date = now() WHERE id = 1");
            assertThat(inbox.await("onUpsertProductTag", "1", i -> i.get("color").asInt() == 9, WAIT).item()
                    .get("color").asInt()).isEqualTo(9);
        }
        String table = ApiManifest.load(fx.copy.apiDir()).tableOfType("ProductTag").dataSource();
        Map<String, AttributeValue> stored = fx.dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("id", AttributeValue.fromS("1"))).consistentRead(true).build()).item();
        assertThat(stored).as("item 1 in table " + table).containsKey("color");
        assertThat(stored.get("color").n()).isEqualTo("9");
    }

    /** Adds {@code value} to the comma-separated {@code property} of a running connector's config. */
    private void addToList(String connector, String property, String value) {
        // Right after the connectors start, Connect may answer 500 "a rebalance is expected" for a while: ask again.
        ConnectRest.Answer answer = PipelineFixture.await(() -> fx.rest.get("/connectors/" + connector + "/config"),
                a -> a.status() == 200);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        ObjectNode config = (ObjectNode) fx.rest.parse(answer.body());
        config.put(property, config.path(property).asText() + "," + value);
        fx.rest.putConfig(connector, config);
    }
}
