package com.cdcappsync.upsert.internal.mapping;

import com.cdcappsync.upsert.internal.Redacted;
import com.cdcappsync.upsert.mapping.ConversionOptions;
import com.cdcappsync.upsert.mapping.FieldSpec;
import com.cdcappsync.upsert.mapping.MappingException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/** Applies a {@link FieldSpec}'s conversion to a decoded column value, producing the GraphQL variable. */
final class ValueConverter {

    private static final Pattern DECIMAL_TEXT = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper;
    private final TimeValues time = new TimeValues();

    ValueConverter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    JsonNode convert(FieldSpec spec, Object value) {
        return convert(spec, value, null);
    }

    /**
     * As {@link #convert(FieldSpec, Object)}, sharing parsed JSON text across the fields of one row: Odoo's
     * {@code name} feeds both a translation and the whole map, and is parsed once.
     *
     * @param parsed JSON text already parsed in this row, by identity; null to share nothing
     */
    JsonNode convert(FieldSpec spec, Object value, Map<Object, JsonNode> parsed) {
        if (value == null) {
            return NullNode.getInstance();
        }
        try {
            return cut(spec, switch (spec.conversion()) {
                case AUTO -> auto(value);
                case STRING -> TextNode.valueOf(text(value));
                case INT -> NODES.numberNode(new BigDecimal(text(value)).toBigIntegerExact());
                case FLOAT -> NODES.numberNode(new BigDecimal(text(value)).doubleValue());
                case BOOLEAN -> BooleanNode.valueOf(bool(value));
                case DECIMAL -> TextNode.valueOf(decimal(value, spec.options()).toPlainString());
                case TIMESTAMP -> TextNode.valueOf(time.instant(value, spec.options().unit()).toString());
                case DATE -> TextNode.valueOf(time.date(value).toString());
                case JSON -> TextNode.valueOf(json(value, parsed).toString()); // JsonNode.toString is valid JSON
                case TRANSLATION -> translation(value, spec.options(), parsed);
            });
        } catch (MappingException e) {
            throw new MappingException("column '" + spec.column() + "' (field '" + spec.field() + "'): "
                    + e.getMessage(), e);
        } catch (RuntimeException | JsonProcessingException e) {
            throw new MappingException("column '" + spec.column() + "' (field '" + spec.field() + "'): cannot "
                    + "convert a " + value.getClass().getSimpleName() + " with '" + spec.conversion().configName()
                    + "' (" + Redacted.cause(e) + "); fix the field's \"convert\" in the mapping file", e);
        }
    }

    /** The field's text cut to its {@code maxBytes} (UTF-8, never inside a code point), when it has one. */
    private static JsonNode cut(FieldSpec spec, JsonNode converted) {
        Integer maxBytes = spec.options().maxBytes();
        if (maxBytes == null || !converted.isTextual()) {
            return converted;
        }
        String text = converted.asText();
        String kept = ValueSizes.cut(text, maxBytes);
        return kept.length() == text.length() ? converted : TextNode.valueOf(kept);
    }

    /** Java values as GraphQL expects them when the mapping names no conversion. */
    JsonNode auto(Object value) throws JsonProcessingException {
        if (value instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        if (value instanceof Long || value instanceof Integer) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return TextNode.valueOf(d.toPlainString());
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Instant || value instanceof LocalDate || value instanceof TemporalAccessor) {
            return TextNode.valueOf(value.toString());
        }
        if (value instanceof JsonNode node) {
            return node.isValueNode() ? node : TextNode.valueOf(mapper.writeValueAsString(node));
        }
        return TextNode.valueOf(value.toString());
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value instanceof JsonNode node && node.isValueNode() ? node.asText() : value.toString();
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = text(value).toLowerCase();
        if (text.equals("true") || text.equals("1") || text.equals("t")) {
            return true;
        }
        if (text.equals("false") || text.equals("0") || text.equals("f")) {
            return false;
        }
        throw new MappingException("expected a boolean (true/false, t/f or 1/0), got " + Redacted.describe(value));
    }

    BigDecimal decimal(Object value, ConversionOptions options) {
        BigDecimal decimal = switch (value) {
            case BigDecimal d -> d;
            case Long l -> BigDecimal.valueOf(l);
            case Double d -> BigDecimal.valueOf(d); // shortest repr: 12.5 stays 12.5, not 12.4999...
            case String s when !options.base64() && DECIMAL_TEXT.matcher(s).matches() -> new BigDecimal(s);
            case String s -> base64Decimal(s, options);
            default -> throw new MappingException("expected a decimal (number, numeric string, base64 Decimal "
                    + "or VariableScaleDecimal), got a " + value.getClass().getSimpleName());
        };
        // Normalise so every decimal.handling.mode gives the same text (precise strips trailing zeros, string
        // keeps them); "scale" pads to at least that many decimals and never rounds: prices stay exact.
        BigDecimal normal = decimal.stripTrailingZeros();
        int minScale = options.scale() == null ? 0 : options.scale();
        return normal.scale() < minScale ? normal.setScale(minScale) : normal;
    }

    private static BigDecimal base64Decimal(String text, ConversionOptions options) {
        if (options.scale() == null) {
            throw new MappingException("got a base64 Decimal without a schema, so its scale is unknown; set "
                    + "\"scale\" on this field, or enable schemas in the JsonConverter, or use "
                    + "decimal.handling.mode=string");
        }
        try {
            return new BigDecimal(new BigInteger(Base64.getDecoder().decode(text)), options.scale());
        } catch (IllegalArgumentException e) {
            throw new MappingException("expected a decimal, got text that is neither a number nor base64", e);
        }
    }

    private JsonNode json(Object value, Map<Object, JsonNode> parsed) throws JsonProcessingException {
        if (value instanceof JsonNode node) {
            return node.isTextual() ? mapper.readTree(node.asText()) : node;
        }
        if (value instanceof String s) {
            JsonNode known = parsed == null ? null : parsed.get(s);
            if (known == null) {
                known = mapper.readTree(s);
                if (parsed != null) {
                    parsed.put(s, known);
                }
            }
            return known;
        }
        return auto(value);
    }

    /**
     * One language of an Odoo 16+ translation map (jsonb). Text that is not JSON is the text itself: a translated
     * field of Odoo 15 and older is a plain varchar/text column holding the source language.
     */
    private JsonNode translation(Object value, ConversionOptions options, Map<Object, JsonNode> parsed)
            throws JsonProcessingException {
        JsonNode map;
        try {
            map = json(value, parsed);
        } catch (JsonProcessingException e) {
            if (value instanceof String || value instanceof JsonNode node && node.isTextual()) {
                return TextNode.valueOf(text(value));
            }
            throw e;
        }
        if (!map.isObject()) {
            return map.isValueNode() ? TextNode.valueOf(map.asText()) : TextNode.valueOf(map.toString());
        }
        String fallback = options.fallback() == null ? "en_US" : options.fallback();
        JsonNode picked = map.get(options.language());
        if (picked == null || picked.isNull()) {
            picked = map.get(fallback);
        }
        if (picked == null || picked.isNull()) {
            picked = map.isEmpty() ? NullNode.getInstance() : map.elements().next();
        }
        return picked.isNull() ? picked : TextNode.valueOf(picked.asText());
    }

    /** Dates and instants from typed values or schema-less numbers and strings. */
    static final class TimeValues {
        Instant instant(Object value, ConversionOptions.TimeUnitOption unit) {
            return switch (value) {
                case Instant i -> i;
                case Long l -> fromEpoch(l, unit);
                case LocalDateTime t -> t.toInstant(ZoneOffset.UTC);
                case LocalDate d -> d.atStartOfDay().toInstant(ZoneOffset.UTC);
                case String s -> parseInstant(s);
                default -> throw new MappingException(
                        "expected a timestamp, got a " + value.getClass().getSimpleName());
            };
        }

        LocalDate date(Object value) {
            return switch (value) {
                case LocalDate d -> d;
                case Long days -> LocalDate.ofEpochDay(days);
                case Instant i -> LocalDate.ofInstant(i, ZoneOffset.UTC);
                case String s -> LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
                default -> throw new MappingException("expected a date, got a " + value.getClass().getSimpleName());
            };
        }

        private static Instant fromEpoch(long n, ConversionOptions.TimeUnitOption unit) {
            long abs = Math.abs(n);
            ConversionOptions.TimeUnitOption effective = unit != ConversionOptions.TimeUnitOption.AUTO ? unit
                    : abs >= 100_000_000_000_000_000L ? ConversionOptions.TimeUnitOption.NANOS
                    : abs >= 100_000_000_000_000L ? ConversionOptions.TimeUnitOption.MICROS
                    : ConversionOptions.TimeUnitOption.MILLIS;
            return switch (effective) {
                case NANOS -> Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
                case MICROS -> Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000L),
                        Math.floorMod(n, 1_000_000L) * 1_000L);
                default -> Instant.ofEpochMilli(n);
            };
        }

        private static Instant parseInstant(String s) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (RuntimeException e) {
                return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            }
        }
    }
}
