package com.cdcappsync.upsert.decode;

/**
 * The version a write carries; the resolver writes only when the stored version is lower.
 *
 * <p>The rule: PostgreSQL's log sequence number of the change ({@code source.lsn}, or {@code __lsn} on
 * flattened events). Row locks serialise writers of one row, so a row's change LSNs rise in commit order,
 * and a re-snapshot reads at a newer LSN. Where a record carries no LSN (the unwrap SMT without
 * {@code add.fields=lsn}, or a connector other than PostgreSQL), the Kafka offset is used when the setting
 * {@code VERSION_FALLBACK=kafka-offset} allows it: all changes of one key go to one partition, so offsets
 * rise too, but they restart if the topic is recreated, and they must never be mixed with LSNs for the same
 * table. Otherwise the record is rejected with the fix.
 *
 * @param value  the version number; positive
 * @param source where it came from
 */
public record Version(long value, Source source) implements Comparable<Version> {

    /** Where a version came from. */
    public enum Source {
        /** PostgreSQL log sequence number. */
        LSN,
        /** Kafka offset of the record (fallback). */
        KAFKA_OFFSET
    }

    @Override
    public int compareTo(Version other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
