package com.cdcappsync.upsert.decode;

import static com.cdcappsync.upsert.decode.DecodeSupport.decoder;
import static com.cdcappsync.upsert.decode.DecodeSupport.envelope;
import static com.cdcappsync.upsert.decode.DecodeSupport.json;
import static com.cdcappsync.upsert.decode.DecodeSupport.quote;
import static com.cdcappsync.upsert.decode.DecodeSupport.record;
import static com.cdcappsync.upsert.decode.DecodeSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The record key: bare object, {schema, payload} wrapper, JSON text, or absent. */
class RecordKeyTest {

    private static final JsonNode VALUE = json(envelope("u", "{\"id\":7}", 24023128L));
    private static final String KEY_WITH_SCHEMA = """
            {"schema":{"type":"struct","optional":false,"name":"odoo.public.product_template.Key",
                       "fields":[{"type":"int32","optional":false,"field":"id"}]},
             "payload":{"id":7}}""";

    @Test
    void decode_bareKeyObject_keyColumns() {
        ChangeEvent event = decoder().decode(record(json("{\"id\":7}"), VALUE));

        assertThat(event.key()).containsExactly(entry("id", 7L));
    }

    @Test
    void decode_keyWithSchemaWrapper_payloadDecoded() {
        ChangeEvent event = decoder().decode(record(json(KEY_WITH_SCHEMA), VALUE));

        assertThat(event.key()).containsExactly(entry("id", 7L));
    }

    @Test
    void decode_keyWithSchemaWrapperAsJsonString_payloadDecoded() {
        ChangeEvent event = decoder().decode(record(text(KEY_WITH_SCHEMA), VALUE));

        assertThat(event.key()).containsExactly(entry("id", 7L));
    }

    @Test
    void decode_keyAsJsonString_keyColumns() {
        ChangeEvent event = decoder().decode(record(text("{\"id\":7}"), VALUE));

        assertThat(event.key()).containsExactly(entry("id", 7L));
    }

    @Test
    void decode_keyAsNestedJsonString_keyColumns() {
        ChangeEvent event = decoder().decode(record(text(quote("{\"id\":7}")), VALUE));

        assertThat(event.key()).containsExactly(entry("id", 7L));
    }

    @Test
    void decode_keyWithLogicalTypeInSchema_typedValue() {
        String key = """
                {"schema":{"type":"struct","fields":[{"type":"string","name":"io.debezium.data.Uuid","field":"uid"},
                                                     {"type":"int32","name":"io.debezium.time.Date","field":"day"}]},
                 "payload":{"uid":"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","day":19783}}""";

        ChangeEvent event = decoder().decode(record(json(key), VALUE));

        assertThat(event.key()).containsExactly(entry("uid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
                entry("day", java.time.LocalDate.of(2024, 3, 1)));
        assertThat(UUID.fromString((String) event.key().get("uid"))).isNotNull();
    }

    @Test
    void decode_compositeKey_columnOrderKept() {
        ChangeEvent event = decoder().decode(record(json("{\"product_id\":3,\"attribute_id\":9,\"lang\":\"fr\"}"),
                VALUE));

        assertThat(event.key()).containsExactly(entry("product_id", 3L), entry("attribute_id", 9L),
                entry("lang", "fr"));
    }

    @Test
    void decode_nullKey_emptyKey() {
        ChangeEvent event = decoder().decode(record(null, VALUE));

        assertThat(event.key()).isEmpty();
    }

    @Test
    void decode_plainTextKey_emptyKey() {
        ChangeEvent event = decoder().decode(record(text("default"), VALUE));

        assertThat(event.key()).isEmpty();
        assertThat(event.operation()).isEqualTo(Operation.UPSERT);
    }

    @Test
    void decode_keyWithSchemaAndNullPayload_emptyKey() {
        ChangeEvent event = decoder().decode(record(json("{\"schema\":{\"type\":\"struct\"},\"payload\":null}"),
                VALUE));

        assertThat(event.key()).isEmpty();
    }
}
