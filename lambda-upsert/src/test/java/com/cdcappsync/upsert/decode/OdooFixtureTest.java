package com.cdcappsync.upsert.decode;

import static com.cdcappsync.upsert.decode.DecodeSupport.decoder;
import static com.cdcappsync.upsert.decode.DecodeSupport.fixture;
import static com.cdcappsync.upsert.decode.DecodeSupport.json;
import static com.cdcappsync.upsert.decode.DecodeSupport.record;
import static com.cdcappsync.upsert.decode.DecodeSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Whole Debezium 3.6 / PostgreSQL records of Odoo's product_template, shaped like the real output of
 * Debezium PostgreSQL connector data types
 * (https://debezium.io/documentation/reference/stable/connectors/postgresql.html), kept as fixtures under {@code
 * src/test/resources/unit/}.
 */
class OdooFixtureTest {

    @Test
    void decode_updateWithSchema_everyColumnTyped() {
        ChangeEvent event = decoder().decode(record(fixture("key-schema-product_template.json"),
                fixture("envelope-schema-update-product_template.json")));

        assertThat(event.operation()).isEqualTo(Operation.UPSERT);
        assertThat(event.sourceOp()).isEqualTo('u');
        assertThat(event.schema()).isEqualTo("public");
        assertThat(event.table()).isEqualTo("product_template");
        assertThat(event.key()).containsExactly(entry("id", 7L));
        assertThat(event.version()).isEqualTo(new Version(24023128L, Version.Source.LSN));
        assertThat(event.sourceTsMs()).isEqualTo(1709288130123L);
        assertThat(event.unknownColumns()).containsExactly("description_sale");
        assertThat(event.columns()).containsOnlyKeys("id", "name", "default_code", "list_price", "active",
                "sale_ok", "categ_id", "write_date");
        assertThat(event.columns()).contains(entry("id", 7L), entry("default_code", "DESK-01"),
                entry("active", true), entry("sale_ok", true), entry("categ_id", 3L),
                entry("write_date", Instant.parse("2024-03-01T10:15:30.123456Z")));
        assertThat((BigDecimal) event.columns().get("list_price")).isEqualByComparingTo("12.50");
        JsonNode name = (JsonNode) event.columns().get("name");
        assertThat(name.path("en_US").asText()).isEqualTo("Desk \"Pro\"");
        assertThat(name.path("fr_FR").asText()).isEqualTo("Bureau été");
    }

    @Test
    void decode_updateWithSchemaAsJsonString_sameEvent() {
        JsonNode value = fixture("envelope-schema-update-product_template.json");
        JsonNode key = fixture("key-schema-product_template.json");
        ChangeEvent asObject = decoder().decode(record(key, value));

        ChangeEvent asString = decoder().decode(record(text(key.toString()), text(value.toString())));

        assertThat(asString).usingRecursiveComparison().ignoringFields("record").isEqualTo(asObject);
    }

    @Test
    void decode_stringModeCreate_decimalStaysTextAndJsonbStaysString() {
        ChangeEvent event = decoder().decode(record(json("{\"id\":8}"),
                fixture("envelope-string-mode-create-product_template.json")));

        assertThat(event.operation()).isEqualTo(Operation.UPSERT);
        assertThat(event.columns()).contains(entry("list_price", "45.00"), entry("name", "{\"en_US\": \"Chair\"}"),
                entry("write_date", 1_709_288_140_000_000L));
        assertThat(event.version()).isEqualTo(new Version(24023400L, Version.Source.LSN));
    }

    @Test
    void decode_flattenedRewriteDelete_deleteWithKeyOnly() {
        ChangeEvent event = decoder().decode(record("odoo.public.product_template", "77", json("{\"id\":7}"),
                fixture("flattened-rewrite-delete-product_template.json")));

        assertThat(event.operation()).isEqualTo(Operation.DELETE);
        assertThat(event.key()).containsExactly(entry("id", 7L));
        assertThat(event.columns()).isEmpty();
        assertThat(event.version()).isEqualTo(new Version(24023200L, Version.Source.LSN));
        assertThat(event.sourceTsMs()).isEqualTo(1709288131000L);
    }

    @Test
    void decode_truncateWithNullKey_ignored() {
        ChangeEvent event = decoder().decode(record(null, fixture("envelope-truncate-product_template.json")));

        assertThat(event.operation()).isEqualTo(Operation.IGNORE);
        assertThat(event.sourceOp()).isEqualTo('t');
        assertThat(event.note()).contains("truncate");
    }
}
