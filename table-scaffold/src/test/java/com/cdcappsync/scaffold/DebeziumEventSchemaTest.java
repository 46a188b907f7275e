package com.cdcappsync.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** On the real Debezium output of the fixtures (schemas-precise: JsonConverter with schemas on). */
class DebeziumEventSchemaTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode fixtures() throws Exception {
        return mapper.readTree(RepositoryFiles.root().resolve(
                "lambda-upsert/src/test/resources/fixtures/debezium/schemas-precise/confluent-object.json").toFile());
    }

    @Test
    void tables_realEvents_readColumnsKindsAndKey() throws Exception {
        List<TableInfo> tables = DebeziumEventSchema.tables(fixtures());

        assertThat(tables).extracting(TableInfo::table).contains("product_template", "product_category");
        TableInfo template = tables.stream().filter(t -> t.table().equals("product_template")).findFirst()
                .orElseThrow();
        assertThat(template.primaryKey()).containsExactly("id");
        assertThat(template.columns()).extracting(TableInfo.Column::name, TableInfo.Column::kind).contains(
                org.assertj.core.groups.Tuple.tuple("name", ColumnKind.TRANSLATED_JSON),
                org.assertj.core.groups.Tuple.tuple("list_price", ColumnKind.DECIMAL),
                org.assertj.core.groups.Tuple.tuple("active", ColumnKind.BOOLEAN),
                org.assertj.core.groups.Tuple.tuple("write_date", ColumnKind.TIMESTAMP),
                org.assertj.core.groups.Tuple.tuple("sale_start", ColumnKind.DATE));
        assertThat(template.columns()).filteredOn(c -> c.name().equals("standard_price"))
                .extracting(TableInfo.Column::scale).containsExactly(2);

        TablePlan plan = TablePlan.of(template, "Product", "en_US", Set.of());
        assertThat(plan.mappingEntry().path("fields").path("listPrice").path("convert").asText()).isEqualTo("decimal");
        assertThat(plan.mappingEntry().path("fields").path("categId").path("convert").asText()).isEqualTo("string");
    }

    @Test
    void tables_realJsonbValues_readAsTranslationMapsFromWhatTheEventsCarry() throws Exception {
        TableInfo template = DebeziumEventSchema.tables(fixtures()).stream()
                .filter(t -> t.table().equals("product_template")).findFirst().orElseThrow();

        TableInfo.Column name = template.columns().stream().filter(c -> c.name().equals("name")).findFirst()
                .orElseThrow();
        assertThat(name.kind()).isEqualTo(ColumnKind.TRANSLATED_JSON);
        assertThat(name.note()).startsWith("jsonb column product_template.name: translation map (languages en_US, "
                + "fr_FR in ");
    }

    @Test
    void tables_jsonbValueNotATranslationMap_keptAsJson() throws Exception {
        JsonNode events = fixtures().deepCopy();
        for (JsonNode event : events) {
            JsonNode after = event.path("payload").path("value").path("payload").path("after");
            if (after.has("description_sale") && after.path("name").asText().contains("Chair")) {
                ((ObjectNode) after).put("description_sale", "{\"1\": \"company one\"}");
            }
        }

        TableInfo template = DebeziumEventSchema.tables(events).stream()
                .filter(t -> t.table().equals("product_template")).findFirst().orElseThrow();

        assertThat(template.columns()).filteredOn(c -> c.name().equals("description_sale"))
                .extracting(TableInfo.Column::kind).containsExactly(ColumnKind.JSON);
    }

    @Test
    void tables_eventWithoutSchema_saysHowToCaptureOne() throws Exception {
        JsonNode schemaless = mapper.readTree(RepositoryFiles.root().resolve(
                "lambda-upsert/src/test/resources/fixtures/debezium/noschemas-precise/confluent-object.json").toFile());

        assertThatThrownBy(() -> DebeziumEventSchema.tables(schemaless)).isInstanceOf(ScaffoldException.class)
                .hasMessageContaining("schemas.enable=true");
    }

    @Test
    void tables_eventWithoutKeySchema_isRejected() throws Exception {
        ObjectNode record = (ObjectNode) fixtures().get(4).deepCopy();
        ((ObjectNode) record.get("payload")).remove("key");

        assertThatThrownBy(() -> DebeziumEventSchema.tables(record)).isInstanceOf(ScaffoldException.class)
                .hasMessageContaining("no key schema");
    }
}
