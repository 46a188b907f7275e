package com.cdcappsync.upsert.response;

import java.util.Locale;

/**
 * How a record ended, and what that means for the batch. The one place that says which records are retried
 * and which count as problems (log level, {@code problems} list, the CLI's exit code).
 */
public enum RecordStatus {
    /** Written: the store had an older version, or none. */
    APPLIED,
    /** Not written: the store, or a newer record of the same batch, already has a newer version. Harmless. */
    STALE,
    /** Nothing to write: a tombstone, a truncate, a logical message, a heartbeat. */
    IGNORED,
    /** Cannot be applied as it is; retrying will not help. */
    REJECTED,
    /** Sending failed after retries; retrying may help, and is safe because writes are versioned. */
    FAILED;

    /** The name used in responses, logs and the CLI: {@code applied}, {@code stale}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The CloudWatch metric that counts it: {@code Applied}, {@code Stale}, ... */
    public String metricName() {
        return name().charAt(0) + label().substring(1);
    }

    /**
     * Whether the caller must retry the record: a failed one always, a rejected one only when
     * {@code FAIL_ON_REJECTED=true} (then it blocks its partition until someone fixes the mapping or the data).
     */
    public boolean mustRetry(boolean failOnRejected) {
        return this == FAILED || this == REJECTED && failOnRejected;
    }

    /** Rejected or failed: listed in the batch log line's {@code problems}, which is then a warning. */
    public boolean isProblem() {
        return this == REJECTED || this == FAILED;
    }
}
