package com.cdcappsync.upsert.internal.decode;

import com.cdcappsync.upsert.adapter.InputItem.SourceRecord;
import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.decode.Operation;
import com.cdcappsync.upsert.decode.Version;
import com.cdcappsync.upsert.internal.decode.DebeziumDecoder.SchemaAndPayload;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * A record flattened by {@code ExtractNewRecordState}: the row itself, plus the {@code __}-prefixed fields
 * that {@code add.fields} and {@code delete.tombstone.handling.mode=rewrite} add. A delete in rewrite mode
 * carries the key and made-up values for other columns (Debezium with REPLICA IDENTITY DEFAULT), so a delete reads
 * only the key.
 */
final class FlattenedShape {

    private static final Set<String> KNOWN_OPS = Set.of("c", "u", "d", "r", "t", "m");

    private final RowReader rows;
    private final DecoderOptions options;

    FlattenedShape(RowReader rows, DecoderOptions options) {
        this.rows = rows;
        this.options = options;
    }

    ChangeEvent decode(SourceRecord record, SchemaAndPayload value, Map<String, Object> key, TopicName topic) {
        JsonNode row = value.payload();
        String table = row.path("__table").asText(topic.table());
        String schema = row.path("__schema").asText(topic.schema());
        String opText = row.path("__op").asText("");
        char op = opText.isEmpty() ? '?' : opText.charAt(0);
        if (!opText.isEmpty() && !KNOWN_OPS.contains(opText)) {
            throw new DecodeException("field '__op' is '" + opText + "'; expected one of c, u, d, r, t, m");
        }
        if (op == 't' || op == 'm') {
            return ChangeEvent.ignored(record.ref(), schema, table, op, op == 't' ? "truncate"
                    : "logical decoding message");
        }
        Version version = VersionRule.version(record, row.path("__lsn"), options);
        JsonNode tsNode = row.path("__source_ts_ms");
        Long ts = tsNode.canConvertToLong() ? tsNode.asLong() : null;
        if (isDeleted(row) || op == 'd') {
            // Without a readable record key, the key columns come from the row, whose key is real (the rest
            // of a rewritten delete is made up, and the mapping reads nothing else from it).
            Map<String, Object> deleteKey = key.isEmpty() ? readRow(value).columns() : key;
            return new ChangeEvent(record.ref(), schema, table, Operation.DELETE, op, deleteKey, Map.of(), Set.of(),
                    version, ts, null);
        }
        RowReader.Row read = readRow(value);
        return new ChangeEvent(record.ref(), schema, table, Operation.UPSERT, op, key, read.columns(), read.unknown(),
                version, ts, null);
    }

    /** The row's columns, without the {@code __} metadata the SMT adds. */
    private RowReader.Row readRow(SchemaAndPayload value) {
        return rows.read(value.payload(), value.schema(), column -> column.startsWith("__"));
    }

    /** {@code __deleted} is the string "true"/"false" from the SMT; a boolean is accepted too. */
    private static boolean isDeleted(JsonNode row) {
        JsonNode deleted = row.path("__deleted");
        return deleted.isBoolean() ? deleted.asBoolean() : "true".equalsIgnoreCase(deleted.asText(""));
    }
}
