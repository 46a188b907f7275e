package com.cdcappsync.upsert.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What one HTTP attempt produced: a usable answer, or a failure that may be retried. */
sealed interface AttemptOutcome {

    /**
     * AppSync delivered a GraphQL answer (2xx, JSON), possibly with non-throttling errors.
     *
     * @param statusCode the HTTP status
     * @param data       the data member, may be null
     * @param errors     the GraphQL errors
     */
    record Answered(int statusCode, JsonNode data, List<GraphQlError> errors) implements AttemptOutcome {

        GraphQlResponse toResponse(int attempts) {
            return new GraphQlResponse(statusCode, data, errors, attempts);
        }
    }

    /**
     * The attempt failed.
     *
     * @param statusCode the HTTP status, or {@link AppSyncException#NO_RESPONSE}
     * @param errors     GraphQL errors the answer carried, if any
     * @param retryable  whether another attempt (now, or a later batch) may succeed
     * @param hint       what happened and what to check, one or two sentences
     * @param cause      the transport exception, may be null
     */
    record Failed(int statusCode, List<GraphQlError> errors, boolean retryable, String hint, Throwable cause)
            implements AttemptOutcome {

        public Failed {
            errors = List.copyOf(errors);
        }
    }
}
