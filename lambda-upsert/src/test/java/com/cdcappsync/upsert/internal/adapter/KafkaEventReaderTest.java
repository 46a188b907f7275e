package com.cdcappsync.upsert.internal.adapter;

import com.cdcappsync.upsert.adapter.InputItem;
import com.cdcappsync.upsert.adapter.InputKind;
import com.cdcappsync.upsert.adapter.Invocation;
import com.cdcappsync.upsert.adapter.RecordLocation;
import static com.cdcappsync.upsert.adapter.AdapterJson.base64;
import static com.cdcappsync.upsert.adapter.AdapterJson.read;
import static com.cdcappsync.upsert.adapter.AdapterJson.sourceRecord;
import static com.cdcappsync.upsert.adapter.AdapterJson.unreadable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MSK and self-managed Kafka event source mappings (https://docs.aws.amazon.com/lambda/latest/dg/with-msk.html). */
class KafkaEventReaderTest {

    private static final String VALUE = "{\"before\":null,\"after\":{\"id\":7,\"name\":\"Bureau été\"},\"op\":\"c\"}";

    /** A Kafka event with one group "odoo.public.product_template-0" holding the given records. */
    private static Invocation event(String eventSource, String... records) {
        return read("""
                {"eventSource":"%s","eventSourceArn":"arn:aws:kafka:us-east-1:123456789012:cluster/odoo/abc",
                 "bootstrapServers":"b-1:9092",
                 "records":{"odoo.public.product_template-0":[%s]}}""".formatted(eventSource,
                String.join(",", records)));
    }

    private static String record(long offset, String keyField, String valueField) {
        return """
                {"topic":"odoo.public.product_template","partition":0,"offset":%d,"timestamp":1709288130123,
                 "timestampType":"CREATE_TIME"%s%s,"headers":[]}""".formatted(offset,
                keyField == null ? "" : ",\"key\":" + keyField, valueField == null ? "" : ",\"value\":" + valueField);
    }

    private static String b64Field(String text) {
        return "\"" + base64(text) + "\"";
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:kafka", "SelfManagedKafka"})
    void read_eitherEventSource_decodesKeyAndValueToText(String eventSource) {
        Invocation invocation = event(eventSource, record(15, b64Field("{\"id\":7}"), b64Field(VALUE)));

        assertThat(invocation.kind()).isEqualTo(InputKind.KAFKA_EVENT);
        InputItem.SourceRecord record = sourceRecord(invocation.items().get(0));
        assertThat(record.key().isTextual()).isTrue();
        assertThat(record.key().asText()).isEqualTo("{\"id\":7}");
        assertThat(record.value().isTextual()).isTrue();
        assertThat(record.value().asText()).isEqualTo(VALUE);
    }

    @Test
    void read_valueWithNonAsciiUtf8_decodedAsUtf8() {
        Invocation invocation = event("aws:kafka", record(15, null, b64Field(VALUE)));

        assertThat(sourceRecord(invocation.items().get(0)).value().asText()).contains("Bureau été");
    }

    @Test
    void read_record_locationAndTimestamp() {
        InputItem.SourceRecord record = sourceRecord(
                event("aws:kafka", record(15, b64Field("{\"id\":7}"), b64Field(VALUE))).items().get(0));

        assertThat(record.location()).isEqualTo(new RecordLocation("odoo.public.product_template", "0", "15"));
        assertThat(record.timestampMs()).isEqualTo(1709288130123L);
    }

    @Test
    void read_nullValue_isTombstone() {
        InputItem.SourceRecord record = sourceRecord(
                event("aws:kafka", record(16, b64Field("{\"id\":7}"), "null")).items().get(0));

        assertThat(record.value()).isNull();
        assertThat(record.key().asText()).isEqualTo("{\"id\":7}");
    }

    @Test
    void read_absentValue_isTombstone() {
        InputItem.SourceRecord record = sourceRecord(
                event("aws:kafka", record(16, b64Field("{\"id\":7}"), null)).items().get(0));

        assertThat(record.value()).isNull();
    }

    @Test
    void read_absentKey_keyIsNull() {
        InputItem.SourceRecord record = sourceRecord(event("aws:kafka", record(16, null, b64Field(VALUE)))
                .items().get(0));

        assertThat(record.key()).isNull();
        assertThat(record.value()).isNotNull();
    }

    @Test
    void read_headersAsByteArrays_decodedToText() {
        Invocation invocation = read("""
                {"eventSource":"aws:kafka","records":{"t-0":[{"topic":"t","partition":0,"offset":1,
                  "value":null,
                  "headers":[{"__debezium.context.connectorName":[111,100,111,111]},
                             {"signed":[-61,-87]},{"unsigned":[195,169]}]}]}}""");

        assertThat(sourceRecord(invocation.items().get(0)).headers()).containsOnly(
                entry("__debezium.context.connectorName", "odoo"),
                entry("signed", "é"),
                entry("unsigned", "é"));
    }

    @Test
    void read_headerWithNullValue_readsRecordAndDropsTheHeader() {
        Invocation invocation = read("""
                {"eventSource":"aws:kafka","records":{"t-0":[{"topic":"t","partition":0,"offset":1,
                  "headers":[{"empty":null},{"h":[104]}]}]}}""");

        assertThat(sourceRecord(invocation.items().get(0)).headers()).containsOnly(entry("h", "h"));
    }

    @Test
    void read_invalidBase64Value_unreadableAndOtherRecordsStillRead() {
        Invocation invocation = event("aws:kafka",
                record(15, null, b64Field(VALUE)),
                record(16, null, "\"not base64!!\""),
                record(17, null, b64Field(VALUE)));

        List<InputItem> items = invocation.items();
        assertThat(items).hasSize(3);
        assertThat(sourceRecord(items.get(0)).index()).isZero();
        InputItem.Unreadable bad = unreadable(items.get(1));
        assertThat(bad.index()).isEqualTo(1);
        assertThat(bad.reason()).startsWith("record value is not valid base64");
        assertThat(bad.location()).isEqualTo(new RecordLocation("odoo.public.product_template", "0", "16"));
        assertThat(sourceRecord(items.get(2)).index()).isEqualTo(2);
    }

    @Test
    void read_invalidBase64Key_unreadableNamingTheKey() {
        InputItem.Unreadable bad = unreadable(event("aws:kafka", record(15, "\"%%%\"", b64Field(VALUE)))
                .items().get(0));

        assertThat(bad.reason()).startsWith("record key is not valid base64");
    }

    @Test
    void read_valueNotAString_unreadableNamingTheJsonType() {
        InputItem.Unreadable bad = unreadable(event("aws:kafka", record(15, null, "{\"op\":\"c\"}"))
                .items().get(0));

        assertThat(bad.reason()).isEqualTo("record value must be a base64 string, got a JSON object");
    }

    @Test
    void read_severalGroups_keepsInputOrderAcrossGroups() {
        Invocation invocation = read("""
                {"eventSource":"SelfManagedKafka","records":{
                  "b-1":[{"topic":"b","partition":1,"offset":40},{"topic":"b","partition":1,"offset":41}],
                  "a-0":[{"topic":"a","partition":0,"offset":7}],
                  "b-0":[{"topic":"b","partition":0,"offset":3}]}}""");

        assertThat(invocation.items()).extracting(InputItem::index).containsExactly(0, 1, 2, 3);
        assertThat(invocation.items()).extracting(i -> i.location().toString())
                .containsExactly("b/1@40", "b/1@41", "a/0@7", "b/0@3");
    }

    @Test
    void read_recordWithoutOffset_unreadableNamingTheOffset() {
        InputItem.Unreadable bad = unreadable(read("""
                {"eventSource":"aws:kafka","records":{"t-0":[{"topic":"t","partition":0}]}}""").items().get(0));

        assertThat(bad.reason()).isEqualTo("record offset must be a non-negative JSON integer, as in every Kafka "
                + "event Lambda sends; got nothing");
        assertThat(bad.location()).isEqualTo(new RecordLocation("t", "0", "?"));
    }

    @Test
    void read_partitionAsText_unreadableNamingThePartition() {
        InputItem.Unreadable bad = unreadable(read("""
                {"eventSource":"aws:kafka","records":{"t-0":[{"topic":"t","partition":"0","offset":4}]}}""")
                .items().get(0));

        assertThat(bad.reason()).startsWith("record partition must be a non-negative JSON integer")
                .endsWith("got a JSON string");
    }

    @Test
    void read_noRecords_noItems() {
        Invocation invocation = read("{\"eventSource\":\"aws:kafka\"}");

        assertThat(invocation.kind()).isEqualTo(InputKind.KAFKA_EVENT);
        assertThat(invocation.items()).isEmpty();
    }
}
