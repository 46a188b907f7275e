package com.cdcappsync.upsert.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One table's mapping: which GraphQL type and mutations it feeds and how its columns become fields. Build it
 * with {@link #builder(String, String)}, which holds the naming defaults; the constructor checks every part.
 *
 * @param table           the table name as Debezium reports it ({@code source.table})
 * @param schema          the database schema, or null to match any
 * @param typeName        the GraphQL type, e.g. {@code Product}
 * @param upsertMutation  the upsert mutation field, e.g. {@code upsertProduct}
 * @param deleteMutation  the delete mutation field, e.g. {@code deleteProduct}
 * @param upsertInputType the upsert mutation's input type, e.g. {@code ProductInput}
 * @param deleteInputType the delete mutation's input type, e.g. {@code DeleteProductInput}
 * @param keyColumns      the primary-key columns, joined with {@code #} into the id
 * @param idField         the GraphQL field that holds the id
 * @param fields          the mapped fields, in order
 * @param visibleWhen     column → rule; a row failing any is removed from the site
 * @param websites        which served websites show a row, or null when the table has no such rule
 * @param unmapped        what happens to columns no field names
 * @param exclude         columns never sent, whatever {@code unmapped} says
 * @param selection       the fields every mutation asks back (subscribers receive only these)
 */
public record TableMapping(String table, String schema, String typeName, String upsertMutation,
                           String deleteMutation, String upsertInputType, String deleteInputType,
                           List<String> keyColumns, String idField, List<FieldSpec> fields,
                           Map<String, VisibilityRule> visibleWhen, WebsiteRule websites, UnmappedColumns unmapped,
                           Set<String> exclude, List<String> selection) {

    public TableMapping {
        for (String part : new String[] {table, typeName, upsertMutation, deleteMutation, upsertInputType,
                deleteInputType, idField}) {
            if (part == null || part.isBlank()) {
                throw new IllegalArgumentException("table mapping " + table + ": table, type, mutation, input type "
                        + "and id field names must be non-empty");
            }
        }
        Objects.requireNonNull(unmapped, "unmapped");
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("table mapping " + table + ": at least one key column is needed");
        }
        if (!selection.contains(idField)) {
            throw new IllegalArgumentException("table mapping " + table + ": the selection must ask for the id field '"
                    + idField + "'");
        }
        keyColumns = List.copyOf(keyColumns);
        fields = List.copyOf(fields);
        visibleWhen = Map.copyOf(visibleWhen);
        exclude = Set.copyOf(exclude);
        selection = List.copyOf(selection);
    }

    /**
     * A builder for the table's mapping to the GraphQL type; every other part has the default of the mapping file
     * (key {@code id}, mutations {@code upsert<Type>}/{@code delete<Type>}, inputs {@code <Type>Input}/
     * {@code Delete<Type>Input}, id field {@code id}, unmapped columns dropped, selection: the id and every field).
     */
    public static Builder builder(String table, String typeName) {
        return new Builder(table, typeName);
    }

    /** Builds a {@link TableMapping}; the defaults are those of the mapping file. */
    public static final class Builder {
        private final String table;
        private final String typeName;
        private String schema;
        private String upsertMutation;
        private String deleteMutation;
        private String upsertInputType;
        private String deleteInputType;
        private List<String> keyColumns = List.of("id");
        private String idField = "id";
        private List<FieldSpec> fields = List.of();
        private Map<String, VisibilityRule> visibleWhen = Map.of();
        private WebsiteRule websites;
        private UnmappedColumns unmapped = UnmappedColumns.DROP;
        private Set<String> exclude = Set.of();
        private List<String> extraSelection = List.of();

        private Builder(String table, String typeName) {
            this.table = table;
            this.typeName = typeName;
        }

        /** The database schema; default null (any). */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /** Default {@code upsert<Type>}. */
        public Builder upsertMutation(String upsertMutation) {
            this.upsertMutation = upsertMutation;
            return this;
        }

        /** Default {@code delete<Type>}. */
        public Builder deleteMutation(String deleteMutation) {
            this.deleteMutation = deleteMutation;
            return this;
        }

        /** Default {@code <Type>Input}. */
        public Builder upsertInputType(String upsertInputType) {
            this.upsertInputType = upsertInputType;
            return this;
        }

        /** Default {@code Delete<Type>Input}. */
        public Builder deleteInputType(String deleteInputType) {
            this.deleteInputType = deleteInputType;
            return this;
        }

        /** Default {@code [id]}. */
        public Builder keyColumns(List<String> keyColumns) {
            this.keyColumns = keyColumns;
            return this;
        }

        /** Default {@code id}. */
        public Builder idField(String idField) {
            this.idField = idField;
            return this;
        }

        /** Default none. */
        public Builder fields(List<FieldSpec> fields) {
            this.fields = fields;
            return this;
        }

        /** Default none. */
        public Builder visibleWhen(Map<String, VisibilityRule> visibleWhen) {
            this.visibleWhen = visibleWhen;
            return this;
        }

        /** Default none: every row that passes {@code visibleWhen} is on every website. */
        public Builder websites(WebsiteRule websites) {
            this.websites = websites;
            return this;
        }

        /** Default {@link UnmappedColumns#DROP}. */
        public Builder unmapped(UnmappedColumns unmapped) {
            this.unmapped = unmapped;
            return this;
        }

        /** Default none. */
        public Builder exclude(Set<String> exclude) {
            this.exclude = exclude;
            return this;
        }

        /** Fields asked back besides the id and the mapped fields; default none. */
        public Builder extraSelection(List<String> extraSelection) {
            this.extraSelection = extraSelection;
            return this;
        }

        /** @throws IllegalArgumentException when a name is empty, or no key column is given */
        public TableMapping build() {
            Set<String> selection = new LinkedHashSet<>();
            selection.add(idField);
            fields.forEach(f -> selection.add(f.field()));
            if (websites != null) {
                selection.add(websites.field());
            }
            selection.addAll(extraSelection);
            return new TableMapping(table, schema, typeName, orDefault(upsertMutation, "upsert" + typeName),
                    orDefault(deleteMutation, "delete" + typeName), orDefault(upsertInputType, typeName + "Input"),
                    orDefault(deleteInputType, "Delete" + typeName + "Input"), keyColumns, idField, fields,
                    visibleWhen, websites, unmapped, exclude, new ArrayList<>(selection));
        }

        private static String orDefault(String value, String fallback) {
            return value == null ? fallback : value;
        }
    }

    /** What to do with columns that no field names. */
    public enum UnmappedColumns {
        /** Leave them out (the default: a new column never leaks to the site by accident). */
        DROP("drop"),
        /** Send them under the column's own name. */
        SAME_NAME("same-name"),
        /** Send them under the column name in lowerCamelCase ({@code list_price} → {@code listPrice}). */
        CAMEL_CASE("camel-case");

        private final String configName;

        UnmappedColumns(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }

        static UnmappedColumns byName(String name) {
            for (UnmappedColumns u : values()) {
                if (u.configName.equals(name)) {
                    return u;
                }
            }
            return null;
        }
    }
}
