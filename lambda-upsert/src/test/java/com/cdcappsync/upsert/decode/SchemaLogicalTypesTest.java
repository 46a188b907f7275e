package com.cdcappsync.upsert.decode;

import com.cdcappsync.upsert.internal.decode.DecodeException;
import static com.cdcappsync.upsert.decode.DecodeSupport.decode;
import static com.cdcappsync.upsert.decode.DecodeSupport.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * Envelopes with the JsonConverter's {@code {schema, payload}} (schemas.enable=true): each logical type
 * becomes its exact Java value (Debezium PostgreSQL connector, data type mappings).
 */
class SchemaLogicalTypesTest {

    private static final String DECIMAL_2 = "{\"type\":\"bytes\",\"optional\":true,"
            + "\"name\":\"org.apache.kafka.connect.data.Decimal\",\"version\":1,"
            + "\"parameters\":{\"scale\":\"2\",\"connect.decimal.precision\":\"10\"}}";
    private static final String VARIABLE_SCALE = "{\"type\":\"struct\",\"optional\":true,"
            + "\"name\":\"io.debezium.data.VariableScaleDecimal\",\"version\":1,\"doc\":\"Variable scaled decimal\","
            + "\"fields\":[{\"type\":\"int32\",\"optional\":false,\"field\":\"scale\"},"
            + "{\"type\":\"bytes\",\"optional\":false,\"field\":\"value\"}]}";

    /** Decodes an envelope whose after image has column {@code col} with this schema and value. */
    static Object column(String columnSchema, String columnValue) {
        String field = columnSchema.replaceFirst("\\{", "{\"field\":\"col\",");
        String row = "{\"type\":\"struct\",\"optional\":true,\"name\":\"odoo.public.product_template.Value\","
                + "\"fields\":[{\"type\":\"int32\",\"optional\":false,\"field\":\"id\"}," + field + "]";
        String value = """
                {"schema":{"type":"struct","optional":false,"name":"odoo.public.product_template.Envelope",
                   "fields":[%1$s,"field":"before"},%1$s,"field":"after"},
                     {"type":"struct","optional":false,"name":"io.debezium.connector.postgresql.Source",
                      "field":"source","fields":[{"type":"int64","optional":true,"field":"lsn"},
                                                 {"type":"int64","optional":false,"field":"ts_ms"}]},
                     {"type":"string","optional":false,"field":"op"},
                     {"type":"int64","optional":true,"field":"ts_ms"}]},
                 "payload":{"before":null,"after":{"id":7,"col":%2$s},
                            "source":{"lsn":24023128,"ts_ms":1709288130123},"op":"c","ts_ms":1709288130456}}"""
                .formatted(row, columnValue);
        ChangeEvent event = decode("{\"id\":7}", value);
        assertThat(event.columns()).containsKey("col");
        return event.columns().get("col");
    }

    @Test
    void decode_connectDecimal_unscaledBase64WithScale() {
        assertThat(column(DECIMAL_2, "\"BOI=\"")).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void decode_connectDecimalNegative_twosComplement() {
        assertThat(column(DECIMAL_2, "\"+x4=\"")).isEqualTo(new BigDecimal("-12.50"));
    }

    @Test
    void decode_connectDecimalSingleByteMinusOne_isMinusOneHundredth() {
        assertThat(column(DECIMAL_2, "\"/w==\"")).isEqualTo(new BigDecimal("-0.01"));
    }

    @Test
    void decode_connectDecimalWithLeadingZeroByte_staysPositive() {
        assertThat(column(DECIMAL_2, "\"AIA=\"")).isEqualTo(new BigDecimal("1.28"));
    }

    @Test
    void decode_connectDecimalAsNumber_keptExact() {
        assertThat(column(DECIMAL_2, "12.50")).isInstanceOf(BigDecimal.class)
                .satisfies(v -> assertThat((BigDecimal) v).isEqualByComparingTo("12.50"));
    }

    @Test
    void decode_connectDecimalWithoutScale_throwsNamingColumn() {
        String noScale = "{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\"}";

        assertThatThrownBy(() -> column(noScale, "\"BOI=\""))
                .isInstanceOf(DecodeException.class)
                .hasMessage("column 'col': Decimal schema has no 'scale' parameter");
    }

    @Test
    void decode_connectDecimalNotBase64_throwsNamingColumn() {
        assertThatThrownBy(() -> column(DECIMAL_2, "\"12,50\""))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("column 'col': expected a Connect Decimal (base64 of the unscaled value)");
    }

    @Test
    void decode_variableScaleDecimalOdooListPrice_twelveFifty() {
        Object price = column(VARIABLE_SCALE, "{\"scale\":1,\"value\":\"fQ==\"}");

        assertThat(price).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) price).isEqualByComparingTo("12.50");
    }

    @Test
    void decode_variableScaleDecimalScaleZero_fortyFive() {
        Object price = column(VARIABLE_SCALE, "{\"scale\":0,\"value\":\"LQ==\"}");

        assertThat((BigDecimal) price).isEqualByComparingTo("45.00");
    }

    @Test
    void decode_variableScaleDecimalWrongShape_throwsNamingColumn() {
        assertThatThrownBy(() -> column(VARIABLE_SCALE, "\"12.5\""))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("column 'col': expected a VariableScaleDecimal");
    }

    @Test
    void decode_debeziumDate_daysSinceEpochToLocalDate() {
        Object date = column("{\"type\":\"int32\",\"name\":\"io.debezium.time.Date\",\"version\":1}", "19783");

        assertThat(date).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void decode_debeziumTimestamp_millisToInstant() {
        Object ts = column("{\"type\":\"int64\",\"name\":\"io.debezium.time.Timestamp\",\"version\":1}",
                "1709288130123");

        assertThat(ts).isEqualTo(Instant.parse("2024-03-01T10:15:30.123Z"));
    }

    @Test
    void decode_microTimestamp_microsToInstant() {
        Object ts = column("{\"type\":\"int64\",\"name\":\"io.debezium.time.MicroTimestamp\",\"version\":1}",
                "1709288130123456");

        assertThat(ts).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
    }

    @Test
    void decode_microTimestampBeforeEpoch_negativeMicros() {
        Object ts = column("{\"type\":\"int64\",\"name\":\"io.debezium.time.MicroTimestamp\"}", "-1500000");

        assertThat(ts).isEqualTo(Instant.parse("1969-12-31T23:59:58.500Z"));
    }

    @Test
    void decode_nanoTimestamp_nanosToInstant() {
        Object ts = column("{\"type\":\"int64\",\"name\":\"io.debezium.time.NanoTimestamp\",\"version\":1}",
                "1709288130123456789");

        assertThat(ts).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456789Z"));
    }

    @Test
    void decode_zonedTimestampUtc_isoStringToInstant() {
        Object ts = column("{\"type\":\"string\",\"name\":\"io.debezium.time.ZonedTimestamp\",\"version\":1}",
                "\"2024-03-01T10:15:30.123456Z\"");

        assertThat(ts).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
    }

    @Test
    void decode_zonedTimestampWithOffset_normalisedToInstant() {
        Object ts = column("{\"type\":\"string\",\"name\":\"io.debezium.time.ZonedTimestamp\"}",
                "\"2024-03-01T12:15:30+02:00\"");

        assertThat(ts).isEqualTo(Instant.parse("2024-03-01T10:15:30Z"));
    }

    @Test
    void decode_debeziumJson_parsedWithNonAsciiAndEmbeddedQuote() {
        Object name = column("{\"type\":\"string\",\"name\":\"io.debezium.data.Json\",\"version\":1}",
                quote("{\"en_US\": \"Desk \\\"Pro\\\"\", \"fr_FR\": \"Bureau été\"}"));

        assertThat(name).isInstanceOf(JsonNode.class);
        JsonNode node = (JsonNode) name;
        assertThat(node.path("en_US").asText()).isEqualTo("Desk \"Pro\"");
        assertThat(node.path("fr_FR").asText()).isEqualTo("Bureau été");
        assertThat(node.size()).isEqualTo(2);
    }

    @Test
    void decode_debeziumJsonNotParsing_throwsNamingColumn() {
        assertThatThrownBy(() -> column("{\"type\":\"string\",\"name\":\"io.debezium.data.Json\"}", "\"{oops\""))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("column 'col' is declared io.debezium.data.Json but does not parse");
    }

    @Test
    void decode_unreadableColumnValues_rejectionNeverCopiesTheValue() {
        assertThatThrownBy(() -> column("{\"type\":\"string\",\"name\":\"io.debezium.data.Json\"}",
                "\"{SecretPrice: 12\""))
                .isInstanceOf(DecodeException.class).hasMessageNotContaining("SecretPrice");
        assertThatThrownBy(() -> column("{\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\","
                + "\"parameters\":{\"scale\":\"2\"}}", "\"Secret!!\""))
                .isInstanceOf(DecodeException.class).hasMessageContaining("a JSON string of 8 characters")
                .hasMessageNotContaining("Secret");
        assertThatThrownBy(() -> column("{\"type\":\"string\",\"name\":\"io.debezium.time.ZonedTimestamp\"}",
                "\"Secret-2024\""))
                .isInstanceOf(DecodeException.class).hasMessageContaining("DateTimeParseException")
                .hasMessageNotContaining("Secret");
    }

    @Test
    void decode_debeziumUuid_staysString() {
        Object uuid = column("{\"type\":\"string\",\"name\":\"io.debezium.data.Uuid\",\"version\":1}",
                "\"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\"");

        assertThat(uuid).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    }

    @Test
    void decode_microTime_microsOfDayToLocalTime() {
        Object time = column("{\"type\":\"int64\",\"name\":\"io.debezium.time.MicroTime\",\"version\":1}",
                "37230123456");

        assertThat(time).isEqualTo(LocalTime.of(10, 20, 30, 123_456_000));
    }

    @Test
    void decode_debeziumTime_millisOfDayToLocalTime() {
        Object time = column("{\"type\":\"int32\",\"name\":\"io.debezium.time.Time\"}", "37230123");

        assertThat(time).isEqualTo(LocalTime.of(10, 20, 30, 123_000_000));
    }

    @Test
    void decode_boolean_isBoolean() {
        assertThat(column("{\"type\":\"boolean\",\"optional\":true}", "true")).isEqualTo(Boolean.TRUE);
        assertThat(column("{\"type\":\"boolean\",\"optional\":true}", "false")).isEqualTo(Boolean.FALSE);
    }

    @Test
    void decode_int64BeyondDoublePrecision_exactLong() {
        assertThat(column("{\"type\":\"int64\",\"optional\":true}", "9007199254740993"))
                .isEqualTo(9_007_199_254_740_993L);
    }

    @Test
    void decode_nullWithLogicalType_null() {
        assertThat(column("{\"type\":\"int64\",\"name\":\"io.debezium.time.MicroTimestamp\"}", "null")).isNull();
    }

    @Test
    void decode_stringWithoutLogicalName_staysString() {
        assertThat(column("{\"type\":\"string\",\"optional\":true}", "\"DESK-01\"")).isEqualTo("DESK-01");
    }
}
