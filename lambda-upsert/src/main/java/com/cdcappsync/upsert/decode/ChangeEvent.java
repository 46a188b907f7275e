package com.cdcappsync.upsert.decode;

import com.cdcappsync.upsert.adapter.RecordRef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A decoded row change.
 *
 * <p>Column values are plain Java values: {@code null}, {@link Boolean}, {@link Long}, {@link Double},
 * {@link java.math.BigDecimal} (exact decimals), {@link String}, {@link java.time.LocalDate},
 * {@link java.time.LocalTime}, {@link java.time.Instant} (timestamps; zoneless timestamps are read as UTC),
 * or a Jackson {@code JsonNode} (JSON columns once their schema says so, arrays, structs). Without a
 * schema, values stay as the JSON gave them and the mapping's conversions interpret them.
 *
 * @param record         which input record this is (index and location); not the record itself
 * @param schema         the database schema (namespace), e.g. {@code public}; may be null
 * @param table          the table name, e.g. {@code product_template}
 * @param operation      upsert, delete or ignore
 * @param sourceOp       Debezium's op letter ({@code c u d r t m}), or '?' when the record had none
 * @param key            the key columns as the record key carried them, in order; may be empty
 * @param columns        the row's column values (after image); empty for deletes and ignores
 * @param unknownColumns columns whose value Debezium could not read (unchanged TOAST): leave them untouched
 * @param version        the change's version, rising with each change of the same row
 * @param sourceTsMs     when the change happened in the database ({@code source.ts_ms}), may be null
 * @param note           why the event is ignored, or null
 */
public record ChangeEvent(RecordRef record, String schema, String table, Operation operation, char sourceOp,
                          Map<String, Object> key, Map<String, Object> columns, Set<String> unknownColumns,
                          Version version, Long sourceTsMs, String note) {

    public ChangeEvent {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(operation, "operation");
        key = readOnly(key);
        columns = readOnly(columns);
        unknownColumns = Set.copyOf(unknownColumns);
    }

    /** What {@link Collections#unmodifiableMap} returns: maps of that class are not copied again. */
    private static final Class<?> READ_ONLY_MAP = Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

    /**
     * A read-only map in the given order. The decoder hands over maps it built for this event alone, already
     * wrapped, and never touches them again; copying them again showed as a fifth of decoding in profiles.
     * Any other non-empty map is copied (so pass a read-only view only of a map nobody changes later).
     */
    private static Map<String, Object> readOnly(Map<String, Object> map) {
        if (map.isEmpty()) {
            return Collections.emptyMap();
        }
        return READ_ONLY_MAP.isInstance(map) ? map : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** An event with nothing to write. */
    public static ChangeEvent ignored(RecordRef record, String schema, String table, char op, String note) {
        return new ChangeEvent(record, schema, table, Operation.IGNORE, op, Map.of(), Map.of(), Set.of(),
                null, null, note);
    }

    @Override
    public String toString() {
        // Row data stays out of logs.
        return "ChangeEvent[" + record.location() + " " + table + " " + operation + " v" + version + "]";
    }
}
