package com.cdcappsync.upsert.adapter;

import static com.cdcappsync.upsert.adapter.AdapterJson.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The neutral values the adapter produces: copies, null handling, and no row data in logs. */
class InputItemTest {

    private static final RecordLocation LOCATION = new RecordLocation("odoo.public.product_template", "0", "15");

    @Test
    void sourceRecordToString_withRowData_printsOnlyIndexAndLocation() {
        InputItem.SourceRecord record = new InputItem.SourceRecord(3, LOCATION, 1L, parse("{\"id\":987654}"),
                parse("{\"after\":{\"name\":\"Secret Desk\"}}"), Map.of("h", "header-secret"));

        assertThat(record.toString()).isEqualTo("SourceRecord[3 odoo.public.product_template/0@15]")
                .doesNotContain("987654", "Secret Desk", "header-secret");
    }

    @Test
    void sourceRecord_nullHeaders_emptyMap() {
        InputItem.SourceRecord record = new InputItem.SourceRecord(0, LOCATION, null, null, null, null);

        assertThat(record.headers()).isNotNull().isEmpty();
    }

    @Test
    void sourceRecord_headers_copiedAndUnmodifiable() {
        Map<String, String> headers = new HashMap<>(Map.of("a", "1"));
        InputItem.SourceRecord record = new InputItem.SourceRecord(0, LOCATION, null, null, null, headers);
        headers.put("b", "2");

        assertThat(record.headers()).containsOnlyKeys("a");
        assertThatThrownBy(() -> record.headers().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void invocation_items_copiedAndUnmodifiable() {
        List<InputItem> items = new ArrayList<>();
        items.add(new InputItem.Unreadable(0, LOCATION, "bad"));
        Invocation invocation = new Invocation(InputKind.CONFLUENT_SINK, items);
        items.clear();

        assertThat(invocation.items()).hasSize(1);
        assertThatThrownBy(() -> invocation.items().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void recordLocation_nullPart_throwsNamingThePart() {
        assertThatThrownBy(() -> new RecordLocation("t", null, "1"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("partition");
    }

    @Test
    void offsetAsLong_kafkaOffset_isTheNumber() {
        assertThat(new RecordLocation("t", "0", "43822").offsetAsLong()).isEqualTo(43822L);
    }

    @Test
    void offsetAsLong_kinesisSequenceNumber_isMinusOne() {
        assertThat(new RecordLocation("s", "shardId-000000000000",
                "49590338271490256608559692538361571095921575989136588898").offsetAsLong()).isEqualTo(-1L);
    }

    @Test
    void offsetAsLong_unknownOffset_isMinusOne() {
        assertThat(new RecordLocation("?", "?", "?").offsetAsLong()).isEqualTo(-1L);
    }

    @Test
    void toString_recordLocation_isTopicSlashPartitionAtOffset() {
        assertThat(LOCATION).hasToString("odoo.public.product_template/0@15");
    }
}
