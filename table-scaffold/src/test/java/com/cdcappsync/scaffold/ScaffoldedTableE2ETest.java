package com.cdcappsync.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.localstack.LambdaInvoker;
import com.cdcappsync.localstack.LocalStack;
import com.cdcappsync.localstack.LocalStackOptions;
import com.cdcappsync.localstack.RealtimeClient;
import com.cdcappsync.localstack.RepositoryLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done means: a table added with the scaffold command alone reaches a WebSocket subscriber. A table created in a
 * throwaway PostgreSQL is scaffolded into copies of graphql-schema/ and the mapping; the local stack starts on
 * those copies (the simulator, DynamoDB Local and the function's IAM grant all read api.json; the function runs
 * the unchanged jar with MAPPING_PATH at the copy); a change of the table, in the shape Debezium delivers it,
 * reaches a subscriber of the generated subscription.
 */
class ScaffoldedTableE2ETest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void scaffoldedTable_changeReachesAWebSocketSubscriber(@TempDir Path root) throws Exception {
        Path schemaDir = Files.createDirectories(root.resolve("graphql-schema"));
        RepositoryFiles files = RepositoryFiles.copyTo(schemaDir);
        Files.move(files.mapping, root.resolve("mapping.json"));
        Path repository = RepositoryFiles.root();
        Files.createSymbolicLink(root.resolve("local-stack"), repository.resolve("local-stack"));
        Files.createSymbolicLink(root.resolve("lambda-upsert"), repository.resolve("lambda-upsert"));
        try {
            scaffoldAndDeliver(root, schemaDir);
        } finally {
            Files.delete(root.resolve("local-stack")); // the links only, before JUnit cleans the directory
            Files.delete(root.resolve("lambda-upsert"));
        }
    }

    private void scaffoldAndDeliver(Path root, Path schemaDir) throws Exception {
        try (ThrowawayPostgres pg = ThrowawayPostgres.start()) {
            pg.sql("CREATE TABLE product_tag (id serial PRIMARY KEY, name jsonb NOT NULL, color int, "
                    + "write_date timestamp)");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = ScaffoldCli.run(new String[] {"--jdbc-url", pg.jdbcUrl(), "--user", "postgres",
                "--table", "product_tag", "--schema-file", schemaDir.resolve("schema.graphql").toString(),
                "--api-file", schemaDir.resolve("api.json").toString(), "--mapping",
                root.resolve("mapping.json").toString()}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }

        try (LocalStack stack = LocalStack.start(LocalStackOptions.builder().layout(new RepositoryLayout(root))
                .ephemeralPorts().progress(line -> { })
                .handlerEnvironment(Map.of("MAPPING_PATH", root.resolve("mapping.json").toString())).build());
             RealtimeClient subscriber = RealtimeClient.connect(stack.realtimeUrl(), stack.graphQlUrl(),
                     stack.apiKey(), WAIT)) {
            subscriber.subscribe("subscription { onUpsertProductTag { id name nameTranslations color writeDate "
                    + "version } }", mapper.createObjectNode(), "onUpsertProductTag", WAIT);

            LambdaInvoker.Result result = stack.invoker(WAIT).invoke(
                    mapper.createArrayNode().add(tagInsert()));

            assertThat(result.succeeded()).as("function error: %s", result.body()).isTrue();
            assertThat(result.body().get(0).path("payload").path("result").path("status").asText())
                    .as(result.body().toString()).isEqualTo("applied");
            RealtimeClient.Event event = subscriber.next(WAIT);
            assertThat(event).as("no message within %s", WAIT).isNotNull();
            assertThat(event.field()).isEqualTo("onUpsertProductTag");
            JsonNode tag = event.payload();
            assertThat(tag.path("id").asText()).isEqualTo("7");
            assertThat(tag.path("name").asText()).isEqualTo("Eco");
            assertThat(mapper.readTree(tag.path("nameTranslations").asText()).path("fr_FR").asText())
                    .isEqualTo("Écolo");
            assertThat(tag.path("color").asInt()).isEqualTo(3);
            assertThat(tag.path("writeDate").asText()).isEqualTo("2024-03-02T08:00:00Z");
        }
    }

    /**
     * An insert into product_tag as the Confluent sink delivers it: a real Debezium record of the fixtures
     * (noschemas-precise, line 5: an insert) with the table, key and row of product_tag.
     */
    private ObjectNode tagInsert() throws Exception {
        JsonNode all = mapper.readTree(RepositoryFiles.root().resolve(
                "lambda-upsert/src/test/resources/fixtures/debezium/noschemas-precise/confluent-object.json").toFile());
        ObjectNode record = (ObjectNode) all.get(4).deepCopy();
        ObjectNode payload = (ObjectNode) record.get("payload");
        payload.put("topic", "odoo.public.product_tag");
        payload.set("key", mapper.createObjectNode().put("id", 7));
        ObjectNode value = (ObjectNode) payload.get("value");
        ((ObjectNode) value.get("source")).put("table", "product_tag");
        value.set("after", mapper.createObjectNode().put("id", 7).put("name",
                "{\"en_US\": \"Eco\", \"fr_FR\": \"Écolo\"}")
                .put("color", 3).put("write_date", 1709366400000000L));
        return record;
    }
}
