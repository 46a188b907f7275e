package com.cdcappsync.upsert.mapping;

import java.util.List;
import java.util.Optional;

/**
 * The loaded mapping: table mappings, looked up by the table (and schema) an event names.
 *
 * @param tables every table mapping
 */
public record Mappings(List<TableMapping> tables) {

    public Mappings {
        tables = List.copyOf(tables);
    }

    /** The mapping for a table; a mapping with no schema matches every schema. */
    public Optional<TableMapping> find(String schema, String table) {
        TableMapping anySchema = null;
        for (TableMapping t : tables) {
            if (t.table().equals(table)) {
                if (t.schema() != null && t.schema().equals(schema)) {
                    return Optional.of(t);
                }
                if (t.schema() == null) {
                    anySchema = t;
                }
            }
        }
        return Optional.ofNullable(anySchema);
    }
}
