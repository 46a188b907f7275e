package com.cdcappsync.upsert.mapping;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One table's mapping: which GraphQL type and mutations it feeds and how its columns become fields.
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
 * @param visibleWhen     column → required value; a row failing any is removed from the site
 * @param unmapped        what happens to columns no field names
 * @param exclude         columns never sent, whatever {@code unmapped} says
 * @param selection       the fields every mutation asks back (subscribers receive only these)
 */
public record TableMapping(String table, String schema, String typeName, String upsertMutation,
                           String deleteMutation, String upsertInputType, String deleteInputType,
                           List<String> keyColumns, String idField, List<FieldSpec> fields,
                           Map<String, Object> visibleWhen, UnmappedColumns unmapped, Set<String> exclude,
                           List<String> selection) {

    public TableMapping {
        keyColumns = List.copyOf(keyColumns);
        fields = List.copyOf(fields);
        visibleWhen = Map.copyOf(visibleWhen);
        exclude = Set.copyOf(exclude);
        selection = List.copyOf(selection);
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
