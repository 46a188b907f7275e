package com.cdcappsync.upsert;

import com.cdcappsync.upsert.adapter.InputKind;
import com.cdcappsync.upsert.adapter.Invocation;
import com.cdcappsync.upsert.response.RecordOutcome;
import com.cdcappsync.upsert.response.RecordStatus;
import java.time.Duration;
import java.util.List;

/**
 * What one invocation came to.
 *
 * @param invocation the invocation as read
 * @param outcomes   one outcome per input item, in input order
 * @param elapsed    processing time
 * @param maxLagMs   the largest "now minus source.ts_ms" in the batch (the oldest event: what an operator
 *                   alarms on), or null when no event carried it
 */
public record BatchResult(Invocation invocation, List<RecordOutcome> outcomes, Duration elapsed, Long maxLagMs) {

    public BatchResult {
        outcomes = List.copyOf(outcomes);
    }

    public InputKind kind() {
        return invocation.kind();
    }

    /** How many outcomes have the given status. */
    public long count(RecordStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Whether a record was rejected or failed (see {@link RecordStatus#isProblem()}). */
    public boolean hasProblems() {
        return outcomes.stream().anyMatch(o -> o.status().isProblem());
    }

    /** The outcomes the caller must retry, in input order (see {@link RecordStatus#mustRetry}). */
    public List<RecordOutcome> mustRetry(boolean failOnRejected) {
        return outcomes.stream().filter(o -> o.status().mustRetry(failOnRejected)).toList();
    }

    /** The outcomes of one kind, in input order. */
    public <T extends RecordOutcome> List<T> only(Class<T> type) {
        return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
