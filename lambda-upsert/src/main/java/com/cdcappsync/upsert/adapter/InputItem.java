package com.cdcappsync.upsert.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One element of an invocation, in input order: either a record the decoder can work on, or one the
 * adapter could not read (which is rejected with its location and reason, never dropped).
 */
public sealed interface InputItem permits InputItem.SourceRecord, InputItem.Unreadable {

    /** Position in the invocation, from 0; responses are aligned on it. */
    int index();

    /** Where the record came from. */
    RecordLocation location();

    /** The small reference later steps carry instead of the item. */
    default RecordRef ref() {
        return new RecordRef(index(), location());
    }

    /**
     * A neutral record: the invocation's key and value, not yet decoded.
     *
     * @param index          position in the invocation
     * @param location       topic, partition, offset
     * @param timestampMs    the record's timestamp in epoch milliseconds, may be null
     * @param key            the key as the invocation carried it: object, JSON text, or null
     * @param value          the value as the invocation carried it: object, JSON text, or null (tombstone)
     * @param headers        headers rendered as text; never null, may be empty
     */
    record SourceRecord(int index, RecordLocation location, Long timestampMs, JsonNode key, JsonNode value,
                        Map<String, String> headers) implements InputItem {
        public SourceRecord {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        @Override
        public String toString() {
            // Never print key or value: they hold row data.
            return "SourceRecord[" + index + " " + location + "]";
        }
    }

    /**
     * An element the adapter could not read (no payload, bad base64, missing topic, ...).
     *
     * @param index          position in the invocation
     * @param location       as much of the location as could be read ("?" for the rest)
     * @param reason         what was wrong, what was expected, and the fix
     */
    record Unreadable(int index, RecordLocation location, String reason) implements InputItem {
    }
}
