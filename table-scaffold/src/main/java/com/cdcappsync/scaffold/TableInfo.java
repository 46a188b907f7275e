package com.cdcappsync.scaffold;

import java.util.List;

/**
 * A table as the scaffold sees it, read from the PostgreSQL catalog or from a Debezium event's schema.
 *
 * @param schema     the database schema, e.g. {@code public}
 * @param table      the table name
 * @param columns    every column, in table order
 * @param primaryKey the primary-key columns, in key order (never empty)
 */
public record TableInfo(String schema, String table, List<Column> columns, List<String> primaryKey) {

    public TableInfo {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        if (primaryKey.isEmpty()) {
            throw new ScaffoldException("table " + schema + "." + table + " has no primary key: the mapping needs "
                    + "key columns to build each item's id (and Debezium needs them to identify deletes); add a "
                    + "primary key (ALTER TABLE ... ADD PRIMARY KEY) and run the scaffold again");
        }
    }

    /**
     * One column.
     *
     * @param name       the column name
     * @param kind       what the scaffold makes of it, or null when it cannot map its type
     * @param scale      the declared scale of a fixed-scale decimal, else null
     * @param sourceType the type as the source names it ({@code numeric(12,2)}, {@code bytea}, {@code int64})
     */
    public record Column(String name, ColumnKind kind, Integer scale, String sourceType) {
    }
}
