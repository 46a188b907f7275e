package com.cdcappsync.upsert.publish;

import com.fasterxml.jackson.databind.JsonNode;

/** What sending one mutation came to. */
public sealed interface SendResult {

    /**
     * Written; {@code item} is what the mutation returned (may be null in a dry run).
     *
     * @param item the returned object
     */
    record Applied(JsonNode item) implements SendResult {
    }

    /**
     * Not written because the store has a newer or equal version (the resolver's guard failed).
     *
     * @param reason what the store said
     */
    record Stale(String reason) implements SendResult {
    }

    /**
     * Not written, after retries where they made sense.
     *
     * @param reason    what went wrong and what to check
     * @param outOfTime whether the invocation's deadline stopped it (the reason then names the time budget)
     */
    record Failed(String reason, boolean outOfTime) implements SendResult {

        /** A failure that is not the deadline's. */
        public Failed(String reason) {
            this(reason, false);
        }
    }
}
