package com.cdcappsync.upsert.mapping;

import com.cdcappsync.upsert.internal.mapping.SizeLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a table's {@code fields}: field name → column name, or → {@code {column, convert, ...options}}.
 * Options that do not belong to the conversion are reported, so a typo never passes silently.
 */
final class FieldSpecReader {

    private static final Set<String> KNOWN = Set.of("column", "convert", "scale", "encoding", "language",
            "fallback", "unit", "maxBytes");

    private FieldSpecReader() {
    }

    static List<FieldSpec> read(JsonNode fields, String label, List<String> problems) {
        List<FieldSpec> out = new ArrayList<>();
        if (!fields.isObject() || fields.isEmpty()) {
            problems.add(label + ": \"fields\" must be a non-empty object of GraphQL field → column or "
                    + "{\"column\":..,\"convert\":..}");
            return out;
        }
        fields.fields().forEachRemaining(e -> {
            FieldSpec spec = one(e.getKey(), e.getValue(), label + " field '" + e.getKey() + "'", problems);
            if (spec != null) {
                out.add(spec);
            }
        });
        return out;
    }

    private static FieldSpec one(String field, JsonNode node, String where, List<String> problems) {
        if (node.isTextual()) {
            return new FieldSpec(field, node.asText(), Conversion.AUTO, ConversionOptions.NONE);
        }
        if (!node.isObject() || !node.path("column").isTextual()) {
            problems.add(where + ": expected a column name or an object with \"column\"");
            return null;
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!KNOWN.contains(k)) {
                problems.add(where + ": unknown key \"" + k + "\"; known keys are " + KNOWN);
            }
        });
        Conversion conversion = Conversion.byName(node.path("convert").asText("auto"));
        if (conversion == null) {
            problems.add(where + ": \"convert\" is '" + node.path("convert").asText() + "'; expected one of "
                    + Conversion.names());
            return null;
        }
        ConversionOptions options = options(node, conversion, where, problems);
        return new FieldSpec(field, node.get("column").asText(), conversion, options);
    }

    private static ConversionOptions options(JsonNode node, Conversion conversion, String where,
            List<String> problems) {
        Integer scale = null;
        if (node.has("scale")) {
            JsonNode given = node.get("scale");
            if (conversion != Conversion.DECIMAL || !given.canConvertToInt() || given.asInt() < 0) {
                problems.add(where + ": \"scale\" applies to convert=decimal only and must be an integer >= 0");
            } else {
                scale = node.get("scale").asInt();
            }
        }
        String encoding = node.path("encoding").asText("auto");
        if (!Set.of("auto", "base64").contains(encoding) || node.has("encoding") && conversion != Conversion.DECIMAL) {
            problems.add(where + ": \"encoding\" applies to convert=decimal only and must be auto or base64");
        }
        if ("base64".equals(encoding) && scale == null) {
            problems.add(where + ": encoding=base64 needs \"scale\" (the column's declared scale)");
        }
        String language = node.path("language").asText(null);
        if (conversion == Conversion.TRANSLATION && language == null) {
            problems.add(where + ": convert=translation needs \"language\", e.g. \"en_US\"");
        }
        if ((node.has("language") || node.has("fallback")) && conversion != Conversion.TRANSLATION) {
            problems.add(where + ": \"language\"/\"fallback\" apply to convert=translation only");
        }
        ConversionOptions.TimeUnitOption unit = ConversionOptions.TimeUnitOption.AUTO;
        if (node.has("unit")) {
            try {
                unit = ConversionOptions.TimeUnitOption.valueOf(node.get("unit").asText().toUpperCase());
            } catch (IllegalArgumentException e) {
                problems.add(where + ": \"unit\" must be auto, millis, micros or nanos");
            }
            if (conversion != Conversion.TIMESTAMP) {
                problems.add(where + ": \"unit\" applies to convert=timestamp only");
            }
        }
        return new ConversionOptions(scale, "base64".equals(encoding), language,
                node.path("fallback").asText(null), unit, maxBytes(node, conversion, where, problems));
    }

    /** Conversions whose text {@code maxBytes} may cut (JSON text cut short would no longer be JSON). */
    static boolean cuttable(Conversion conversion) {
        return conversion.cuttable();
    }

    private static Integer maxBytes(JsonNode node, Conversion conversion, String where, List<String> problems) {
        if (!node.has("maxBytes")) {
            return null;
        }
        JsonNode given = node.get("maxBytes");
        if (!cuttable(conversion)) {
            problems.add(where + ": \"maxBytes\" applies to convert=string or convert=translation only (text that "
                    + "can be cut); got convert=" + conversion.configName() + ". For a text column, add "
                    + "\"convert\": \"string\"");
            return null;
        }
        if (!given.canConvertToInt() || !given.isIntegralNumber() || given.asInt() < 1
                || given.asInt() > SizeLimits.DYNAMODB_ITEM_MAX_BYTES) {
            problems.add(where + ": \"maxBytes\" must be a whole number of UTF-8 bytes from 1 to "
                    + SizeLimits.DYNAMODB_ITEM_MAX_BYTES + " (DynamoDB's item size limit), e.g. 65536; got "
                    + given);
            return null;
        }
        return given.asInt();
    }
}
