package com.cdcappsync.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
     * @param note       why the kind was chosen when the type alone does not say (jsonb), else null
     */
    public record Column(String name, ColumnKind kind, Integer scale, String sourceType, String note) {

        public Column(String name, ColumnKind kind, Integer scale, String sourceType) {
            this(name, kind, scale, sourceType, null);
        }

        /** A jsonb or json column read the other way, as the user asked. */
        Column as(ColumnKind newKind, String why) {
            return new Column(name, newKind, scale, sourceType, why);
        }
    }

    /**
     * This table with its jsonb columns read as the user says: {@code json} as whole JSON, {@code translations} as
     * translation maps. Each name is {@code COLUMN} or {@code TABLE.COLUMN}; a name of this table that is not a json
     * or jsonb column is an error.
     */
    public TableInfo withJsonColumns(Set<String> json, Set<String> translations) {
        List<Column> read = new ArrayList<>();
        for (Column column : columns) {
            boolean asJson = names(json, column);
            boolean asTranslation = names(translations, column);
            if ((asJson || asTranslation) && column.kind() != ColumnKind.JSON
                    && column.kind() != ColumnKind.TRANSLATED_JSON) {
                throw new ScaffoldException("column " + table + "." + column.name() + " is " + column.sourceType()
                        + ", not json or jsonb: --json-columns and --translation-columns only apply to json columns");
            }
            if (asJson && asTranslation) {
                throw new ScaffoldException("column " + table + "." + column.name() + " is named by both "
                        + "--json-columns and --translation-columns; keep one");
            }
            read.add(asJson ? column.as(ColumnKind.JSON, "jsonb column " + table + "." + column.name()
                    + ": kept as JSON (--json-columns)")
                    : asTranslation ? column.as(ColumnKind.TRANSLATED_JSON, "jsonb column " + table + "."
                    + column.name() + ": translation map (--translation-columns)") : column);
        }
        return new TableInfo(schema, table, read, primaryKey);
    }

    private boolean names(Set<String> names, Column column) {
        return names.contains(column.name()) || names.contains(table + "." + column.name());
    }
}
