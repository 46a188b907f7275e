package com.cdcappsync.upsert.decode;

import com.cdcappsync.upsert.adapter.InputItem.SourceRecord;
import com.fasterxml.jackson.databind.JsonNode;

/** Picks a change's {@link Version}: the LSN, else the Kafka offset where allowed, else a clear rejection. */
final class VersionRule {

    private VersionRule() {
    }

    static Version version(SourceRecord record, JsonNode lsn, DecoderOptions options) {
        if (lsn != null && lsn.canConvertToLong() && lsn.asLong() > 0) {
            return new Version(lsn.asLong(), Version.Source.LSN);
        }
        // A numeric string follows the same rule as a number: zero is no LSN (Version values are positive).
        if (lsn != null && lsn.isTextual() && lsn.asText().matches("\\d{1,18}") && Long.parseLong(lsn.asText()) > 0) {
            return new Version(Long.parseLong(lsn.asText()), Version.Source.LSN);
        }
        long offset = record.location().offsetAsLong();
        if (options.offsetFallback() && offset >= 0) {
            return new Version(offset + 1, Version.Source.KAFKA_OFFSET);
        }
        throw new DecodeException("the event has no LSN (source.lsn, or __lsn on flattened events)"
                + (options.offsetFallback() ? " and no numeric Kafka offset" : "")
                + "; every write needs a version. Fix: keep Debezium's envelope, or add 'lsn' to the "
                + "ExtractNewRecordState add.fields, or set VERSION_FALLBACK=kafka-offset");
    }
}
