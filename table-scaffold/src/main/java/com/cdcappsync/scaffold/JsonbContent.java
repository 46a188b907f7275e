package com.cdcappsync.scaffold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Tells an Odoo translation map from other jsonb by looking at values the column holds. Odoo 16+ stores translated
 * fields as jsonb objects from language code to text ({@code {"en_US": "Chair", "fr_FR": "Chaise"}}), but other
 * jsonb columns exist too (company-dependent fields keyed by company id, properties, analytic distributions): those
 * must stay whole JSON, not be read as one language.
 */
final class JsonbContent {

    /** Odoo's language codes: {@code en_US}, {@code fil_PH}, {@code es_419}, {@code sr@latin}. */
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2}|_[0-9]{3})?(@[a-z]+)?");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The kind chosen for a column and why, in words for the scaffold's output. */
    record Verdict(ColumnKind kind, String note) {
    }

    private JsonbContent() {
    }

    /**
     * A translation map when every sampled value is a non-empty object from language codes to text; plain JSON
     * when any is not; with nothing to look at, a translation map (what Odoo's jsonb columns mostly are), said so.
     */
    static Verdict classify(String table, String column, List<JsonNode> samples) {
        String name = table + "." + column;
        if (samples.isEmpty()) {
            return new Verdict(ColumnKind.TRANSLATED_JSON, "jsonb column " + name + ": no value to inspect, assumed "
                    + "an Odoo translation map; pass --json-columns " + column + " if it is not");
        }
        TreeSet<String> languages = new TreeSet<>();
        for (JsonNode sample : samples) {
            Optional<String> why = notTranslation(sample, languages);
            if (why.isPresent()) {
                return new Verdict(ColumnKind.JSON, "jsonb column " + name + ": kept as JSON (AWSJSON), since "
                        + why.get() + "; pass --translation-columns " + column + " to read it as a translation map");
            }
        }
        return new Verdict(ColumnKind.TRANSLATED_JSON, "jsonb column " + name + ": translation map (languages "
                + String.join(", ", languages) + " in " + samples.size() + " value(s))");
    }

    private static Optional<String> notTranslation(JsonNode value, TreeSet<String> languages) {
        if (!value.isObject() || value.isEmpty()) {
            return Optional.of("a value is " + (value.isObject() ? "an empty object" : "not an object: "
                    + abbreviate(value)));
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!LANGUAGE.matcher(entry.getKey()).matches()) {
                return Optional.of("key '" + abbreviate(entry.getKey()) + "' is not a language code");
            }
            if (!entry.getValue().isTextual() && !entry.getValue().isNull()) {
                return Optional.of("the value of '" + entry.getKey() + "' is not text");
            }
            languages.add(entry.getKey());
        }
        return Optional.empty();
    }

    /**
     * Parses a jsonb value as PostgreSQL or Debezium's JsonConverter gives it (JSON text); null when it is not JSON,
     * such as Debezium's {@code __debezium_unavailable_value} placeholder for an unchanged TOASTed value.
     */
    static JsonNode parse(String text) {
        try {
            JsonNode node = text == null ? null : MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
