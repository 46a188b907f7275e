package com.cdcappsync.upsert.mapping;

import com.cdcappsync.upsert.internal.mapping.ChangeMapper;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.testing.Events;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table-level options: composite keys, unmapped columns, exclusions, custom names and selections. */
class MappingOptionsTest {

    private static ChangeMapper mapperFor(String tableJson) throws Exception {
        JsonNode root = Json.MAPPER.readTree("{\"tables\":[" + tableJson + "]}");
        return new ChangeMapper(new MappingLoader().parse(root, "test"), Json.MAPPER);
    }

    @Test
    void map_compositeKey_joinsKeyColumnsWithHash() throws Exception {
        ChangeMapper mapper = mapperFor("{\"table\":\"stock\",\"type\":\"Stock\","
                + "\"key\":[\"product_id\",\"location_id\"],"
                + "\"fields\":{\"qty\":\"quantity\"}}");
        Map<String, Object> row = new LinkedHashMap<>(Map.of("product_id", 3L, "location_id", 8L, "quantity", 5L));

        MappedChange change = mapper.map(Events.upsert(0, "stock", 0, 1, row));

        assertThat(change.id()).isEqualTo("3#8");
        assertThat(change.variables().get("input").get("qty").asLong()).isEqualTo(5);
    }

    @Test
    void map_unmappedCamelCase_sendsOtherColumnsExceptExcluded() throws Exception {
        ChangeMapper mapper = mapperFor("{\"table\":\"t\",\"type\":\"T\",\"fields\":{\"title\":\"name\"},"
                + "\"unmappedColumns\":\"camel-case\",\"exclude\":[\"secret_cost\"]}");
        Map<String, Object> row = new LinkedHashMap<>(Map.of("name", "n", "list_price",
                new java.math.BigDecimal("1.50"),
                "secret_cost", 1L));

        JsonNode input = mapper.map(Events.upsert(0, "t", 1, 1, row)).variables().get("input");

        assertThat(input.get("title").asText()).isEqualTo("n");
        assertThat(input.get("listPrice").asText()).isEqualTo("1.50");
        assertThat(input.has("secretCost")).isFalse();
        assertThat(input.has("secret_cost")).isFalse();
        assertThat(input.has("name")).isFalse();
    }

    @Test
    void map_unmappedSameName_keepsColumnNames() throws Exception {
        ChangeMapper mapper = mapperFor("{\"table\":\"t\",\"type\":\"T\",\"fields\":{\"title\":\"name\"},"
                + "\"unmappedColumns\":\"same-name\"}");
        Map<String, Object> row = new LinkedHashMap<>(Map.of("name", "n", "list_price", 2L));

        assertThat(mapper.map(Events.upsert(0, "t", 1, 1, row)).variables().get("input").get("list_price").asLong())
                .isEqualTo(2);
    }

    @Test
    void map_customNamesAndSelection_areUsedVerbatim() throws Exception {
        ChangeMapper mapper = mapperFor("{\"table\":\"t\",\"type\":\"Thing\",\"upsertMutation\":\"putThing\","
                + "\"deleteMutation\":\"dropThing\",\"upsertInputType\":\"PutThingInput\","
                + "\"deleteInputType\":\"DropThingInput\",\"idField\":\"thingId\",\"fields\":{\"title\":\"name\"},"
                + "\"selection\":[\"title\",\"version\"]}");

        MappedChange up = mapper.map(Events.upsert(0, "t", 4, 1, new LinkedHashMap<>(Map.of("name", "n"))));
        MappedChange down = mapper.map(Events.delete(1, "t", 4, 2));

        assertThat(up.query()).isEqualTo("mutation PutThing($input: PutThingInput!) { putThing(input: $input) { "
                + "thingId title version } }");
        assertThat(up.variables().get("input").get("thingId").asText()).isEqualTo("4");
        // A delete asks back only what removes the row: the id, and version (and deleted) where selected.
        assertThat(down.query()).isEqualTo("mutation DropThing($input: DropThingInput!) { dropThing(input: $input) { "
                + "thingId version } }");
    }

    @Test
    void map_schemaQualifiedMapping_matchesOnlyItsSchema() throws Exception {
        ChangeMapper mapper =
                mapperFor("{\"table\":\"t\",\"schema\":\"shop\",\"type\":\"T\",\"fields\":{\"a\":\"a\"}}");

        assertThat(mapper.mappings().find("shop", "t")).isPresent();
        assertThat(mapper.mappings().find("public", "t")).isEmpty();
    }
}
