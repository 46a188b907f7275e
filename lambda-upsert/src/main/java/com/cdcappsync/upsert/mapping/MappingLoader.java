package com.cdcappsync.upsert.mapping;

import com.cdcappsync.upsert.UpsertJson;
import com.cdcappsync.upsert.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a mapping file (JSON; format in lambda-upsert/README.md, "Mapping file"). Checks everything, then fails once
 * with every problem listed, each naming the table, the key and the fix.
 */
public final class MappingLoader {

    /** The packaged default mapping for Odoo's product tables. */
    public static final String DEFAULT_RESOURCE = "/mappings/odoo-products.json";

    private static final List<String> TABLE_KEYS = List.of("table", "schema", "type",
            "upsertMutation", "deleteMutation", "upsertInputType", "deleteInputType", "key", "idField", "fields",
            "visibleWhen", "websites", "unmappedColumns", "exclude", "selection", "description");

    private static final List<String> DEFAULT_EXTRA_SELECTION = List.of("version", "updatedAt", "deleted");

    /**
     * A loader that reads mapping files with the library's own JSON settings ({@link UpsertJson}): a numeric
     * {@code visibleWhen} value keeps every digit.
     */
    public MappingLoader() {
    }

    /** The packaged Odoo mapping. */
    public Mappings loadDefault() {
        try (InputStream in = MappingLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new MappingException(MappingException.Kind.INVALID_MAPPING, "the packaged mapping "
                        + DEFAULT_RESOURCE
                        + " is missing from the jar", null);
            }
            return parse(Json.MAPPER.readTree(in), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new MappingException(MappingException.Kind.INVALID_MAPPING, "cannot read the packaged mapping "
                    + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** A mapping file on disk. */
    public Mappings load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new MappingException(MappingException.Kind.INVALID_MAPPING, "mapping file " + path
                    + " does not exist or is not a file; set MAPPING_PATH to a readable JSON mapping file, or "
                    + "unset it to use the packaged Odoo mapping", null);
        }
        try {
            return parse(Json.MAPPER.readTree(path.toFile()), path.toString());
        } catch (IOException e) {
            throw new MappingException(MappingException.Kind.INVALID_MAPPING, "mapping file " + path
                    + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * A mapping from its JSON; {@code origin} names it in error messages. Read {@code root} with
     * {@link UpsertJson#mapper()} (a plain {@code ObjectMapper} reads {@code 0.10} as a {@code double}), or use
     * {@link #load(Path)}, which reads the file itself.
     */
    public Mappings parse(JsonNode root, String origin) {
        List<String> problems = new ArrayList<>();
        List<TableMapping> tables = new ArrayList<>();
        JsonNode extra = root.path("extraSelection");
        List<String> extraSelection = extra.isArray() ? texts(extra) : DEFAULT_EXTRA_SELECTION;
        JsonNode list = root.path("tables");
        if (!list.isArray() || list.isEmpty()) {
            problems.add("\"tables\" must be a non-empty array of table mappings");
        } else {
            for (int i = 0; i < list.size(); i++) {
                TableMapping table = new TableReader(list.get(i), "tables[" + i + "]", problems).read(extraSelection);
                if (table != null) {
                    tables.add(table);
                }
            }
            Set<String> seen = new HashSet<>();
            for (TableMapping t : tables) {
                if (!seen.add(t.schema() + "." + t.table())) {
                    problems.add("table '" + t.table() + "' is mapped twice; keep one entry per table");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new MappingException(MappingException.Kind.INVALID_MAPPING, "mapping " + origin + " has "
                    + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems), null);
        }
        return new Mappings(tables);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Reads one table entry, adding problems instead of throwing. */
    private static final class TableReader {
        private final JsonNode node;
        private final String where;
        private final List<String> problems;

        TableReader(JsonNode node, String where, List<String> problems) {
            this.node = node;
            this.where = where;
            this.problems = problems;
        }

        TableMapping read(List<String> extraSelection) {
            node.fieldNames().forEachRemaining(k -> {
                if (!TABLE_KEYS.contains(k)) {
                    problems.add(where + ": unknown key \"" + k + "\"; known keys are " + TABLE_KEYS);
                }
            });
            String table = required("table");
            String type = required("type");
            if (table == null || type == null) {
                return null;
            }
            String label = where + " (" + table + ")";
            List<String> key = node.path("key").isArray() ? texts(node.get("key")) : List.of("id");
            List<FieldSpec> fields = FieldSpecReader.read(node.path("fields"), label, problems);
            TableMapping.UnmappedColumns unmapped = TableMapping.UnmappedColumns.byName(
                    node.path("unmappedColumns").asText("drop"));
            if (unmapped == null) {
                problems.add(label + ": \"unmappedColumns\" must be drop, same-name or camel-case");
                unmapped = TableMapping.UnmappedColumns.DROP;
            }
            TableMapping.Builder builder = TableMapping.builder(table, type)
                    .schema(node.hasNonNull("schema") ? node.get("schema").asText() : null)
                    .keyColumns(key).fields(fields).visibleWhen(visibleWhen(label)).websites(websites(label))
                    .unmapped(unmapped)
                    .exclude(node.path("exclude").isArray() ? Set.copyOf(texts(node.get("exclude"))) : Set.of())
                    .extraSelection(node.path("selection").isArray() ? texts(node.get("selection")) : extraSelection);
            text("upsertMutation").ifPresent(builder::upsertMutation);
            text("deleteMutation").ifPresent(builder::deleteMutation);
            text("upsertInputType").ifPresent(builder::upsertInputType);
            text("deleteInputType").ifPresent(builder::deleteInputType);
            text("idField").ifPresent(builder::idField);
            try {
                return builder.build();
            } catch (IllegalArgumentException e) {
                problems.add(label + ": " + e.getMessage());
                return null;
            }
        }

        private Optional<String> text(String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
        }

        private String required(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                problems.add(where + ": \"" + field + "\" is required and must be a non-empty string");
                return null;
            }
            return value.asText();
        }

        private Map<String, VisibilityRule> visibleWhen(String label) {
            Map<String, VisibilityRule> out = new LinkedHashMap<>();
            JsonNode rules = node.path("visibleWhen");
            if (rules.isMissingNode() || rules.isNull()) {
                return out;
            }
            if (!rules.isObject()) {
                problems.add(label + ": \"visibleWhen\" must be an object of column → required value, "
                        + "e.g. {\"active\": true}");
                return out;
            }
            rules.fields().forEachRemaining(e -> {
                VisibilityRule rule = rule(label + ": visibleWhen." + e.getKey(), e.getValue());
                if (rule != null) {
                    out.put(e.getKey(), rule);
                }
            });
            return out;
        }

        /** {@code "websites": {"websiteColumn": "website_id", "companyColumn": "company_id", "field": ...}}. */
        private WebsiteRule websites(String label) {
            JsonNode rule = node.path("websites");
            if (rule.isMissingNode() || rule.isNull()) {
                return null;
            }
            Set<String> unknown = new HashSet<>();
            rule.fieldNames().forEachRemaining(unknown::add);
            unknown.removeAll(Set.of("websiteColumn", "companyColumn", "field"));
            JsonNode website = rule.path("websiteColumn");
            JsonNode company = rule.path("companyColumn");
            JsonNode field = rule.path("field");
            if (!rule.isObject() || !unknown.isEmpty() || !website.isTextual() || !field.isTextual()
                    || !(company.isMissingNode() || company.isTextual())) {
                problems.add(label + ": \"websites\" must be {\"websiteColumn\": \"website_id\", \"companyColumn\": "
                        + "\"company_id\" (optional), \"field\": \"websiteIds\"}");
                return null;
            }
            return new WebsiteRule(website.asText(), company.isTextual() ? company.asText() : null, field.asText());
        }

        /** A bare value is a required rule; {@code {"value": v, "optional": true}} applies where the column exists. */
        private VisibilityRule rule(String where, JsonNode v) {
            if (v.isValueNode() && !v.isNull()) {
                return VisibilityRule.required(scalar(v));
            }
            if (v.isObject()) {
                Set<String> unknown = new HashSet<>();
                v.fieldNames().forEachRemaining(unknown::add);
                unknown.removeAll(Set.of("value", "optional"));
                JsonNode value = v.path("value");
                JsonNode optional = v.path("optional");
                if (unknown.isEmpty() && value.isValueNode() && !value.isNull()
                        && (optional.isMissingNode() || optional.isBoolean())) {
                    return new VisibilityRule(scalar(value), optional.asBoolean(false));
                }
            }
            problems.add(where + " must be a boolean, number or string, or {\"value\": <one of those>, "
                    + "\"optional\": true|false}, e.g. {\"value\": true, \"optional\": true}");
            return null;
        }

        private static Object scalar(JsonNode v) {
            return v.isBoolean() ? v.asBoolean() : v.isNumber() ? v.decimalValue() : v.asText();
        }
    }
}
