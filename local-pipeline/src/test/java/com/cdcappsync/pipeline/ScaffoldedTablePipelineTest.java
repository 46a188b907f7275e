package com.cdcappsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.apimanifest.ApiManifest;
import com.cdcappsync.localstack.DynamoDbLocal;
import com.cdcappsync.localstack.LocalStack;
import com.cdcappsync.localstack.LocalStackOptions;
import com.cdcappsync.localstack.RealtimeClient;
import com.cdcappsync.localstack.RepositoryLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SOURCE = "cdc-appsync-odoo-source";
    private static final String SINK = "cdc-appsync-lambda-sink";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;

    private ApiDefinitionCopy copy;
    private LocalPipeline pipeline;
    private LocalStack stack;
    private ConnectRest rest;
    private Connection db;
    private DynamoDbClient dynamoDb;

    @BeforeAll
    void start() throws Exception {
        RepositoryLayout layout = RepositoryLayout.locate(null);
        copy = ApiDefinitionCopy.of(layout, dir);
        pipeline = LocalPipeline.start(PipelineOptions.builder().layout(layout)
                .stack(LocalStackOptions.builder().layout(layout).apiDir(copy.apiDir()).mapping(copy.mapping())
                        .ephemeralPorts().progress(line -> System.out.println("[scaffold-pipeline] " + line))
                        .build())
                .sourceOverrides(Map.of("poll.interval.ms", "50", "heartbeat.interval.ms", "500"))
                .progress(line -> System.out.println("[scaffold-pipeline] " + line)).build());
        stack = pipeline.stack();
        rest = new ConnectRest(pipeline.connectUrl());
        db = DriverManager.getConnection(pipeline.jdbcUrl());
        dynamoDb = DynamoDbLocal.client(stack.dynamoDbEndpoint());
    }

    @AfterAll
    void stop() throws Exception {
        try (AutoCloseable p = pipeline; AutoCloseable d = db; AutoCloseable s = dynamoDb) {
            assertThat(pipeline.problem()).as("a part died or a connector failed").isNull();
        }
    }

    @Test
    void scaffold_newOdooTable_existingRowsAndChangesReachTheSubscriberAndTheStore() throws Exception {
        // Odoo's product.tag (Odoo 17: name is a translated Char, hence jsonb), with a row from before the capture.
        execute("CREATE TABLE product_tag (id serial PRIMARY KEY, name jsonb NOT NULL, color int, "
                + "visible_on_ecommerce boolean DEFAULT true, create_date timestamp, write_date timestamp)");
        execute("INSERT INTO product_tag (name, color, create_date, write_date) VALUES "
                + "('{\"en_US\": \"Eco\", \"fr_FR\": \"Écolo\"}', 3, now(), now())");

        String printed = copy.scaffold(pipeline.jdbcUrl(), "product_tag");
        assertThat(printed).contains("note: jsonb column product_tag.name: translation map (languages en_US, fr_FR",
                "scaffold: 16 added");

        // Deploy the API (the new DynamoDB table, resolvers and grant), then the function with the new mapping.
        stack.deployApi(copy.apiDir());
        stack.deployFunction(copy.mapping());
        // The database side and the connectors, as README "Add a table" says (cdc-setup.sql's grants).
        execute("GRANT SELECT ON public.product_tag TO debezium");
        execute("ALTER PUBLICATION cdc_appsync ADD TABLE public.product_tag");
        addToList(SOURCE, "table.include.list", "public.product_tag");
        addToList(SINK, "topics", "odoo.public.product_tag");
        rest.awaitRunning(SOURCE, WAIT);
        rest.awaitRunning(SINK, WAIT);

        try (RealtimeClient subscriber = RealtimeClient.connect(stack.realtimeUrl(), stack.graphQlUrl(),
                stack.apiKey(), WAIT)) {
            subscriber.subscribe("subscription { onUpsertProductTag { id name nameTranslations color "
                    + "visibleOnEcommerce createDate writeDate version deleted } }", MAPPER.createObjectNode(),
                    "onUpsertProductTag", WAIT);
            Inbox inbox = new Inbox(subscriber);

            // Existing rows: the table was not captured when they were written; an incremental snapshot sends them.
            execute("INSERT INTO cdc_appsync.debezium_signal (id, type, data) VALUES ('scaffold-product-tag', "
                    + "'execute-snapshot', '{\"data-collections\": [\"public.product_tag\"], "
                    + "\"type\": \"incremental\"}')");
            JsonNode existing = inbox.await("onUpsertProductTag", "1", i -> true, WAIT).item();
            assertThat(existing.get("name").asText()).isEqualTo("Eco");
            assertThat(MAPPER.readTree(existing.get("nameTranslations").asText()).get("fr_FR").asText())
                    .isEqualTo("Écolo");
            assertThat(existing.get("color").asInt()).isEqualTo(3);
            assertThat(existing.get("visibleOnEcommerce").asBoolean()).isTrue();

            // New changes stream as for every other table.
            execute("INSERT INTO product_tag (name, color, write_date) VALUES ('{\"en_US\": \"Sale\"}', 1, now())");
            assertThat(inbox.await("onUpsertProductTag", "2", i -> true, WAIT).item().get("name").asText())
                    .isEqualTo("Sale");
            execute("UPDATE product_tag SET color = 9, write_date = now() WHERE id = 1");
            assertThat(inbox.await("onUpsertProductTag", "1", i -> i.get("color").asInt() == 9, WAIT).item()
                    .get("color").asInt()).isEqualTo(9);
        }
        String table = ApiManifest.load(copy.apiDir()).tableOfType("ProductTag").dataSource();
        Map<String, AttributeValue> stored = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("id", AttributeValue.fromS("1"))).consistentRead(true).build()).item();
        assertThat(stored).as("item 1 in table " + table).containsKey("color");
        assertThat(stored.get("color").n()).isEqualTo("9");
    }

    /** Adds {@code value} to the comma-separated {@code property} of a running connector's config. */
    private void addToList(String connector, String property, String value) {
        ConnectRest.Answer answer = rest.get("/connectors/" + connector + "/config");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        ObjectNode config = (ObjectNode) rest.parse(answer.body());
        config.put(property, config.path(property).asText() + "," + value);
        rest.putConfig(connector, config);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
