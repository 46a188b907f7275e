package com.cdcappsync.upsert.decode;

import com.cdcappsync.upsert.internal.decode.DecodeException;
import static com.cdcappsync.upsert.decode.DecodeSupport.decode;
import static com.cdcappsync.upsert.decode.DecodeSupport.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Debezium's envelope without a schema: what each op becomes (Debezium PostgreSQL connector, change events). */
class EnvelopeOperationTest {

    private static final String KEY = "{\"id\":7}";
    private static final String AFTER = "{\"id\":7,\"default_code\":\"DESK-01\",\"active\":true,\"list_price\":12.5}";
    private static final long LSN = 24023128L;

    @ParameterizedTest
    @ValueSource(strings = {"c", "u", "r"})
    void decode_createUpdateOrRead_upsertWithColumnsFromAfter(String op) {
        ChangeEvent event = decode(KEY, envelope(op, AFTER, LSN));

        assertThat(event.operation()).isEqualTo(Operation.UPSERT);
        assertThat(event.sourceOp()).isEqualTo(op.charAt(0));
        assertThat(event.columns()).containsExactly(entry("id", 7L), entry("default_code", "DESK-01"),
                entry("active", true), entry("list_price", new BigDecimal("12.5")));
        assertThat(event.unknownColumns()).isEmpty();
        assertThat(event.key()).containsExactly(entry("id", 7L));
        assertThat(event.version()).isEqualTo(new Version(LSN, Version.Source.LSN));
        assertThat(event.note()).isNull();
    }

    @Test
    void decode_envelope_schemaAndTableFromSource() {
        ChangeEvent event = decoderForTopic("some.other_topic", envelope("c", AFTER, LSN));

        assertThat(event.schema()).isEqualTo("public");
        assertThat(event.table()).isEqualTo("product_template");
    }

    @Test
    void decode_envelopeWithoutSourceTable_schemaAndTableFromTopic() {
        ChangeEvent event = decoderForTopic("odoo.inventory.product_category",
                "{\"op\":\"c\",\"after\":{\"id\":1},\"source\":{\"lsn\":5}}");

        assertThat(event.schema()).isEqualTo("inventory");
        assertThat(event.table()).isEqualTo("product_category");
    }

    @Test
    void decode_envelope_sourceTsMsFromSource() {
        ChangeEvent event = decode(KEY, envelope("u", AFTER, LSN));

        assertThat(event.sourceTsMs()).isEqualTo(1709288130123L);
    }

    @Test
    void decode_envelopeWithoutSourceTsMs_sourceTsMsNull() {
        ChangeEvent event = decode(KEY, "{\"op\":\"c\",\"after\":{\"id\":7},\"source\":{\"lsn\":5}}");

        assertThat(event.sourceTsMs()).isNull();
    }

    @Test
    void decode_delete_deleteWithKeyFromRecordKey() {
        ChangeEvent event = decode(KEY, """
                {"before":{"id":7,"default_code":"","active":false,"list_price":0},"after":null,
                 "source":{"lsn":24023200,"ts_ms":1709288131000,"schema":"public","table":"product_template"},
                 "op":"d","ts_ms":1709288131111}""");

        assertThat(event.operation()).isEqualTo(Operation.DELETE);
        assertThat(event.sourceOp()).isEqualTo('d');
        assertThat(event.key()).containsExactly(entry("id", 7L));
        assertThat(event.version()).isEqualTo(new Version(24023200L, Version.Source.LSN));
        assertThat(event.sourceTsMs()).isEqualTo(1709288131000L);
        assertThat(event.table()).isEqualTo("product_template");
    }

    @Test
    void decode_deleteWithMadeUpBefore_neverReadsBusinessColumns() {
        ChangeEvent event = decode(KEY, """
                {"before":{"id":7,"name":"","active":false,"categ_id":0,"note":"__debezium_unavailable_value"},
                 "after":null,"source":{"lsn":24023200},"op":"d"}""");

        assertThat(event.columns()).isEmpty();
        assertThat(event.unknownColumns()).isEmpty();
        assertThat(event.key()).containsOnlyKeys("id");
    }

    @Test
    void decode_deleteWithoutKey_takesTheKeyFromBefore() {
        ChangeEvent event = decode(null, "{\"before\":{\"id\":7},\"after\":null,\"source\":{\"lsn\":9},\"op\":\"d\"}");

        assertThat(event.operation()).isEqualTo(Operation.DELETE);
        assertThat(event.key()).containsEntry("id", 7L);
        assertThat(event.columns()).isEmpty();
    }

    @Test
    void decode_deleteWithoutKeyOrBefore_emptyKey() {
        ChangeEvent event = decode(null, "{\"before\":null,\"after\":null,\"source\":{\"lsn\":9},\"op\":\"d\"}");

        assertThat(event.key()).isEmpty();
    }

    @Test
    void decode_truncate_ignoredWithNote() {
        ChangeEvent event = decode(null, """
                {"before":null,"after":null,"source":{"lsn":24023300,"schema":"public","table":"product_template"},
                 "op":"t","ts_ms":1709288132000}""");

        assertThat(event.operation()).isEqualTo(Operation.IGNORE);
        assertThat(event.sourceOp()).isEqualTo('t');
        assertThat(event.note()).startsWith("truncate");
        assertThat(event.columns()).isEmpty();
        assertThat(event.key()).isEmpty();
        assertThat(event.version()).isNull();
        assertThat(event.table()).isEqualTo("product_template");
    }

    @Test
    void decode_logicalMessage_ignoredWithNote() {
        ChangeEvent event = decode(null, """
                {"source":{"lsn":24023400},"op":"m","ts_ms":1709288133000,
                 "message":{"prefix":"audit","content":"aGVsbG8="}}""");

        assertThat(event.operation()).isEqualTo(Operation.IGNORE);
        assertThat(event.sourceOp()).isEqualTo('m');
        assertThat(event.note()).isEqualTo("logical decoding message");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "create", "C", ""})
    void decode_unknownOp_throwsNamingExpectedOps(String op) {
        assertThatThrownBy(() -> decode(KEY, envelope(op, AFTER, LSN)))
                .isInstanceOf(DecodeException.class)
                .hasMessage("field 'op' is '" + op + "'; expected one of c, u, d, r, t, m");
    }

    @Test
    void decode_updateWithoutAfter_throwsAskingForTheNewRowState() {
        assertThatThrownBy(() -> decode(KEY, "{\"before\":null,\"source\":{\"lsn\":5},\"op\":\"u\"}"))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("op 'u' event has no 'after' object");
    }

    @Test
    void decode_createWithNullAfter_throws() {
        assertThatThrownBy(() -> decode(KEY, envelope("c", "null", LSN)))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("no 'after' object");
    }

    @Test
    void decode_valueIsJsonArray_throwsExpectingAChangeEventObject() {
        assertThatThrownBy(() -> decode(KEY, "[1,2]"))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("value is a JSON array; expected a Debezium change event object");
    }

    @Test
    void decode_valueIsPlainText_throwsExpectingAChangeEventObject() {
        assertThatThrownBy(() -> decode(KEY, "\"value1\""))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("value is a JSON string; expected a Debezium change event object");
    }

    @Test
    void decode_afterWithNullColumn_columnPresentWithNull() {
        ChangeEvent event = decode(KEY, envelope("u", "{\"id\":7,\"barcode\":null}", LSN));

        assertThat(event.columns()).containsEntry("barcode", null).hasSize(2);
    }

    private static ChangeEvent decoderForTopic(String topic, String value) {
        return DecodeSupport.decoder().decode(DecodeSupport.record(topic, "3", DecodeSupport.json(KEY),
                DecodeSupport.json(value)));
    }
}
