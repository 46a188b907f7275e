package com.cdcappsync.connectors;

import static com.cdcappsync.connectors.Configs.rendered;
import static com.cdcappsync.connectors.Configs.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.response.RecordStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The converters the configs choose deliver a shape the handler decodes. The sample is the real fixture that
 * matches the configs (Debezium with JsonConverter, schemas off, decimal.handling.mode=string; the sink passing key
 * and value on as JSON strings), cut into invocations of aws.lambda.batch.size records, run through the handler.
 * The scenario (SCENARIO.md) ends with 6 items written: products 1 and 4, the deletes of products 2 (archived) and
 * 3 (deleted), categories 1 and 2; 9 older changes of the same items superseded; 1 tombstone ignored.
 */
class HandlerDecodesSinkShapeTest {

    @Test
    void chosenConverters_platformSink_selectTheNoschemasStringFixtureAsStrings() {
        ArrayNode sample = sampleForConfigs();

        assertThat(sample).hasSize(16).allSatisfy(element -> {
            JsonNode value = element.at("/payload/value");
            assertThat(value.isTextual() || value.isNull()).as("value as a JSON string (or a tombstone's null)")
                    .isTrue();
            assertThat(element.at("/payload/key").isTextual()).isTrue();
        });
    }

    @Test
    void handler_platformSinkShape_decodesEveryRecord() {
        HandlerRun run = HandlerRun.of(Fixtures.batches(sampleForConfigs(), batchSize()), true);

        assertThat(run.records()).isEqualTo(16);
        assertThat(run.count(RecordStatus.REJECTED)).isZero();
        assertThat(run.count(RecordStatus.FAILED)).isZero();
        assertThat(run.count(RecordStatus.APPLIED)).isEqualTo(6);
        assertThat(run.count(RecordStatus.STALE)).isEqualTo(9);
        assertThat(run.count(RecordStatus.IGNORED)).isEqualTo(1);
        assertThat(run.mutations()).containsExactlyInAnyOrder("upsertCategory Category#1",
                "upsertProduct Product#1", "deleteProduct Product#2", "deleteProduct Product#3",
                "upsertProduct Product#4", "upsertCategory Category#2");
    }

    @Test
    void handler_stringDecimalsAndToast_keepsPricesExactAndLeavesPlaceholdersOut() {
        HandlerRun run = HandlerRun.of(Fixtures.batches(sampleForConfigs(), batchSize()), false);

        // Line 3: the snapshot of product 1 with its full 10 240-character TOASTed description.
        JsonNode snapshot = input(run, 2);
        assertThat(snapshot.get("listPrice").asText()).isEqualTo("12.50");
        assertThat(snapshot.get("description").asText()).hasSize(10_240);
        assertThat(snapshot.get("writeDate").asText()).isEqualTo("2024-03-01T10:15:30.123456Z");
        // Line 6: an update that left the description unchanged: the placeholder is never written.
        JsonNode update = input(run, 5);
        assertThat(update.get("listPrice").asText()).isEqualTo("14.00");
        assertThat(update.has("description")).isFalse();
        // Line 13: 1250.125 keeps its third decimal.
        assertThat(input(run, 12).get("listPrice").asText()).isEqualTo("1250.125");
    }

    @Test
    void handler_cloudSinkOpaqueKey_decodesEverythingIncludingDeletes() {
        // Confluent Cloud fixes key.converter to ByteArrayConverter, and how the Lambda Sink renders those bytes is
        // unconfirmed. If the key arrives as JSON text, everything decodes (the test above). If it arrives as
        // something else (base64 text, or nothing), upserts take their id from the row and deletes from the
        // key columns of `before`, which REPLICA IDENTITY DEFAULT fills with the real primary key.
        for (UnaryOperator<JsonNode> key : List.<UnaryOperator<JsonNode>>of(
                k -> Fixtures.MAPPER.getNodeFactory().textNode(Base64.getEncoder().encodeToString(
                        k.asText().getBytes(StandardCharsets.UTF_8))),
                k -> Fixtures.MAPPER.getNodeFactory().nullNode())) {
            ArrayNode sample = sampleForConfigs().deepCopy();
            sample.forEach(e -> ((ObjectNode) e.get("payload")).set("key", key.apply(e.at("/payload/key"))));

            HandlerRun run = HandlerRun.of(Fixtures.batches(sample, batchSize()), true);

            assertThat(run.mutations()).contains("upsertProduct Product#1", "upsertProduct Product#4",
                    "upsertCategory Category#2", "deleteProduct Product#3");
            assertThat(run.count(RecordStatus.REJECTED)).isZero();
        }
    }

    @Test
    void handler_unwrapSmtAlternative_decodesWithVersionedDeletes() {
        // The README's alternative: ExtractNewRecordState with delete.tombstone.handling.mode=rewrite(-with-tombstone)
        // and add.fields=op,table,lsn,source.ts_ms. Deletes keep their version (the LSN of the delete).
        HandlerRun run = HandlerRun.of(Fixtures.batches(
                Fixtures.confluentArray("flattened-rewrite", "confluent-string.json"), batchSize()), true);

        assertThat(run.count(RecordStatus.REJECTED)).isZero();
        assertThat(run.count(RecordStatus.FAILED)).isZero();
        MappedChange delete = run.sent().stream().filter(c -> c.itemKey().equals("Product#3")).findFirst()
                .orElseThrow();
        assertThat(delete.kind()).isEqualTo(MappedChange.Kind.DELETE);
        assertThat(delete.version().toString()).contains("26482800");
    }

    /** The fixture whose converter settings are the ones the configs choose. */
    static ArrayNode sampleForConfigs() {
        JsonNode source = rendered(ConnectorTemplate.DEBEZIUM_ODOO_SOURCE);
        JsonNode sink = rendered(ConnectorTemplate.LAMBDA_SINK_PLATFORM);
        String schemas = "true".equals(value(source, "value.converter.schemas.enable")) ? "schemas" : "noschemas";
        String setting = schemas + "-" + value(source, "decimal.handling.mode");
        String rendering = value(sink, "value.converter").endsWith("StringConverter")
                ? "confluent-string.json" : "confluent-object.json";
        assertThat(setting).isEqualTo("noschemas-string");
        return Fixtures.confluentArray(setting, rendering);
    }

    private static int batchSize() {
        return Integer.parseInt(value(rendered(ConnectorTemplate.LAMBDA_SINK_PLATFORM), "aws.lambda.batch.size"));
    }

    private static JsonNode input(HandlerRun run, int index) {
        return run.sent().stream().filter(c -> c.event().record().index() == index).findFirst().orElseThrow()
                .variables().get("input");
    }
}
