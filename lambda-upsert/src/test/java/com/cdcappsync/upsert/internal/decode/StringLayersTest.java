package com.cdcappsync.upsert.internal.decode;

import static com.cdcappsync.upsert.decode.DecodeSupport.decoder;
import static com.cdcappsync.upsert.decode.DecodeSupport.envelope;
import static com.cdcappsync.upsert.decode.DecodeSupport.json;
import static com.cdcappsync.upsert.decode.DecodeSupport.quote;
import static com.cdcappsync.upsert.decode.DecodeSupport.record;
import static com.cdcappsync.upsert.decode.DecodeSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.decode.Operation;
import com.cdcappsync.upsert.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Values and keys delivered as JSON inside JSON strings, nested up to four times (Confluent Lambda Sink overview;
 * Kafka Connect JsonConverter). */
class StringLayersTest {

    private static final String KEY = "{\"id\":7}";
    /** A jsonb text with non-ASCII and an embedded quote, as PostgreSQL renders it. */
    private static final String JSONB = "{\"en_US\": \"Desk \\\"Pro\\\"\", \"fr_FR\": \"Bureau été\"}";
    private static final String VALUE = envelope("u", "{\"id\":7,\"name\":" + quote(JSONB)
            + ",\"list_price\":{\"scale\":1,\"value\":\"fQ==\"}}", 24023128L);

    /** {@code json} wrapped in {@code layers} string layers. */
    private static JsonNode layered(String json, int layers) {
        String current = json;
        for (int i = 1; i < layers; i++) {
            current = quote(current);
        }
        return text(current);
    }

    private static ChangeEvent objectForm() {
        return decoder().decode(record(json(KEY), json(VALUE)));
    }

    @Test
    void decode_valueAsJsonString_sameEventAsObjectForm() {
        ChangeEvent event = decoder().decode(record(json(KEY), layered(VALUE, 1)));

        assertThat(event).usingRecursiveComparison().ignoringFields("record").isEqualTo(objectForm());
        assertThat(event.columns().get("name")).isEqualTo(JSONB);
    }

    @Test
    void decode_valueNestedThreeTimes_sameEventAsObjectForm() {
        ChangeEvent event = decoder().decode(record(json(KEY), layered(VALUE, 3)));

        assertThat(event).usingRecursiveComparison().ignoringFields("record").isEqualTo(objectForm());
        assertThat(event.operation()).isEqualTo(Operation.UPSERT);
    }

    @Test
    void decode_valueNestedFourTimes_stillDecoded() {
        ChangeEvent event = decoder().decode(record(json(KEY), layered(VALUE, 4)));

        assertThat(event).usingRecursiveComparison().ignoringFields("record").isEqualTo(objectForm());
    }

    @Test
    void decode_valueNestedFiveTimes_throwsNamingTheLimit() {
        assertThatThrownBy(() -> decoder().decode(record(json(KEY), layered(VALUE, 5))))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("value is JSON nested in strings more than 4 times");
    }

    @Test
    void decode_keyAndValueBothAsStrings_sameEventAsObjectForm() {
        ChangeEvent event = decoder().decode(record(layered(KEY, 2), layered(VALUE, 2)));

        assertThat(event).usingRecursiveComparison().ignoringFields("record").isEqualTo(objectForm());
    }

    @Test
    void decode_stringStartingWithBraceThatDoesNotParse_throws() {
        assertThatThrownBy(() -> decoder().decode(record(json(KEY), text("{\"op\":\"c\", broken"))))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("value is a string that starts like JSON but does not parse")
                .hasMessageEndingWith("expected the JSON text of a Debezium change event");
    }

    @Test
    void decode_keyStringThatDoesNotParse_throwsNamingTheKey() {
        assertThatThrownBy(() -> decoder().decode(record(text("{\"id\":"), json(VALUE))))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("key is a string that starts like JSON but does not parse")
                .hasMessageEndingWith("expected the JSON text of a Debezium key");
    }

    @Test
    void decode_valueWithSchemaAsString_schemaStillApplied() {
        String withSchema = """
                {"schema":{"type":"struct","fields":[{"type":"struct","field":"after","fields":[
                    {"type":"int32","field":"id"},
                    {"type":"int32","name":"io.debezium.time.Date","field":"d"}]}]},
                 "payload":{"op":"c","after":{"id":7,"d":19783},"source":{"lsn":5}}}""";

        ChangeEvent event = decoder().decode(record(json(KEY), layered(withSchema, 2)));

        assertThat(event.columns().get("d")).isEqualTo(java.time.LocalDate.of(2024, 3, 1));
    }

    @Test
    void unwrap_plainText_returnedAsIs() {
        JsonNode node = new JsonLayers(Json.MAPPER).unwrap(text("default"), "key");

        assertThat(node).isEqualTo(text("default"));
    }

    @Test
    void unwrap_stringHoldingPlainTextString_innermostText() {
        JsonNode node = new JsonLayers(Json.MAPPER).unwrap(text("\"abc\""), "key");

        assertThat(node).isEqualTo(text("abc"));
    }

    @Test
    void unwrap_whitespaceAroundJson_parsed() {
        JsonNode node = new JsonLayers(Json.MAPPER).unwrap(text("  {\"id\":7}\n"), "key");

        assertThat(node).isEqualTo(json("{\"id\":7}"));
    }

    @Test
    void unwrap_javaNull_null() {
        assertThat(new JsonLayers(Json.MAPPER).unwrap(null, "value")).isNull();
    }
}
