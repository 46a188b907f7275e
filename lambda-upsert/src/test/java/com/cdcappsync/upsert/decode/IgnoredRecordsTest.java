package com.cdcappsync.upsert.decode;

import com.cdcappsync.upsert.internal.decode.DebeziumDecoder;
import com.cdcappsync.upsert.internal.decode.DecoderOptions;
import static com.cdcappsync.upsert.decode.DecodeSupport.decoder;
import static com.cdcappsync.upsert.decode.DecodeSupport.json;
import static com.cdcappsync.upsert.decode.DecodeSupport.record;
import static com.cdcappsync.upsert.decode.DecodeSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Records that carry no row change: tombstones and Debezium heartbeats. */
class IgnoredRecordsTest {

    @Test
    void decode_nullValue_tombstoneIgnoredWithNote() {
        ChangeEvent event = decoder().decode(record(json("{\"id\":7}"), null));

        assertThat(event.operation()).isEqualTo(Operation.IGNORE);
        assertThat(event.note()).startsWith("tombstone");
        assertThat(event.sourceOp()).isEqualTo('?');
        assertThat(event.columns()).isEmpty();
        assertThat(event.key()).isEmpty();
        assertThat(event.version()).isNull();
    }

    @Test
    void decode_tombstone_schemaAndTableFromTopic() {
        ChangeEvent event = decoder().decode(record(json("{\"id\":7}"), null));

        assertThat(event.schema()).isEqualTo("public");
        assertThat(event.table()).isEqualTo("product_template");
    }

    @Test
    void decode_valueTextNull_tombstone() {
        ChangeEvent event = decoder().decode(record(json("{\"id\":7}"), text("null")));

        assertThat(event.operation()).isEqualTo(Operation.IGNORE);
        assertThat(event.note()).startsWith("tombstone");
    }

    @Test
    void decode_valueEmptyText_tombstone() {
        ChangeEvent event = decoder().decode(record(json("{\"id\":7}"), text("")));

        assertThat(event.operation()).isEqualTo(Operation.IGNORE);
        assertThat(event.note()).startsWith("tombstone");
    }

    @Test
    void decode_schemaWrapperWithNullPayload_tombstone() {
        ChangeEvent event = decoder().decode(record(json("{\"id\":7}"),
                json("{\"schema\":{\"type\":\"struct\",\"fields\":[]},\"payload\":null}")));

        assertThat(event.operation()).isEqualTo(Operation.IGNORE);
        assertThat(event.note()).startsWith("tombstone");
    }

    @Test
    void decode_heartbeatTopic_ignoredAsHeartbeat() {
        ChangeEvent event = decoder().decode(record("__debezium-heartbeat.odoo", "12",
                json("{\"serverName\":\"odoo\"}"), json("{\"ts_ms\":1709288130123}")));

        assertThat(event.operation()).isEqualTo(Operation.IGNORE);
        assertThat(event.note()).isEqualTo("Debezium heartbeat");
        assertThat(event.table()).isNull();
    }

    @Test
    void decode_heartbeatWithUnreadableValue_stillIgnored() {
        ChangeEvent event = decoder().decode(record("__debezium-heartbeat.odoo", "12", null, text("{not json")));

        assertThat(event.operation()).isEqualTo(Operation.IGNORE);
    }

    @Test
    void decode_heartbeatWithoutLsnOrFallback_stillIgnored() {
        DebeziumDecoder strict = decoder(new DecoderOptions(DecoderOptions.DEFAULT_TOAST_PLACEHOLDER, false));

        ChangeEvent event = strict.decode(record("__debezium-heartbeat.odoo", "x", null, json("{\"ts_ms\":1}")));

        assertThat(event.operation()).isEqualTo(Operation.IGNORE);
    }

    @Test
    void decode_tombstoneWithoutLsnOrFallback_stillIgnored() {
        DebeziumDecoder strict = decoder(new DecoderOptions(DecoderOptions.DEFAULT_TOAST_PLACEHOLDER, false));

        ChangeEvent event = strict.decode(record(json("{\"id\":7}"), null));

        assertThat(event.operation()).isEqualTo(Operation.IGNORE);
    }
}
