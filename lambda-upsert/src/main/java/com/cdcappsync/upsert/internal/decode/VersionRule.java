package com.cdcappsync.upsert.internal.decode;

import com.cdcappsync.upsert.adapter.InputItem.SourceRecord;
import com.cdcappsync.upsert.decode.Version;
import com.cdcappsync.upsert.internal.Redacted;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Picks a change's {@link Version}: the LSN; where the event carries none (field absent or JSON null), the
 * Kafka offset if allowed; else a clear rejection. An LSN that is there but is not a positive integer (a
 * number, or a string of digits) is malformed: the record is rejected, never given the offset's version, which
 * would mix two version sources for one table.
 */
final class VersionRule {

    private VersionRule() {
    }

    /**
     * @param lsn the LSN field as found ({@code source.lsn} or {@code __lsn}); missing node or null if absent
     */
    static Version version(SourceRecord record, JsonNode lsn, DecoderOptions options) {
        if (lsn != null && !lsn.isMissingNode() && !lsn.isNull()) {
            return new Version(lsn(lsn), Version.Source.LSN);
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

    private static long lsn(JsonNode lsn) {
        if (lsn.isIntegralNumber() && lsn.canConvertToLong() && lsn.asLong() > 0) {
            return lsn.asLong();
        }
        if (lsn.isTextual() && lsn.asText().matches("\\d{1,18}") && Long.parseLong(lsn.asText()) > 0) {
            return Long.parseLong(lsn.asText());
        }
        throw new DecodeException("the LSN (source.lsn, or __lsn on flattened events) is " + Redacted.describe(lsn)
                + (lsn.isNumber() ? " that is not a positive integer" : " that is not a positive decimal integer")
                + "; expected PostgreSQL's LSN as a number, as Debezium writes it. Fix the producer, or drop "
                + "the field to use VERSION_FALLBACK=kafka-offset");
    }
}
