package com.cdcappsync.upsert.internal.mapping;

import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.decode.Operation;
import com.cdcappsync.upsert.mapping.Conversion;
import com.cdcappsync.upsert.mapping.ConversionOptions;
import com.cdcappsync.upsert.mapping.FieldSpec;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.mapping.MappingException;
import com.cdcappsync.upsert.mapping.Mappings;
import com.cdcappsync.upsert.mapping.ServedWebsites;
import com.cdcappsync.upsert.mapping.TableMapping;
import com.cdcappsync.upsert.mapping.UnknownTableException;
import com.cdcappsync.upsert.mapping.VisibilityRule;
import com.cdcappsync.upsert.mapping.WebsiteRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Maps decoded changes to mutations following the mapping file. Thread-safe; build one per mapping.
 *
 * <p>A row that fails {@code visibleWhen} (archived, not for sale) becomes a delete, so it leaves the site
 * and comes back with a later upsert. Columns whose value is unknown (unchanged TOAST) are left out of the
 * input, so the resolver keeps what it has.
 */
public final class ChangeMapper {

    /** How columns the mapping does not name are converted ({@code unmappedColumns} other than drop). */
    private static final FieldSpec AUTO = new FieldSpec("?", "?", Conversion.AUTO, ConversionOptions.NONE);

    private final Mappings mappings;
    private final ObjectMapper mapper;
    private final ValueConverter converter;
    private final ServedWebsites websites;
    // Identity: a TableMapping record hashes every field it holds, on every lookup.
    private final Map<TableMapping, MutationText> texts = new IdentityHashMap<>();

    /** A mapper for the default served websites ({@value ServedWebsites#DEFAULT_TEXT}). */
    public ChangeMapper(Mappings mappings, ObjectMapper mapper) {
        this(mappings, mapper, ServedWebsites.defaults());
    }

    /**
     * @param websites the websites this deployment serves, for tables with a {@code websites} rule
     */
    public ChangeMapper(Mappings mappings, ObjectMapper mapper, ServedWebsites websites) {
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.websites = Objects.requireNonNull(websites, "websites");
        this.mapper = mapper;
        this.converter = new ValueConverter(mapper);
        mappings.tables().forEach(t -> texts.put(t, MutationText.of(t)));
    }

    public Mappings mappings() {
        return mappings;
    }

    /**
     * The mutation for an upsert or delete event.
     *
     * @throws UnknownTableException when no mapping names the event's table
     * @throws MappingException      when the event does not fit its mapping (missing key, bad value)
     */
    public MappedChange map(ChangeEvent event) {
        if (event.operation() == Operation.IGNORE) {
            throw new IllegalArgumentException("ignored events have no mutation: " + event);
        }
        TableMapping table = mappings.find(event.schema(), event.table()).orElseThrow(() ->
                new UnknownTableException(event.schema(), event.table()));
        String id = id(table, event);
        if (event.operation() == Operation.DELETE) {
            return delete(event, table, id, null);
        }
        String hiddenBecause = hiddenBecause(table, event);
        if (hiddenBecause != null) {
            return delete(event, table, id, hiddenBecause);
        }
        WebsiteRule rule = table.websites();
        List<String> shownOn = rule == null ? null
                : websites.showing(column(event, rule.websiteColumn()), column(event, rule.companyColumn()));
        if (shownOn != null && shownOn.isEmpty()) {
            return delete(event, table, id, notShown(rule, event));
        }
        ObjectNode input = mapper.createObjectNode();
        input.put(table.idField(), id);
        if (shownOn != null) {
            shownOn.forEach(input.putArray(rule.field())::add);
        }
        Map<Object, JsonNode> parsed = new IdentityHashMap<>(4);
        for (FieldSpec spec : table.fields()) {
            if (spec.field().equals(table.idField()) || event.unknownColumns().contains(spec.column())) {
                continue;
            }
            if (event.columns().containsKey(spec.column())) {
                input.set(spec.field(), converter.convert(spec, event.columns().get(spec.column()), parsed));
            }
        }
        addUnmapped(table, event, input);
        input.put("version", versionText(event));
        return new MappedChange(event, table, MappedChange.Kind.UPSERT, id, event.version(),
                texts.get(table).upsert(), wrap(input), null);
    }

    /** Why no served website shows the row, e.g. {@code on no served website (website_id=2; served: 1:1)}. */
    private String notShown(WebsiteRule rule, ChangeEvent event) {
        String company = rule.companyColumn() == null ? ""
                : ", " + rule.companyColumn() + "=" + column(event, rule.companyColumn());
        return "on no served website (" + rule.websiteColumn() + "=" + column(event, rule.websiteColumn()) + company
                + "; served: " + websites + ")";
    }

    /** A website or company column as text; absent or null means every website (or company). */
    private static String column(ChangeEvent event, String column) {
        if (column == null) {
            return null;
        }
        if (event.unknownColumns().contains(column)) {
            throw new MappingException("the websites rule needs column '" + column + "' but its value is "
                    + "unavailable in the event for table '" + event.table() + "'; it must be a plain id column");
        }
        Object value = event.columns().get(column);
        return value == null ? null : text(value);
    }

    /** A key or id value as text: decimals without exponent. */
    private static String text(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    private MappedChange delete(ChangeEvent event, TableMapping table, String id, String note) {
        ObjectNode input = mapper.createObjectNode();
        input.put(table.idField(), id);
        input.put("version", versionText(event));
        return new MappedChange(event, table, MappedChange.Kind.DELETE, id, event.version(),
                texts.get(table).delete(), wrap(input), note);
    }

    /**
     * The version as decimal digits (the input's {@code version} is a String): the resolvers copy the text into
     * DynamoDB's {@code N} as is, so no engine ever renders it through a double (AppSync's Java VTL would print
     * 5.8325944E7; see graphql-schema/resolvers/upsert.request.vtl).
     */
    private static String versionText(ChangeEvent event) {
        return Long.toString(event.version().value());
    }

    private ObjectNode wrap(ObjectNode input) {
        ObjectNode variables = mapper.createObjectNode();
        variables.set("input", input);
        return variables;
    }

    private static String id(TableMapping table, ChangeEvent event) {
        StringJoiner id = new StringJoiner("#");
        for (String column : table.keyColumns()) {
            Object value = event.key().containsKey(column) ? event.key().get(column) : event.columns().get(column);
            if (value == null) {
                throw new MappingException(MappingException.Kind.MISSING_KEY, "missing key column '" + column
                        + "' for table '" + table.table()
                        + "': neither the record key nor the row has it; expected key " + table.keyColumns()
                        + " (fix \"key\" in the mapping, or keep the Debezium record key)", null);
            }
            id.add(text(value));
        }
        return id.toString();
    }

    /**
     * Null when the row is visible, else which rule hid it, e.g. {@code active=false}. An optional rule whose
     * column the row lacks (the table has no such column) does not apply.
     */
    private static String hiddenBecause(TableMapping table, ChangeEvent event) {
        for (Map.Entry<String, VisibilityRule> rule : table.visibleWhen().entrySet()) {
            String column = rule.getKey();
            boolean unavailable = event.unknownColumns().contains(column);
            if (!event.columns().containsKey(column)) {
                if (rule.getValue().optional() && !unavailable) {
                    continue;
                }
                throw new MappingException("visibleWhen needs column '" + column + "' but the event for table '"
                        + table.table() + "' does not carry it" + (unavailable ? " (its value is unavailable)"
                        : "; fix visibleWhen in the mapping, or mark the rule optional ({\"value\": ..., "
                        + "\"optional\": true}) if some databases lack the column"));
            }
            if (!matches(event.columns().get(column), rule.getValue().value())) {
                return column + "=" + event.columns().get(column);
            }
        }
        return null;
    }

    private static boolean matches(Object actual, Object expected) {
        if (actual == null) {
            return false;
        }
        if (expected instanceof BigDecimal e) {
            try {
                return new BigDecimal(actual.toString()).compareTo(e) == 0;
            } catch (NumberFormatException ex) {
                return false;
            }
        }
        return expected.toString().equalsIgnoreCase(actual.toString());
    }

    private void addUnmapped(TableMapping table, ChangeEvent event, ObjectNode input) {
        if (table.unmapped() == TableMapping.UnmappedColumns.DROP) {
            return;
        }
        Set<String> mappedColumns = new HashSet<>(table.keyColumns());
        table.fields().forEach(f -> mappedColumns.add(f.column()));
        event.columns().forEach((column, value) -> {
            if (!mappedColumns.contains(column) && !table.exclude().contains(column)) {
                String field = table.unmapped() == TableMapping.UnmappedColumns.CAMEL_CASE ? camel(column) : column;
                input.set(field, autoConvert(value));
            }
        });
    }

    private JsonNode autoConvert(Object value) {
        return converter.convert(AUTO, value);
    }

    static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
