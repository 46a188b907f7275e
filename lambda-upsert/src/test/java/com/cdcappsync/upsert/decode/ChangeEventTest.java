package com.cdcappsync.upsert.decode;

import static com.cdcappsync.upsert.decode.DecodeSupport.decode;
import static com.cdcappsync.upsert.decode.DecodeSupport.envelope;
import static com.cdcappsync.upsert.decode.DecodeSupport.json;
import static com.cdcappsync.upsert.decode.DecodeSupport.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.upsert.adapter.RecordRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The decoded value itself: no row data in its text, defensive copies, nulls allowed in columns. */
class ChangeEventTest {

    @Test
    void toString_withRowData_containsNoRowValues() {
        ChangeEvent event = decode("{\"id\":987654}", envelope("u",
                "{\"id\":987654,\"name\":\"Secret Desk\",\"list_price\":{\"scale\":2,\"value\":\"AQID\"}}", 24023128L));

        assertThat(event.toString())
                .doesNotContain("987654", "Secret Desk", "AQID", "662.43")
                .isEqualTo("ChangeEvent[odoo.public.product_template/0@41 product_template UPSERT v24023128]");
    }

    @Test
    void toString_ignoredEvent_namesOperationWithoutVersion() {
        ChangeEvent event = decode("{\"id\":987654}", null);

        assertThat(event.toString()).contains("IGNORE").contains("vnull").doesNotContain("987654");
    }

    @Test
    void constructor_collections_copiedAndUnmodifiable() {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", null);
        Map<String, Object> key = new HashMap<>(Map.of("id", 7L));
        Set<String> unknown = new HashSet<>(Set.of("description"));
        ChangeEvent event = new ChangeEvent(record(json("{\"id\":7}"), null).ref(), "public", "t",
                Operation.UPSERT, 'u',
                key, columns, unknown, new Version(1, Version.Source.LSN), null, null);
        columns.put("other", 1L);
        key.clear();
        unknown.clear();

        assertThat(event.columns()).containsOnlyKeys("name").containsEntry("name", null);
        assertThat(event.key()).containsOnlyKeys("id");
        assertThat(event.unknownColumns()).containsExactly("description");
        assertThatThrownBy(() -> event.columns().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> event.key().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructor_nullOperation_rejected() {
        assertThatThrownBy(() -> new ChangeEvent(record(null, null).ref(), null, "t", null, '?', Map.of(), Map.of(),
                Set.of(), null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("operation");
    }

    @Test
    void decode_event_keepsAReferenceNotTheSourceRecord() {
        var source = record(json("{\"id\":7}"), json(envelope("c", "{\"id\":7}", 5L)));

        ChangeEvent event = DecodeSupport.decoder().decode(source);

        assertThat(event.record()).isEqualTo(new RecordRef(source.index(), source.location()));
    }
}
