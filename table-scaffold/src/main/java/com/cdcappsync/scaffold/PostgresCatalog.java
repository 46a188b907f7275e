package com.cdcappsync.scaffold;

import com.cdcappsync.cli.Redact;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads tables' columns and primary keys from PostgreSQL's catalog over JDBC. */
public final class PostgresCatalog implements AutoCloseable {

    private static final String COLUMNS = """
            SELECT a.attname, t.typname, information_schema._pg_numeric_scale(a.atttypid, a.atttypmod),
                   format_type(a.atttypid, a.atttypmod)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum""";

    private static final String PRIMARY_KEY = """
            SELECT a.attname
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE n.nspname = ? AND c.relname = ? AND i.indisprimary
            ORDER BY k.ord""";

    /** How many non-null values of a jsonb column are read to tell translation maps from other JSON. */
    static final int SAMPLE = 100;

    private final Connection connection;

    private PostgresCatalog(Connection connection) {
        this.connection = connection;
    }

    /** Connects; the password, when given, never appears in messages. */
    public static PostgresCatalog connect(String jdbcUrl, String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        try {
            return new PostgresCatalog(DriverManager.getConnection(jdbcUrl, properties));
        } catch (SQLException e) {
            // A password inside the URL is masked: the message goes to the terminal.
            throw new ScaffoldException("cannot connect to " + Redact.url(jdbcUrl) + ": "
                    + Redact.secrets(e.getMessage())
                    + "; check --jdbc-url (jdbc:postgresql://HOST:PORT/DATABASE), --user and PGPASSWORD", e);
        }
    }

    /** The table's columns and key; fails naming the table when it does not exist. */
    public TableInfo table(String schema, String table) {
        try {
            List<TableInfo.Column> columns = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
                statement.setString(1, schema);
                statement.setString(2, table);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        int scale = rows.getInt(3);
                        Integer declared = rows.wasNull() ? null : scale;
                        String type = rows.getString(2);
                        columns.add(new TableInfo.Column(rows.getString(1), kind(type), declared, rows.getString(4)));
                    }
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                if ("jsonb".equals(columns.get(i).sourceType())) {
                    columns.set(i, sampled(schema, table, columns.get(i)));
                }
            }
            if (columns.isEmpty()) {
                throw new ScaffoldException("table " + schema + "." + table + " does not exist in "
                        + connection.getMetaData().getURL() + " (or the user cannot see it); check the name, "
                        + "--schema, and that the user has SELECT on it");
            }
            return new TableInfo(schema, table, columns, primaryKey(schema, table));
        } catch (SQLException e) {
            throw new ScaffoldException("cannot read table " + schema + "." + table + ": " + e.getMessage(), e);
        }
    }

    /** A jsonb column read as a translation map or as JSON, from the values it holds (up to {@value SAMPLE}). */
    private TableInfo.Column sampled(String schema, String table, TableInfo.Column column) throws SQLException {
        List<JsonNode> samples = new ArrayList<>();
        String sql = "SELECT " + quote(column.name()) + "::text FROM " + quote(schema) + "." + quote(table)
                + " WHERE " + quote(column.name()) + " IS NOT NULL LIMIT " + SAMPLE;
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                JsonNode value = JsonbContent.parse(rows.getString(1));
                if (value != null) {
                    samples.add(value);
                }
            }
        } catch (SQLException e) {
            if (!"42501".equals(e.getSQLState())) { // insufficient_privilege: the catalog is readable, rows are not
                throw e;
            }
            return column.as(ColumnKind.TRANSLATED_JSON, "jsonb column " + table + "." + column.name() + ": cannot "
                    + "read its rows (" + e.getMessage() + "), assumed an Odoo translation map; pass --json-columns "
                    + column.name() + " if it is not");
        }
        JsonbContent.Verdict verdict = JsonbContent.classify(table, column.name(), samples);
        return column.as(verdict.kind(), verdict.note());
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private List<String> primaryKey(String schema, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PRIMARY_KEY)) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    key.add(rows.getString(1));
                }
            }
        }
        return key;
    }

    /** The kind of a PostgreSQL type ({@code pg_type.typname}), or null when the scaffold cannot map it. */
    static ColumnKind kind(String typname) {
        return switch (typname) {
            case "int2", "int4" -> ColumnKind.INTEGER;
            case "int8" -> ColumnKind.BIG_INTEGER;
            case "numeric" -> ColumnKind.DECIMAL;
            case "float4", "float8" -> ColumnKind.FLOAT;
            case "text", "varchar", "bpchar", "uuid", "citext", "name" -> ColumnKind.TEXT;
            case "bool" -> ColumnKind.BOOLEAN;
            case "timestamp", "timestamptz" -> ColumnKind.TIMESTAMP;
            case "date" -> ColumnKind.DATE;
            case "jsonb" -> ColumnKind.TRANSLATED_JSON;
            case "json" -> ColumnKind.JSON;
            default -> null;
        };
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing a read-only session: nothing to keep.
        }
    }
}
