package com.cdcappsync.upsert.internal.decode;

import com.cdcappsync.upsert.internal.Redacted;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Turns one column's JSON into a plain Java value, following Debezium's PostgreSQL data type mappings
 * (https://debezium.io/documentation/reference/stable/connectors/postgresql.html#postgresql-data-types).
 * With a schema the logical name decides; without one, only self-describing shapes are interpreted
 * ({@code VariableScaleDecimal} objects) and everything else is left for the mapping's conversions.
 */
final class ColumnValues {

    static final String DECIMAL = "org.apache.kafka.connect.data.Decimal";
    static final String VARIABLE_SCALE_DECIMAL = "io.debezium.data.VariableScaleDecimal";

    private final ObjectMapper mapper;

    ColumnValues(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Object decode(String column, JsonNode value, FieldSchema schema) {
        if (value == null || value.isNull()) {
            return null;
        }
        String logical = schema == null ? null : schema.name();
        if (logical != null) {
            Object typed;
            try {
                typed = decodeLogical(column, value, schema, logical);
            } catch (DecodeException e) {
                throw e;
            } catch (RuntimeException e) {
                // DateTimeException (TIME '24:00:00'), DateTimeParseException, NumberFormatException, ...
                throw new DecodeException("column '" + column + "': cannot read " + Redacted.describe(value)
                        + " as " + logical + " (" + Redacted.cause(e) + ")", e);
            }
            if (typed != null) {
                return typed;
            }
        }
        return plain(value);
    }

    private Object decodeLogical(String column, JsonNode value, FieldSchema schema, String logical) {
        return switch (logical) {
            case DECIMAL -> decimal(column, value, scaleOf(column, schema));
            case VARIABLE_SCALE_DECIMAL -> variableScaleDecimal(column, value);
            case "io.debezium.time.Date", "org.apache.kafka.connect.data.Date" -> LocalDate.ofEpochDay(value.asLong());
            case "io.debezium.time.Timestamp", "org.apache.kafka.connect.data.Timestamp" ->
                    Instant.ofEpochMilli(value.asLong());
            case "io.debezium.time.MicroTimestamp" -> Instant.EPOCH.plus(value.asLong(), ChronoUnit.MICROS);
            case "io.debezium.time.NanoTimestamp" -> Instant.EPOCH.plus(value.asLong(), ChronoUnit.NANOS);
            case "io.debezium.time.ZonedTimestamp" -> OffsetDateTime.parse(value.asText()).toInstant();
            case "io.debezium.time.Time", "org.apache.kafka.connect.data.Time" ->
                    LocalTime.ofNanoOfDay(value.asLong() * 1_000_000L);
            case "io.debezium.time.MicroTime" -> LocalTime.ofNanoOfDay(value.asLong() * 1_000L);
            case "io.debezium.time.NanoTime" -> LocalTime.ofNanoOfDay(value.asLong());
            case "io.debezium.data.Json" -> json(column, value);
            default -> null; // Uuid, Enum, Xml, ZonedTime, ...: plain strings are right
        };
    }

    /** A value with no schema: JSON scalars as Java scalars; the VariableScaleDecimal struct is recognised. */
    Object plain(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? (Object) value.asLong() : new BigDecimal(value.bigIntegerValue());
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (isVariableScaleDecimal(value)) {
            return variableScaleDecimal("?", value);
        }
        return value;
    }

    static boolean isVariableScaleDecimal(JsonNode value) {
        return value.isObject() && value.size() == 2 && value.path("scale").isIntegralNumber()
                && value.path("value").isTextual();
    }

    static BigDecimal variableScaleDecimal(String column, JsonNode value) {
        if (!isVariableScaleDecimal(value)) {
            throw new DecodeException("column '" + column + "': expected a VariableScaleDecimal "
                    + "{\"scale\":int,\"value\":base64}, got " + Redacted.describe(value));
        }
        return decimal(column, value.get("value"), value.get("scale").asInt());
    }

    /**
     * Connect Decimal: base64 of the big-endian two's-complement unscaled value, or a number (decimal.format=NUMERIC).
     */
    static BigDecimal decimal(String column, JsonNode value, int scale) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(value.asText());
            return new BigDecimal(new BigInteger(bytes), scale);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new DecodeException("column '" + column + "': expected a Connect Decimal (base64 of the "
                    + "unscaled value), got " + Redacted.describe(value), e);
        }
    }

    private static int scaleOf(String column, FieldSchema schema) {
        String scale = schema.parameters().get("scale");
        if (scale == null) {
            throw new DecodeException("column '" + column + "': Decimal schema has no 'scale' parameter");
        }
        return Integer.parseInt(scale);
    }

    private JsonNode json(String column, JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        try {
            return mapper.readTree(value.asText());
        } catch (JsonProcessingException e) {
            throw new DecodeException("column '" + column + "' is declared io.debezium.data.Json but does not "
                    + "parse (" + Redacted.cause(e) + ")", e);
        }
    }
}
