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

import java.util.List;
import org.junit.jupiter.api.Test;

/** Kinesis event source mapping, as Debezium Server writes to Kinesis
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html). */
class KinesisEventReaderTest {

    private static final String SEQUENCE = "49590338271490256608559692538361571095921575989136588898";
    private static final String VALUE = "{\"before\":null,\"after\":{\"id\":7},\"op\":\"c\"}";

    private static String kinesisRecord(String sequence, String kinesisExtra) {
        return """
                {"kinesis":{"kinesisSchemaVersion":"1.0","partitionKey":"{\\"id\\":7}","sequenceNumber":"%s",
                            "approximateArrivalTimestamp":1545084650.987%s},
                 "eventSource":"aws:kinesis","eventVersion":"1.0",
                 "eventID":"shardId-000000000006:%s","eventName":"aws:kinesis:record",
                 "awsRegion":"us-east-1",
                 "eventSourceARN":"arn:aws:kinesis:us-east-1:123456789012:stream/odoo.public.product_template"}"""
                .formatted(sequence, kinesisExtra, sequence);
    }

    private static InputItem.SourceRecord readOne(String kinesisExtra) {
        Invocation invocation = read("{\"Records\":[" + kinesisRecord(SEQUENCE, kinesisExtra) + "]}");
        assertThat(invocation.kind()).isEqualTo(InputKind.KINESIS_EVENT);
        return sourceRecord(invocation.items().get(0));
    }

    @Test
    void read_base64Data_decodedToText() {
        InputItem.SourceRecord record = readOne(",\"data\":\"" + base64(VALUE) + "\"");

        assertThat(record.value().isTextual()).isTrue();
        assertThat(record.value().asText()).isEqualTo(VALUE);
    }

    @Test
    void read_partitionKey_isKeyText() {
        InputItem.SourceRecord record = readOne(",\"data\":\"" + base64(VALUE) + "\"");

        assertThat(record.key().isTextual()).isTrue();
        assertThat(record.key().asText()).isEqualTo("{\"id\":7}");
    }

    @Test
    void read_streamArn_topicIsStreamName() {
        InputItem.SourceRecord record = readOne(",\"data\":\"" + base64(VALUE) + "\"");

        assertThat(record.location().topic()).isEqualTo("odoo.public.product_template");
    }

    @Test
    void read_eventId_partitionIsShardId() {
        InputItem.SourceRecord record = readOne(",\"data\":\"" + base64(VALUE) + "\"");

        assertThat(record.location().partition()).isEqualTo("shardId-000000000006");
    }

    @Test
    void read_sequenceNumber_isTheOffset() {
        InputItem.SourceRecord record = readOne(",\"data\":\"" + base64(VALUE) + "\"");

        assertThat(record.location().offset()).isEqualTo(SEQUENCE);
        assertThat(record.location().offsetAsLong()).isEqualTo(-1L);
    }

    @Test
    void read_approximateArrivalTimestampSeconds_isEpochMillis() {
        InputItem.SourceRecord record = readOne(",\"data\":\"" + base64(VALUE) + "\"");

        assertThat(record.timestampMs()).isEqualTo(1545084650987L);
    }

    @Test
    void read_arrivalTimestampOutsideKinesisObject_isEpochMillis() {
        Invocation invocation = read("""
                {"Records":[{"kinesis":{"sequenceNumber":"5","data":null},"approximateArrivalTimestamp":1700000000.5,
                             "eventID":"shardId-000000000001:5","eventSourceARN":"arn:aws:kinesis:r:1:stream/s"}]}""");

        assertThat(sourceRecord(invocation.items().get(0)).timestampMs()).isEqualTo(1700000000500L);
    }

    @Test
    void read_noArrivalTimestamp_timestampNull() {
        Invocation invocation = read("""
                {"Records":[{"kinesis":{"sequenceNumber":"5"},
                             "eventID":"shardId-000000000001:5","eventSourceARN":"arn:aws:kinesis:r:1:stream/s"}]}""");

        assertThat(sourceRecord(invocation.items().get(0)).timestampMs()).isNull();
    }

    @Test
    void read_noData_valueNullAsTombstone() {
        InputItem.SourceRecord record = readOne("");

        assertThat(record.value()).isNull();
        assertThat(record.key()).isNotNull();
    }

    @Test
    void read_noHeaders_emptyMap() {
        assertThat(readOne("").headers()).isEmpty();
    }

    @Test
    void read_invalidBase64Data_unreadableWithSequenceAndOtherRecordsStillRead() {
        Invocation invocation = read("{\"Records\":["
                + kinesisRecord("101", ",\"data\":\"" + base64(VALUE) + "\"") + ","
                + kinesisRecord("102", ",\"data\":\"*** not base64 ***\"") + ","
                + kinesisRecord("103", ",\"data\":\"" + base64(VALUE) + "\"") + "]}");

        List<InputItem> items = invocation.items();
        assertThat(items).extracting(InputItem::index).containsExactly(0, 1, 2);
        assertThat(items.get(0)).isInstanceOf(InputItem.SourceRecord.class);
        InputItem.Unreadable bad = unreadable(items.get(1));
        assertThat(bad.reason()).startsWith("record kinesis.data is not valid base64");
        assertThat(bad.location()).isEqualTo(
                new RecordLocation("odoo.public.product_template", "shardId-000000000006", "102"));
        assertThat(items.get(2)).isInstanceOf(InputItem.SourceRecord.class);
    }

    @Test
    void read_severalRecords_inputOrderAndSequenceNumbers() {
        Invocation invocation = read("{\"Records\":[" + kinesisRecord("3", "") + "," + kinesisRecord("1", "")
                + "," + kinesisRecord("2", "") + "]}");

        assertThat(invocation.items()).extracting(i -> i.location().offset()).containsExactly("3", "1", "2");
    }

    @Test
    void read_recordWithoutSequenceNumber_unreadableNamingIt() {
        InputItem.Unreadable bad = unreadable(read("""
                {"Records":[{"kinesis":{"data":null},"eventID":"shardId-1:5"}]}""").items().get(0));

        assertThat(bad.reason()).startsWith("kinesis.sequenceNumber must be a non-empty string");
        assertThat(bad.location().offset()).isEqualTo("?");
    }

    @Test
    void read_emptyRecords_kinesisWithNoItems() {
        Invocation invocation = read("{\"Records\":[]}");

        assertThat(invocation.kind()).isEqualTo(InputKind.KINESIS_EVENT);
        assertThat(invocation.items()).isEmpty();
    }

    @Test
    void read_arnWithoutStreamPart_topicIsWholeArn() {
        Invocation invocation = read("""
                {"Records":[{"kinesis":{"sequenceNumber":"5"},"eventID":"shardId-1:5","eventSourceARN":"odd"}]}""");

        assertThat(invocation.items().get(0).location().topic()).isEqualTo("odd");
    }
}
