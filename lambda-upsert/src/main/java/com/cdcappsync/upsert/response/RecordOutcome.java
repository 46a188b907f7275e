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

    /** How it ended; see {@link RecordStatus} for what that means for the batch. */
    RecordStatus status();

    /**
     * The mutation was applied: the store had an older version, or none.
     *
     * @param itemKey type and id written
     * @param version the version written
     */
    record Applied(int index, RecordLocation location, String itemKey, long version) implements RecordOutcome {
        @Override
        public RecordStatus status() {
            return RecordStatus.APPLIED;
        }
    }

    /**
     * Nothing written because the store, or a newer record of the same batch, already has a newer version.
     * Expected with at-least-once delivery; harmless.
     */
    record Stale(int index, RecordLocation location, String reason) implements RecordOutcome {
        @Override
        public RecordStatus status() {
            return RecordStatus.STALE;
        }
    }

    /** Nothing to write: a tombstone, a truncate, a logical message, a heartbeat. */
    record Ignored(int index, RecordLocation location, String reason) implements RecordOutcome {
        @Override
        public RecordStatus status() {
            return RecordStatus.IGNORED;
        }
    }

    /**
     * The record cannot be applied as it is; retrying will not help. Does not fail the batch unless
     * {@code FAIL_ON_REJECTED=true}.
     */
    record Rejected(int index, RecordLocation location, RejectReason reason, String detail) implements RecordOutcome {
        @Override
        public RecordStatus status() {
            return RecordStatus.REJECTED;
        }
    }

    /**
     * Sending failed after retries (throttling, timeouts, server errors, an error AppSync returned), or was cut
     * short or never started because the invocation's time budget ran out ({@code outOfTime}). Fails the
     * invocation so the connector retries; safe because writes are versioned.
     */
    record Failed(int index, RecordLocation location, String reason, boolean outOfTime) implements RecordOutcome {

        /** A failure that is not the deadline's. */
        public Failed(int index, RecordLocation location, String reason) {
            this(index, location, reason, false);
        }

        @Override
        public RecordStatus status() {
            return RecordStatus.FAILED;
        }
    }
}
