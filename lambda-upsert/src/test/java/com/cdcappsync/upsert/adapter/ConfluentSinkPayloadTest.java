package com.cdcappsync.upsert.adapter;

import static com.cdcappsync.upsert.adapter.AdapterJson.read;
import static com.cdcappsync.upsert.adapter.AdapterJson.sourceRecord;
import static com.cdcappsync.upsert.adapter.AdapterJson.unreadable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Confluent element around key and value: location, identifier, timestamp, headers, bad elements. */
class ConfluentSinkPayloadTest {

    private static final String GOOD = """
            {"payload":{"timestamp":1562844607000,"topic":"odoo.public.product_template","partition":2,
                        "offset":43822,"key":{"id":7},"value":{"op":"c","after":{"id":7}}}}""";

    private static InputItem.SourceRecord readPayload(String payloadFields) {
        Invocation invocation = read("[{\"payload\":{\"topic\":\"t\",\"partition\":0,\"offset\":1,"
                + payloadFields + "}}]");
        return sourceRecord(invocation.items().get(0));
    }

    @Test
    void read_goodElement_locationFromTopicPartitionOffset() {
        InputItem.SourceRecord record = sourceRecord(read("[" + GOOD + "]").items().get(0));

        assertThat(record.location()).isEqualTo(new RecordLocation("odoo.public.product_template", "2", "43822"));
        assertThat(record.location().offsetAsLong()).isEqualTo(43822L);
        assertThat(record.index()).isZero();
    }

    @Test
    void read_numericTimestamp_isEpochMillis() {
        InputItem.SourceRecord record = sourceRecord(read("[" + GOOD + "]").items().get(0));

        assertThat(record.timestampMs()).isEqualTo(1562844607000L);
    }

    @Test
    void read_absentTimestamp_isNull() {
        assertThat(readPayload("\"value\":null").timestampMs()).isNull();
    }

    @Test
    void read_nullTimestamp_isNull() {
        assertThat(readPayload("\"timestamp\":null").timestampMs()).isNull();
    }

    @Test
    void read_textTimestamp_isNull() {
        assertThat(readPayload("\"timestamp\":\"yesterday\"").timestampMs()).isNull();
    }

    @Test
    void read_headersAsObject_renderedAsText() {
        InputItem.SourceRecord record = readPayload("""
                "headers":{"__debezium.context.connectorName":"odoo","n":5,"flag":true,"o":{"a":1}}""");

        assertThat(record.headers()).containsOnly(
                entry("__debezium.context.connectorName", "odoo"),
                entry("n", "5"),
                entry("flag", "true"),
                entry("o", "{\"a\":1}"));
    }

    @Test
    void read_headersAsArrayOfKeyValue_renderedAsText() {
        InputItem.SourceRecord record = readPayload("""
                "headers":[{"key":"__debezium.context.taskId","value":"0"},{"key":"n","value":5},
                           {"noKey":"ignored"}]""");

        assertThat(record.headers()).containsOnly(entry("__debezium.context.taskId", "0"), entry("n", "5"));
    }

    @Test
    void read_headersAbsent_emptyMap() {
        assertThat(readPayload("\"value\":null").headers()).isNotNull().isEmpty();
    }

    @Test
    void read_headersNull_emptyMap() {
        assertThat(readPayload("\"headers\":null").headers()).isNotNull().isEmpty();
    }

    @Test
    void read_headerObjectWithNullValue_readsRecordAndDropsTheHeader() {
        InputItem.SourceRecord record = readPayload("\"headers\":{\"empty\":null,\"h\":\"v\"}");

        assertThat(record.headers()).containsOnly(entry("h", "v"));
    }

    @Test
    void read_headerArrayWithNullValue_readsRecordAndDropsTheHeader() {
        InputItem.SourceRecord record = readPayload(
                "\"headers\":[{\"key\":\"empty\",\"value\":null},{\"key\":\"h\",\"value\":\"v\"}]");

        assertThat(record.headers()).containsOnly(entry("h", "v"));
    }

    @Test
    void read_elementWithoutPayload_unreadableWithIndexAndReason() {
        List<InputItem> items = read("[" + GOOD + ", {\"record\":{}}, " + GOOD + "]").items();

        assertThat(items).hasSize(3);
        assertThat(items.get(0)).isInstanceOf(InputItem.SourceRecord.class);
        InputItem.Unreadable bad = unreadable(items.get(1));
        assertThat(bad.index()).isEqualTo(1);
        assertThat(bad.reason()).contains("element 1 has no \"payload\" object")
                .contains("Confluent AWS Lambda Sink");
        assertThat(bad.location()).isEqualTo(new RecordLocation("?", "?", "?"));
        assertThat(sourceRecord(items.get(2)).index()).isEqualTo(2);
    }

    @Test
    void read_elementNotAnObject_unreadable() {
        InputItem.Unreadable bad = unreadable(read("[17]").items().get(0));

        assertThat(bad.index()).isZero();
        assertThat(bad.reason()).contains("element 0 has no \"payload\" object");
    }

    @Test
    void read_payloadNotAnObject_unreadable() {
        InputItem.Unreadable bad = unreadable(read("[{\"payload\":\"text\"}]").items().get(0));

        assertThat(bad.reason()).contains("has no \"payload\" object");
    }

    @Test
    void read_payloadMissingTopicAndOffset_unreadableNamingBoth() {
        InputItem.Unreadable bad = unreadable(read("""
                [{"payload":{"partition":3,"key":null,"value":null}}]""").items().get(0));

        assertThat(bad.reason()).contains("payload of element 0 lacks [topic, offset]")
                .doesNotContain("partition]");
        assertThat(bad.location()).isEqualTo(new RecordLocation("?", "3", "?"));
    }

    @Test
    void read_payloadWithNullPartition_unreadableNamingPartition() {
        InputItem.Unreadable bad = unreadable(read("""
                [{"payload":{"topic":"t","partition":null,"offset":9}}]""").items().get(0));

        assertThat(bad.reason()).contains("lacks [partition]");
        assertThat(bad.location()).isEqualTo(new RecordLocation("t", "?", "9"));
    }

    @Test
    void read_severalElements_indicesFollowInputOrder() {
        List<InputItem> items = read("""
                [{"payload":{"topic":"t","partition":0,"offset":12}},
                 {"payload":{"topic":"t","partition":1,"offset":3}},
                 {"payload":{"topic":"u","partition":0,"offset":7}}]""").items();

        assertThat(items).extracting(InputItem::index).containsExactly(0, 1, 2);
        assertThat(items).extracting(i -> i.location().toString()).containsExactly("t/0@12", "t/1@3", "u/0@7");
    }

    @Test
    void read_offsetAsText_keptAsText() {
        InputItem.SourceRecord record = sourceRecord(read("""
                [{"payload":{"topic":"t","partition":"4","offset":"99"}}]""").items().get(0));

        assertThat(record.location()).isEqualTo(new RecordLocation("t", "4", "99"));
    }
}
