package com.cdcappsync.upsert.decode;

import com.cdcappsync.upsert.internal.decode.DebeziumDecoder;
import com.cdcappsync.upsert.internal.decode.DecoderOptions;
import static com.cdcappsync.upsert.decode.DecodeSupport.decode;
import static com.cdcappsync.upsert.decode.DecodeSupport.decoder;
import static com.cdcappsync.upsert.decode.DecodeSupport.envelope;
import static com.cdcappsync.upsert.decode.DecodeSupport.json;
import static com.cdcappsync.upsert.decode.DecodeSupport.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Unchanged TOASTed columns carry a placeholder and must never overwrite the stored value (Debezium, "Considerations
 * for TOASTed values"):
 * they go to {@code unknownColumns}, never to {@code columns}.
 */
class ToastPlaceholderTest {

    private static final String KEY = "{\"id\":7}";
    /** Base64 of the UTF-8 bytes of {@code __debezium_unavailable_value}. */
    private static final String PLACEHOLDER_BASE64 = "X19kZWJleml1bV91bmF2YWlsYWJsZV92YWx1ZQ==";

    private static ChangeEvent decodeAfter(String after) {
        return decode(KEY, envelope("u", after, 24023128L));
    }

    @Test
    void decode_placeholderAsText_unknownAndAbsentFromColumns() {
        ChangeEvent event = decodeAfter("{\"id\":7,\"description_sale\":\"__debezium_unavailable_value\","
                + "\"default_code\":\"DESK-01\"}");

        assertThat(event.unknownColumns()).containsExactly("description_sale");
        assertThat(event.columns()).containsOnlyKeys("id", "default_code");
    }

    @Test
    void decode_placeholderAsBase64OfUtf8Bytes_unknown() {
        ChangeEvent event = decodeAfter("{\"id\":7,\"image\":\"" + PLACEHOLDER_BASE64 + "\"}");

        assertThat(event.unknownColumns()).containsExactly("image");
        assertThat(event.columns()).doesNotContainKey("image");
    }

    @Test
    void decode_placeholderInOneElementArray_unknown() {
        ChangeEvent event = decodeAfter("{\"id\":7,\"tags\":[\"__debezium_unavailable_value\"]}");

        assertThat(event.unknownColumns()).containsExactly("tags");
        assertThat(event.columns()).doesNotContainKey("tags");
    }

    @Test
    void decode_placeholderInsideVariableScaleDecimal_unknown() {
        ChangeEvent event = decodeAfter("{\"id\":7,\"list_price\":{\"scale\":0,\"value\":\""
                + PLACEHOLDER_BASE64 + "\"}}");

        assertThat(event.unknownColumns()).containsExactly("list_price");
        assertThat(event.columns()).doesNotContainKey("list_price");
    }

    @Test
    void decode_arrayWithPlaceholderAndOtherElement_keptAsValue() {
        ChangeEvent event = decodeAfter("{\"id\":7,\"tags\":[\"__debezium_unavailable_value\",\"x\"]}");

        assertThat(event.unknownColumns()).isEmpty();
        assertThat(event.columns()).containsKey("tags");
    }

    @Test
    void decode_placeholderInDecimalColumnWithSchema_unknownNotDecodeError() {
        String value = """
                {"schema":{"type":"struct","fields":[{"type":"struct","field":"after","fields":[
                   {"type":"int32","field":"id"},
                   {"type":"bytes","name":"org.apache.kafka.connect.data.Decimal","parameters":{"scale":"2"},
                    "field":"price"},
                   {"type":"string","name":"io.debezium.data.Json","field":"name"}]}]},
                 "payload":{"op":"u","after":{"id":7,"price":"%s","name":"__debezium_unavailable_value"},
                            "source":{"lsn":5}}}""".formatted(PLACEHOLDER_BASE64);

        ChangeEvent event = decode(KEY, value);

        assertThat(event.unknownColumns()).containsExactlyInAnyOrder("price", "name");
        assertThat(event.columns()).containsOnlyKeys("id");
    }

    @Test
    void decode_placeholderInFlattenedRow_unknown() {
        ChangeEvent event = decode(KEY, "{\"id\":7,\"description\":\"__debezium_unavailable_value\","
                + "\"__op\":\"u\",\"__lsn\":9,\"__deleted\":\"false\"}");

        assertThat(event.operation()).isEqualTo(Operation.UPSERT);
        assertThat(event.unknownColumns()).containsExactly("description");
        assertThat(event.columns()).containsOnlyKeys("id");
    }

    @Test
    void decode_customPlaceholder_recognisedAsTextAndBase64() {
        DebeziumDecoder custom = decoder(new DecoderOptions("??toast??", true));

        ChangeEvent event = custom.decode(record(json(KEY), json(envelope("u",
                "{\"id\":7,\"a\":\"??toast??\",\"b\":\"Pz90b2FzdD8/\"}", 5L))));

        assertThat(event.unknownColumns()).containsExactlyInAnyOrder("a", "b");
        assertThat(event.columns()).containsOnlyKeys("id");
    }

    @Test
    void decode_customPlaceholder_defaultPlaceholderIsOrdinaryText() {
        DebeziumDecoder custom = decoder(new DecoderOptions("??toast??", true));

        ChangeEvent event = custom.decode(record(json(KEY), json(envelope("u",
                "{\"id\":7,\"a\":\"__debezium_unavailable_value\"}", 5L))));

        assertThat(event.unknownColumns()).isEmpty();
        assertThat(event.columns()).containsEntry("a", "__debezium_unavailable_value");
    }

    @Test
    void decode_textMerelyContainingPlaceholder_keptAsValue() {
        ChangeEvent event = decodeAfter("{\"id\":7,\"note\":\"see __debezium_unavailable_value\"}");

        assertThat(event.unknownColumns()).isEmpty();
        assertThat(event.columns()).containsEntry("note", "see __debezium_unavailable_value");
    }

    @Test
    void decoderOptions_emptyPlaceholder_rejectedNamingTheDefault() {
        assertThatThrownBy(() -> new DecoderOptions("", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("__debezium_unavailable_value");
    }

    @Test
    void decoderOptions_nullPlaceholder_rejected() {
        assertThatThrownBy(() -> new DecoderOptions(null, true))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("toastPlaceholder");
    }

    @Test
    void defaults_decoderOptions_debeziumPlaceholderAndFallbackOn() {
        assertThat(DecoderOptions.DEFAULTS.toastPlaceholder()).isEqualTo("__debezium_unavailable_value");
        assertThat(DecoderOptions.DEFAULTS.offsetFallback()).isTrue();
    }
}
