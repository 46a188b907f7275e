package com.cdcappsync.scaffold;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads tables from Debezium change events written by Kafka Connect's JsonConverter with
 * {@code schemas.enable=true}: each {@code {"schema", "payload"}} value names its table in
 * {@code payload.source} and its columns in the schema's {@code after} struct; the record key's schema names the
 * primary key. Accepts a bare value, a Confluent sink record ({@code {"payload": {"key", "value"}}}), or an array
 * (tombstones are skipped).
 *
 * <p>Logical types: Debezium's PostgreSQL connector documentation, "Data type mappings"
 * (https://debezium.io/documentation/reference/stable/connectors/postgresql.html#postgresql-data-types).
 * {@code io.debezium.data.Json} stands for json and jsonb alike; the values the events carry tell a translation map
 * from other JSON.
 */
public final class DebeziumEventSchema {

    private DebeziumEventSchema() {
    }

    /**
     * Every table the events describe, once each, in order of first appearance. A {@code io.debezium.data.Json}
     * column is read as a translation map or as JSON from the values the events carry ({@link JsonbContent}).
     */
    public static List<TableInfo> tables(JsonNode events) {
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        Map<String, Map<String, List<JsonNode>>> samples = new LinkedHashMap<>();
        for (JsonNode event : events.isArray() ? events : List.of(events)) {
            if (event.path("payload").has("value") && event.path("payload").path("value").isNull()) {
                continue; // a tombstone: no columns to read
            }
            TableInfo table = table(event);
            String name = table.schema() + "." + table.table();
            tables.putIfAbsent(name, table);
            collectJson(event, tables.get(name), samples.computeIfAbsent(name, n -> new LinkedHashMap<>()));
        }
        if (tables.isEmpty()) {
            throw new ScaffoldException("the event file holds no events");
        }
        return tables.entrySet().stream().map(e -> classified(e.getValue(), samples.get(e.getKey()))).toList();
    }

    private static void collectJson(JsonNode event, TableInfo table, Map<String, List<JsonNode>> samples) {
        JsonNode value = event.path("payload").has("value") ? event.path("payload").path("value") : event;
        // Only "after": a delete's "before" under REPLICA IDENTITY DEFAULT holds the key, and "" in required columns.
        JsonNode row = value.path("payload").path("after");
        for (TableInfo.Column column : table.columns()) {
            if (column.kind() == ColumnKind.TRANSLATED_JSON && row.hasNonNull(column.name())) {
                JsonNode cell = row.get(column.name());
                JsonNode parsed = cell.isTextual() ? JsonbContent.parse(cell.asText()) : cell;
                if (parsed != null) {
                    samples.computeIfAbsent(column.name(), c -> new ArrayList<>()).add(parsed);
                }
            }
        }
    }

    private static TableInfo classified(TableInfo table, Map<String, List<JsonNode>> samples) {
        List<TableInfo.Column> columns = table.columns().stream().map(c -> {
            if (c.kind() != ColumnKind.TRANSLATED_JSON) {
                return c;
            }
            JsonbContent.Verdict verdict = JsonbContent.classify(table.table(), c.name(),
                    samples.getOrDefault(c.name(), List.of()));
            return c.as(verdict.kind(), verdict.note());
        }).toList();
        return new TableInfo(table.schema(), table.table(), columns, table.primaryKey());
    }

    static TableInfo table(JsonNode event) {
        JsonNode key = event.path("payload").has("value") ? event.path("payload").path("key") : null;
        JsonNode value = event.path("payload").has("value") ? event.path("payload").path("value") : event;
        JsonNode after = field(value.path("schema"), "after");
        JsonNode source = value.path("payload").path("source");
        if (after == null || !source.hasNonNull("table")) {
            throw new ScaffoldException("the event carries no schema (or is not a Debezium change event): expected "
                    + "{\"schema\": {...}, \"payload\": {\"source\": {\"table\": ...}, ...}} as JsonConverter writes "
                    + "with value.converter.schemas.enable=true; capture one with schemas enabled, or scaffold "
                    + "from the database with --jdbc-url");
        }
        List<TableInfo.Column> columns = new ArrayList<>();
        after.path("fields").forEach(f -> columns.add(column(f)));
        List<String> primaryKey = new ArrayList<>();
        if (key != null && key.path("schema").path("fields").isArray()) {
            key.path("schema").path("fields").forEach(f -> primaryKey.add(f.path("field").asText()));
        }
        if (primaryKey.isEmpty()) {
            throw new ScaffoldException("the event for table " + source.get("table").asText() + " carries no key "
                    + "schema, so the primary key is unknown: use a Confluent sink record with the key's schema "
                    + "(key.converter.schemas.enable=true), or scaffold from the database with --jdbc-url");
        }
        return new TableInfo(source.path("schema").asText("public"), source.get("table").asText(), columns,
                primaryKey);
    }

    private static JsonNode field(JsonNode struct, String name) {
        for (JsonNode f : struct.path("fields")) {
            if (name.equals(f.path("field").asText())) {
                return f;
            }
        }
        return null;
    }

    static TableInfo.Column column(JsonNode f) {
        String type = f.path("type").asText();
        String logical = f.path("name").asText(null);
        String sourceType = logical == null ? type : type + " (" + logical + ")";
        if (logical != null) {
            return switch (logical) {
                case "io.debezium.data.Json" -> new TableInfo.Column(f.path("field").asText(),
                        ColumnKind.TRANSLATED_JSON, null, sourceType);
                case "org.apache.kafka.connect.data.Decimal" -> new TableInfo.Column(f.path("field").asText(),
                        ColumnKind.DECIMAL, f.path("parameters").path("scale").asInt(), sourceType);
                case "io.debezium.data.VariableScaleDecimal" -> new TableInfo.Column(f.path("field").asText(),
                        ColumnKind.DECIMAL, null, sourceType);
                case "io.debezium.time.MicroTimestamp", "io.debezium.time.Timestamp", "io.debezium.time.NanoTimestamp",
                     "io.debezium.time.ZonedTimestamp", "org.apache.kafka.connect.data.Timestamp" ->
                        new TableInfo.Column(f.path("field").asText(), ColumnKind.TIMESTAMP, null, sourceType);
                case "io.debezium.time.Date", "org.apache.kafka.connect.data.Date" ->
                        new TableInfo.Column(f.path("field").asText(), ColumnKind.DATE, null, sourceType);
                case "io.debezium.data.Uuid" ->
                        new TableInfo.Column(f.path("field").asText(), ColumnKind.TEXT, null, sourceType);
                default -> new TableInfo.Column(f.path("field").asText(), null, null, sourceType);
            };
        }
        ColumnKind kind = switch (type) {
            case "int8", "int16", "int32" -> ColumnKind.INTEGER;
            case "int64" -> ColumnKind.BIG_INTEGER;
            case "float32", "float64" -> ColumnKind.FLOAT;
            case "string" -> ColumnKind.TEXT;
            case "boolean" -> ColumnKind.BOOLEAN;
            default -> null;
        };
        return new TableInfo.Column(f.path("field").asText(), kind, null, sourceType);
    }
}
