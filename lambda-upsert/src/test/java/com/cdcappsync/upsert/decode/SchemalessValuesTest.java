package com.cdcappsync.upsert.decode;

import static com.cdcappsync.upsert.decode.DecodeSupport.decode;
import static com.cdcappsync.upsert.decode.DecodeSupport.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Without a schema, values stay as the JSON gave them, except the self-describing VariableScaleDecimal
 * struct; the mapping's conversions interpret the rest (Debezium PostgreSQL connector, decimal.handling.mode).
 */
class SchemalessValuesTest {

    /** The value of column {@code col} in a schemaless create whose after image is {@code {"id":7,"col":v}}. */
    private static Object column(String columnValue) {
        ChangeEvent event = decode("{\"id\":7}", envelope("c", "{\"id\":7,\"col\":" + columnValue + "}", 5L));
        assertThat(event.columns()).containsKey("col");
        return event.columns().get("col");
    }

    @Test
    void decode_variableScaleDecimalStruct_recognisedAsBigDecimal() {
        Object price = column("{\"scale\":1,\"value\":\"fQ==\"}");

        assertThat(price).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) price).isEqualByComparingTo("12.50");
    }

    @Test
    void decode_variableScaleDecimalStructScaleZero_recognisedAsBigDecimal() {
        assertThat((BigDecimal) column("{\"scale\":0,\"value\":\"LQ==\"}")).isEqualByComparingTo("45");
    }

    @Test
    void decode_structWithExtraField_notTakenForADecimal() {
        Object value = column("{\"scale\":1,\"value\":\"fQ==\",\"other\":true}");

        assertThat(value).isInstanceOf(JsonNode.class);
    }

    @Test
    void decode_decimalStringMode_staysString() {
        assertThat(column("\"12.50\"")).isEqualTo("12.50");
    }

    @Test
    void decode_decimalDoubleMode_bigDecimalWithExactText() {
        Object price = column("12.5");

        assertThat(price).isInstanceOf(BigDecimal.class).isEqualTo(new BigDecimal("12.5"));
    }

    @Test
    void decode_decimalDoubleModeOneTenth_exactNotBinaryFloat() {
        assertThat(column("0.1")).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void decode_decimalDoubleModeWholeNumber_bigDecimalEqualByValue() {
        Object price = column("100.0");

        assertThat(price).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) price).isEqualByComparingTo("100");
    }

    @Test
    void decode_integer_isLong() {
        assertThat(column("42")).isInstanceOf(Long.class).isEqualTo(42L);
    }

    @Test
    void decode_integerBeyondLong_isBigDecimal() {
        assertThat(column("123456789012345678901234567890"))
                .isEqualTo(new BigDecimal("123456789012345678901234567890"));
    }

    @Test
    void decode_jsonbColumn_staysString() {
        String jsonb = "{\\\"en_US\\\": \\\"Desk\\\", \\\"fr_FR\\\": \\\"Bureau été\\\"}";

        assertThat(column("\"" + jsonb + "\"")).isEqualTo("{\"en_US\": \"Desk\", \"fr_FR\": \"Bureau été\"}");
    }

    @Test
    void decode_microTimestamp_staysLong() {
        assertThat(column("1709288130123456")).isEqualTo(1_709_288_130_123_456L);
    }

    @Test
    void decode_zonedTimestamp_staysString() {
        assertThat(column("\"2024-03-01T10:15:30.123456Z\"")).isEqualTo("2024-03-01T10:15:30.123456Z");
    }

    @Test
    void decode_boolean_isBoolean() {
        assertThat(column("false")).isEqualTo(Boolean.FALSE);
    }

    @Test
    void decode_null_isNull() {
        assertThat(column("null")).isNull();
    }

    @Test
    void decode_array_staysJsonNode() {
        Object tags = column("[1,2]");

        assertThat(tags).isInstanceOf(JsonNode.class);
        assertThat(((JsonNode) tags).size()).isEqualTo(2);
    }

    @Test
    void decode_base64Bytes_staysString() {
        assertThat(column("\"AQID\"")).isEqualTo("AQID");
    }
}
