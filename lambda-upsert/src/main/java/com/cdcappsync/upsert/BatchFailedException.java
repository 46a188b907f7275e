package com.cdcappsync.upsert;

import com.cdcappsync.upsert.response.RecordOutcome;
import com.cdcappsync.upsert.response.ResponseWriter;
import java.util.List;

/**
 * Thrown to fail the invocation so that its caller retries the whole batch (safe: every write is versioned): the
 * Confluent connector always, an event source mapping when a record to retry cannot be named in
 * {@code batchItemFailures}. The message lists the records that made it fail, with their locations and reasons.
 */
public final class BatchFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private static final int LISTED = 10;

    BatchFailedException(List<RecordOutcome> mustRetry, ResponseWriter responses) {
        super(message(mustRetry, responses));
    }

    private static String message(List<RecordOutcome> mustRetry, ResponseWriter responses) {
        StringBuilder text = new StringBuilder(mustRetry.size() + " record(s) not applied; failing the invocation so "
                + "the caller retries the batch:");
        mustRetry.stream().limit(LISTED).forEach(o -> text.append("\n  ").append(o.location()).append(' ')
                .append(responses.result(o)));
        if (mustRetry.size() > LISTED) {
            text.append("\n  ... and ").append(mustRetry.size() - LISTED).append(" more (see the batch log line)");
        }
        return text.toString();
    }
}
