package com.cdcappsync.upsert.internal.decode;

import com.cdcappsync.upsert.adapter.InputItem.SourceRecord;
import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.decode.Operation;
import com.cdcappsync.upsert.internal.decode.DebeziumDecoder.SchemaAndPayload;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/** Debezium's change event envelope: {@code op}, {@code before}, {@code after}, {@code source}, {@code ts_ms}. */
final class EnvelopeShape {

    private final RowReader rows;
    private final DecoderOptions options;

    EnvelopeShape(RowReader rows, DecoderOptions options) {
        this.rows = rows;
        this.options = options;
    }

    static boolean isEnvelope(JsonNode payload) {
        return payload.path("op").isTextual() && (payload.has("after") || payload.has("before")
                || payload.has("source"));
    }

    ChangeEvent decode(SourceRecord record, SchemaAndPayload value, Map<String, Object> key, TopicName topic) {
        JsonNode payload = value.payload();
        JsonNode source = payload.path("source");
        String schema = source.path("schema").asText(topic.schema());
        String table = source.path("table").asText(topic.table());
        String opText = payload.get("op").asText();
        char op = opText.isEmpty() ? '?' : opText.charAt(0);
        return switch (opText) {
            case "c", "u", "r" -> upsert(record, value, key, schema, table, op);
            case "d" -> new ChangeEvent(record.ref(), schema, table, Operation.DELETE, op,
                    key.isEmpty() ? keyFromBefore(value) : key, Map.of(), Set.of(),
                    VersionRule.version(record, source.path("lsn"), options), tsMs(source), null);
            case "t" -> ChangeEvent.ignored(record.ref(), schema, table, op, "truncate: no per-row change to apply; "
                    + "re-snapshot the table to rebuild the site's copy");
            case "m" -> ChangeEvent.ignored(record.ref(), schema, table, op, "logical decoding message");
            default -> throw new DecodeException("field 'op' is '" + opText + "'; expected one of c, u, d, r, t, m");
        };
    }

    private ChangeEvent upsert(SourceRecord record, SchemaAndPayload value, Map<String, Object> key,
                               String schema, String table, char op) {
        JsonNode payload = value.payload();
        JsonNode after = payload.get("after");
        if (after == null || !after.isObject()) {
            throw new DecodeException("op '" + op + "' event has no 'after' object; expected the new row state");
        }
        FieldSchema afterSchema = value.schema() == null ? null : value.schema().field("after");
        RowReader.Row row = rows.read(after, afterSchema, column -> false);
        JsonNode source = payload.path("source");
        return new ChangeEvent(record.ref(), schema, table, Operation.UPSERT, op, key, row.columns(), row.unknown(),
                VersionRule.version(record, source.path("lsn"), options), tsMs(source), null);
    }

    /**
     * Where the record key is missing or unreadable (a key converter that is not JSON), a delete's key comes
     * from {@code before}. Only its primary-key columns are real (Debezium with REPLICA IDENTITY DEFAULT;
     * fixtures/debezium/SCENARIO.md): the mapping reads nothing
     * else from it.
     */
    private Map<String, Object> keyFromBefore(SchemaAndPayload value) {
        JsonNode before = value.payload().get("before");
        if (before == null || !before.isObject()) {
            return Map.of();
        }
        FieldSchema beforeSchema = value.schema() == null ? null : value.schema().field("before");
        return rows.read(before, beforeSchema, column -> false).columns();
    }

    private static Long tsMs(JsonNode source) {
        JsonNode ts = source.path("ts_ms");
        return ts.canConvertToLong() ? ts.asLong() : null;
    }
}
