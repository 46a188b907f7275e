package com.cdcappsync.doctor.replay;

import org.apache.kafka.common.header.Headers;

/** Where a held record goes back to, and what is sent; or why it cannot be replayed. */
sealed interface Origin {

    /**
     * A record to produce again.
     *
     * @param topic     the topic it goes back to
     * @param partition its original partition, or null to let the key choose (with {@code --to})
     * @param key       the original key's bytes, exactly
     * @param value     the original value's bytes, exactly
     * @param headers   the original headers without Kafka Connect's {@code __connect.errors.*}
     * @param timestamp the original record's timestamp (ms), or -1 when it has none
     * @param what      what the held record is, for the report
     */
    record Target(String topic, Integer partition, byte[] key, byte[] value, Headers headers, long timestamp,
                  String what) implements Origin {
    }

    /** @param reason what is missing and the fix */
    record Refused(String reason) implements Origin {
    }
}
