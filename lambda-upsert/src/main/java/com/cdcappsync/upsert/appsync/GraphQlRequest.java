package com.cdcappsync.upsert.appsync;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One GraphQL operation to send to AppSync: the document and its variables.
 *
 * <p>The variables are deep-copied on construction, so later changes by the caller do not leak into
 * a request that is being retried; treat the node returned by {@link #variables()} as read-only.
 * {@link #toString()} never prints the variables, because they carry row data.
 *
 * @param query     the GraphQL document, e.g. {@code mutation Upsert($input: ProductInput!) {...}};
 *                  never null or blank
 * @param variables the operation's variables; null means none (sent as {@code {}})
 */
public record GraphQlRequest(String query, ObjectNode variables) {

    private static final int QUERY_PREVIEW_CHARS = 80;

    /** Validates the query and copies the variables. */
    public GraphQlRequest {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("GraphQL query must not be null or blank, got "
                    + (query == null ? "null" : "a blank string")
                    + ". Fix: pass the operation document, e.g. \"mutation Upsert($input: ...) { ... }\".");
        }
        variables = variables == null ? JsonNodeFactory.instance.objectNode() : variables.deepCopy();
    }

    /** A request without variables. */
    public static GraphQlRequest of(String query) {
        return new GraphQlRequest(query, null);
    }

    /** Shows the start of the query and the number of variables, never their values. */
    @Override
    public String toString() {
        String oneLine = query.strip().replaceAll("\\s+", " ");
        String preview = oneLine.length() <= QUERY_PREVIEW_CHARS
                ? oneLine
                : oneLine.substring(0, QUERY_PREVIEW_CHARS) + "...";
        return "GraphQlRequest[query=" + preview + ", variables=<" + variables.size() + " redacted>]";
    }
}
