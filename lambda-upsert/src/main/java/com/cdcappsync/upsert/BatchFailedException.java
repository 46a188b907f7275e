package com.cdcappsync.upsert;

import com.cdcappsync.upsert.internal.response.ResponseWriter;
import com.cdcappsync.upsert.response.RecordOutcome;
import java.util.List;

/**
 * Thrown to fail the invocation so that its caller does not move past the batch (sending it again is safe: every
 * write is versioned): Confluent's connector then applies {@code behavior.on.error} (the shipped {@code fail}
 * stops its task until restarted, which sends the batch again), an event source mapping retries when a record
 * cannot be named in {@code batchItemFailures}. The message lists the records that made it fail, with their
 * locations and reasons.
 */
public final class BatchFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private static final int LISTED = 10;

    BatchFailedException(List<RecordOutcome> mustRetry, ResponseWriter responses) {
        super(message(mustRetry, responses));
    }

    private static String message(List<RecordOutcome> mustRetry, ResponseWriter responses) {
        StringBuilder text = new StringBuilder(mustRetry.size() + " record(s) not applied; failing the invocation so "
                + "the caller does not move past them (sending them again is safe):");
        mustRetry.stream().limit(LISTED).forEach(o -> text.append("\n  ").append(o.location()).append(' ')
                .append(responses.result(o)));
        if (mustRetry.size() > LISTED) {
            text.append("\n  ... and ").append(mustRetry.size() - LISTED).append(" more (see the batch log line)");
        }
        return text.toString();
    }
}
