package com.cdcappsync.upsert.adapter;

import java.util.Objects;

/**
 * Which input record a later step is about: its position in the invocation (answers are aligned on it) and
 * where it came from. What decoding, mapping and publishing carry instead of the adapter's raw record.
 *
 * @param index    position in the invocation, from 0
 * @param location topic, partition, offset
 */
public record RecordRef(int index, RecordLocation location) {

    public RecordRef {
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String toString() {
        return "#" + index + " " + location;
    }
}
