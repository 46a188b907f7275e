package com.cdcappsync.upsert.internal.decode;

import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.decode.Operation;
import com.cdcappsync.upsert.decode.Version;
import static com.cdcappsync.upsert.decode.DecodeSupport.decode;
import static com.cdcappsync.upsert.decode.DecodeSupport.decoder;
import static com.cdcappsync.upsert.decode.DecodeSupport.json;
import static com.cdcappsync.upsert.decode.DecodeSupport.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Records flattened by ExtractNewRecordState with add.fields and rewrite deletes (Debezium, "New record state
 * extraction": https://debezium.io/documentation/reference/stable/transformations/event-flattening.html). */
class FlattenedShapeTest {

    private static final String KEY = "{\"id\":7}";

    private static String row(String deleted, String op) {
        return """
                {"id":7,"default_code":"DESK-01","active":true,"list_price":12.5,
                 "__op":"%s","__table":"product_template","__lsn":24023128,"__source_ts_ms":1709288130123,
                 "__deleted":%s}""".formatted(op, deleted);
    }

    @Test
    void decode_flattenedUpdate_upsertWithRowColumns() {
        ChangeEvent event = decode(KEY, row("\"false\"", "u"));

        assertThat(event.operation()).isEqualTo(Operation.UPSERT);
        assertThat(event.sourceOp()).isEqualTo('u');
        assertThat(event.columns()).containsExactly(entry("id", 7L), entry("default_code", "DESK-01"),
                entry("active", true), entry("list_price", new BigDecimal("12.5")));
        assertThat(event.key()).containsExactly(entry("id", 7L));
    }

    @Test
    void decode_flattened_metadataFieldsNotInColumns() {
        ChangeEvent event = decode(KEY, row("\"false\"", "c"));

        assertThat(event.columns().keySet()).noneMatch(column -> column.startsWith("__"));
        assertThat(event.unknownColumns()).isEmpty();
    }

    @Test
    void decode_flattened_versionFromLsnAndTimeFromSourceTsMs() {
        ChangeEvent event = decode(KEY, row("\"false\"", "c"));

        assertThat(event.version()).isEqualTo(new Version(24023128L, Version.Source.LSN));
        assertThat(event.sourceTsMs()).isEqualTo(1709288130123L);
    }

    @Test
    void decode_flattenedDeletedStringTrue_deleteWithKeyOnly() {
        ChangeEvent event = decode(KEY, row("\"true\"", "d"));

        assertThat(event.operation()).isEqualTo(Operation.DELETE);
        assertThat(event.key()).containsExactly(entry("id", 7L));
        assertThat(event.columns()).isEmpty();
        assertThat(event.version()).isEqualTo(new Version(24023128L, Version.Source.LSN));
    }

    @Test
    void decode_flattenedDeletedBooleanTrue_delete() {
        ChangeEvent event = decode(KEY, row("true", "d"));

        assertThat(event.operation()).isEqualTo(Operation.DELETE);
        assertThat(event.columns()).isEmpty();
    }

    @Test
    void decode_flattenedDeletedTrueWithoutOp_delete() {
        ChangeEvent event = decode(KEY, "{\"id\":7,\"name\":\"\",\"__deleted\":\"true\",\"__lsn\":9}");

        assertThat(event.operation()).isEqualTo(Operation.DELETE);
        assertThat(event.sourceOp()).isEqualTo('?');
    }

    @Test
    void decode_flattenedDeletedStringFalse_upsert() {
        assertThat(decode(KEY, row("\"false\"", "c")).operation()).isEqualTo(Operation.UPSERT);
    }

    @Test
    void decode_flattenedDeletedBooleanFalse_upsert() {
        assertThat(decode(KEY, row("false", "c")).operation()).isEqualTo(Operation.UPSERT);
    }

    @Test
    void decode_flattenedOpDWithoutDeletedField_delete() {
        ChangeEvent event = decode(KEY, "{\"id\":7,\"__op\":\"d\",\"__lsn\":9}");

        assertThat(event.operation()).isEqualTo(Operation.DELETE);
        assertThat(event.sourceOp()).isEqualTo('d');
    }

    @Test
    void decode_flattenedDeleteWithMadeUpColumns_neverReadsBusinessColumns() {
        ChangeEvent event = decode(KEY, """
                {"id":7,"name":"","active":false,"categ_id":0,"__op":"d","__lsn":9,"__deleted":"true"}""");

        assertThat(event.columns()).isEmpty();
        assertThat(event.unknownColumns()).isEmpty();
    }

    @Test
    void decode_flattenedWithTableField_tableFromTableField() {
        ChangeEvent event = decoder().decode(record("odoo.public.something_else", "1", json(KEY),
                json(row("\"false\"", "c"))));

        assertThat(event.table()).isEqualTo("product_template");
        assertThat(event.schema()).isEqualTo("public");
    }

    @Test
    void decode_flattenedWithoutTableField_schemaAndTableFromTopic() {
        ChangeEvent event = decoder().decode(record("odoo.inventory.product_category", "1", json(KEY),
                json("{\"id\":3,\"name\":\"All\",\"__lsn\":9}")));

        assertThat(event.table()).isEqualTo("product_category");
        assertThat(event.schema()).isEqualTo("inventory");
        assertThat(event.sourceOp()).isEqualTo('?');
        assertThat(event.operation()).isEqualTo(Operation.UPSERT);
    }

    @Test
    void decode_flattenedTopicWithTwoParts_schemaNullTableLastPart() {
        ChangeEvent event = decoder().decode(record("odoo.product_category", "1", json(KEY),
                json("{\"id\":3,\"__lsn\":9}")));

        assertThat(event.table()).isEqualTo("product_category");
        assertThat(event.schema()).isNull();
    }

    @Test
    void decode_flattenedWithoutSourceTs_sourceTsMsNull() {
        assertThat(decode(KEY, "{\"id\":3,\"__lsn\":9}").sourceTsMs()).isNull();
    }

    @Test
    void decode_flattenedTruncateOp_ignored() {
        ChangeEvent event = decode(null, "{\"__op\":\"t\",\"__lsn\":9,\"__table\":\"product_template\"}");

        assertThat(event.operation()).isEqualTo(Operation.IGNORE);
        assertThat(event.note()).isEqualTo("truncate");
    }

    @Test
    void decode_flattenedMessageOp_ignored() {
        ChangeEvent event = decode(null, "{\"__op\":\"m\",\"__lsn\":9}");

        assertThat(event.operation()).isEqualTo(Operation.IGNORE);
        assertThat(event.note()).isEqualTo("logical decoding message");
    }

    @Test
    void decode_flattenedWithSchema_rowStructSchemaTypesColumns() {
        String value = """
                {"schema":{"type":"struct","optional":false,"name":"odoo.public.product_template.Value","fields":[
                   {"type":"int32","optional":false,"field":"id"},
                   {"type":"struct","optional":true,"name":"io.debezium.data.VariableScaleDecimal","version":1,
                    "field":"list_price","fields":[{"type":"int32","optional":false,"field":"scale"},
                                                   {"type":"bytes","optional":false,"field":"value"}]},
                   {"type":"int64","optional":true,"name":"io.debezium.time.MicroTimestamp","version":1,
                    "field":"write_date"},
                   {"type":"string","optional":true,"field":"__op"},
                   {"type":"int64","optional":true,"field":"__lsn"},
                   {"type":"string","optional":true,"field":"__deleted"}]},
                 "payload":{"id":7,"list_price":{"scale":1,"value":"fQ=="},"write_date":1709288130123456,
                            "__op":"u","__lsn":24023128,"__deleted":"false"}}""";

        ChangeEvent event = decode(KEY, value);

        assertThat(event.operation()).isEqualTo(Operation.UPSERT);
        assertThat(event.columns()).containsOnlyKeys("id", "list_price", "write_date");
        assertThat((BigDecimal) event.columns().get("list_price")).isEqualByComparingTo("12.5");
        assertThat(event.columns().get("write_date")).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
        assertThat(event.version()).isEqualTo(new Version(24023128L, Version.Source.LSN));
    }

    @Test
    void decode_flattenedWithSchemaDeleted_delete() {
        String value = """
                {"schema":{"type":"struct","fields":[{"type":"int32","field":"id"},
                                                     {"type":"string","field":"__deleted"}]},
                 "payload":{"id":7,"__deleted":"true","__lsn":"24023128"}}""";

        ChangeEvent event = decode(KEY, value);

        assertThat(event.operation()).isEqualTo(Operation.DELETE);
        assertThat(event.columns()).isEmpty();
    }

    @Test
    void decode_rowWithColumnNamedOpButNoEnvelopeFields_readAsFlattened() {
        ChangeEvent event = decode(KEY, "{\"id\":7,\"op\":\"sale\",\"__lsn\":9}");

        assertThat(event.operation()).isEqualTo(Operation.UPSERT);
        assertThat(event.columns()).containsEntry("op", "sale");
    }
}
