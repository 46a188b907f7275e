package com.cdcappsync.upsert.adapter;

import static com.cdcappsync.upsert.adapter.AdapterJson.parse;
import static com.cdcappsync.upsert.adapter.AdapterJson.quote;
import static com.cdcappsync.upsert.adapter.AdapterJson.read;
import static com.cdcappsync.upsert.adapter.AdapterJson.sourceRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Keys and values of the Confluent AWS Lambda Sink
 * (https://docs.confluent.io/kafka-connectors/aws-lambda/current/overview.html): object, JSON text, text nested in
 * text, or null. The adapter hands them on exactly as given; the decoder peels string layers.
 */
class ConfluentSinkValueTest {

    private static final String ENVELOPE = "{\"before\":null,\"after\":{\"id\":7,\"name\":\"Desk \\\"Pro\\\"\"},"
            + "\"source\":{\"lsn\":24023128},\"op\":\"c\"}";

    /** One Confluent element whose key and value are the given JSON fragments. */
    private static InputItem.SourceRecord readOne(String keyJson, String valueJson) {
        Invocation invocation = read("""
                [{"payload":{"timestamp":1562844607000,"topic":"odoo.public.product_template","partition":0,
                             "offset":43822,"key":%s,"value":%s}}]""".formatted(keyJson, valueJson));
        assertThat(invocation.items()).hasSize(1);
        return sourceRecord(invocation.items().get(0));
    }

    @Test
    void read_valueAsObject_keepsTheObject() {
        InputItem.SourceRecord record = readOne("{\"id\":7}", ENVELOPE);

        assertThat(record.value().isObject()).isTrue();
        assertThat(record.value()).isEqualTo(parse(ENVELOPE));
        assertThat(record.value().path("after").path("name").asText()).isEqualTo("Desk \"Pro\"");
    }

    @Test
    void read_valueAsStringHoldingJson_keepsTheString() {
        InputItem.SourceRecord record = readOne("{\"id\":7}", quote(ENVELOPE));

        assertThat(record.value().isTextual()).isTrue();
        assertThat(record.value().asText()).isEqualTo(ENVELOPE);
    }

    @Test
    void read_valueNestedInTwoStringLayers_keepsBothLayers() {
        String oneLayer = quote(ENVELOPE);

        InputItem.SourceRecord record = readOne("{\"id\":7}", quote(oneLayer));

        assertThat(record.value().isTextual()).isTrue();
        assertThat(record.value().asText()).isEqualTo(oneLayer).startsWith("\"{\\\"before\\\"");
    }

    @Test
    void read_valueNestedInThreeStringLayers_keepsAllLayers() {
        String twoLayers = quote(quote(ENVELOPE));

        InputItem.SourceRecord record = readOne("{\"id\":7}", quote(twoLayers));

        assertThat(record.value().isTextual()).isTrue();
        assertThat(record.value().asText()).isEqualTo(twoLayers);
    }

    @Test
    void read_nullValue_isTombstoneWithNullValue() {
        InputItem.SourceRecord record = readOne("{\"id\":7}", "null");

        assertThat(record.value()).isNull();
        assertThat(record.key()).isEqualTo(parse("{\"id\":7}"));
    }

    @Test
    void read_absentValue_isTombstoneWithNullValue() {
        Invocation invocation = read("""
                [{"payload":{"topic":"t","partition":0,"offset":5,"key":{"id":7}}}]""");

        InputItem.SourceRecord record = sourceRecord(invocation.items().get(0));

        assertThat(record.value()).isNull();
        assertThat(record.key()).isNotNull();
    }

    @Test
    void read_missingKey_keyIsNull() {
        Invocation invocation = read("""
                [{"payload":{"topic":"t","partition":0,"offset":5,"value":{"op":"t","source":{}}}}]""");

        InputItem.SourceRecord record = sourceRecord(invocation.items().get(0));

        assertThat(record.key()).isNull();
        assertThat(record.value()).isNotNull();
    }

    @Test
    void read_nullKey_keyIsNull() {
        InputItem.SourceRecord record = readOne("null", ENVELOPE);

        assertThat(record.key()).isNull();
        assertThat(record.value()).isNotNull();
    }

    @Test
    void read_keyAsObject_keepsTheObject() {
        InputItem.SourceRecord record = readOne("{\"id\":7}", ENVELOPE);

        assertThat(record.key().isObject()).isTrue();
        assertThat(record.key().path("id").asLong()).isEqualTo(7L);
    }

    @Test
    void read_keyAsStringHoldingJson_keepsTheString() {
        InputItem.SourceRecord record = readOne(quote("{\"id\":7}"), ENVELOPE);

        assertThat(record.key().isTextual()).isTrue();
        assertThat(record.key().asText()).isEqualTo("{\"id\":7}");
    }

    @Test
    void read_keyWithSchemaWrapper_keepsTheWrapper() {
        String key = "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int32\",\"field\":\"id\"}]},"
                + "\"payload\":{\"id\":7}}";

        InputItem.SourceRecord record = readOne(key, ENVELOPE);

        assertThat(record.key()).isEqualTo(parse(key));
    }

    @Test
    void read_valueWithSchemaWrapper_keepsTheWrapper() {
        String value = "{\"schema\":{\"type\":\"struct\",\"fields\":[]},\"payload\":" + ENVELOPE + "}";

        InputItem.SourceRecord record = readOne("{\"id\":7}", value);

        assertThat(record.value().has("schema")).isTrue();
        assertThat(record.value().get("payload")).isEqualTo(parse(ENVELOPE));
    }

    @Test
    void read_valueWithDecimal_keepsExactDecimal() {
        InputItem.SourceRecord record = readOne("{\"id\":7}", "{\"op\":\"c\",\"after\":{\"price\":0.1}}");

        JsonNode price = record.value().path("after").path("price");
        assertThat(price.isBigDecimal()).isTrue();
        assertThat(price.decimalValue()).isEqualByComparingTo("0.1");
    }
}
