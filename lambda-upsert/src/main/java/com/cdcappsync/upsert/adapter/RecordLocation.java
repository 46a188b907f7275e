package com.cdcappsync.upsert.adapter;

import java.util.Objects;

/**
 * Where a record came from: enough to find it again in Kafka or Kinesis.
 *
 * <p>Partition and offset are kept as text because Kinesis shard ids and sequence numbers do not fit
 * in numbers; Kafka's are decimal integers.
 *
 * @param topic     Kafka topic, or the Kinesis stream name; never null
 * @param partition Kafka partition, or the Kinesis shard id; never null
 * @param offset    Kafka offset, or the Kinesis sequence number; never null
 */
public record RecordLocation(String topic, String partition, String offset) {

    public RecordLocation {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(offset, "offset");
    }

    /** The offset as a number, or -1 where it is not one (Kinesis sequence numbers are too long). */
    public long offsetAsLong() {
        try {
            return Long.parseLong(offset);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset;
    }
}
