package com.cdcappsync.upsert.response;

import com.cdcappsync.upsert.adapter.RecordLocation;

/**
 * How one input record ended. Every record ends in exactly one of these; none is dropped silently.
 */
public sealed interface RecordOutcome {

    /** Position in the invocation. */
    int index();

    /** Where the record came from. */
    RecordLocation location();

    /** Short name used in responses, logs and metrics. */
    String status();

    /**
     * The mutation was applied: the store had an older version, or none.
     *
     * @param itemKey type and id written
     * @param version the version written
     */
    record Applied(int index, RecordLocation location, String itemKey, long version) implements RecordOutcome {
        @Override
        public String status() {
            return "applied";
        }
    }

    /**
     * Nothing written because the store, or a newer record of the same batch, already has a newer version.
     * Expected with at-least-once delivery; harmless.
     */
    record Stale(int index, RecordLocation location, String reason) implements RecordOutcome {
        @Override
        public String status() {
            return "stale";
        }
    }

    /** Nothing to write: a tombstone, a truncate, a logical message, a heartbeat. */
    record Ignored(int index, RecordLocation location, String reason) implements RecordOutcome {
        @Override
        public String status() {
            return "ignored";
        }
    }

    /**
     * The record cannot be applied as it is; retrying will not help. Does not fail the batch unless
     * {@code FAIL_ON_REJECTED=true}.
     */
    record Rejected(int index, RecordLocation location, RejectReason reason, String detail) implements RecordOutcome {
        @Override
        public String status() {
            return "rejected";
        }
    }

    /**
     * Sending failed after retries (throttling, timeouts, server errors, an error AppSync returned). Fails the
     * invocation so the connector retries; safe because writes are versioned.
     */
    record Failed(int index, RecordLocation location, String reason) implements RecordOutcome {
        @Override
        public String status() {
            return "failed";
        }
    }
}
