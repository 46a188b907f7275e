package com.cdcappsync.upsert.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;

/**
 * A GraphQL answer that AppSync delivered (HTTP 2xx with a JSON body).
 *
 * <p>It may carry field errors: those the client does not retry (for example a failed version guard)
 * are returned here for the caller to classify. {@link #toString()} never prints {@code data}, which
 * holds row data.
 *
 * @param statusCode the HTTP status (200 from AppSync)
 * @param data       the {@code data} member; never null ({@link NullNode} when absent or JSON null)
 * @param errors     the {@code errors} member; never null, empty when there were none; immutable
 * @param attempts   how many HTTP requests it took, 1 when the first one succeeded
 */
public record GraphQlResponse(int statusCode, JsonNode data, List<GraphQlError> errors, int attempts) {

    /** Normalises absent values and copies the error list. */
    public GraphQlResponse {
        data = data == null || data.isMissingNode() ? NullNode.getInstance() : data;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Whether the {@code errors} member was present and not empty. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Shows the status, errors and attempts; {@code data} is redacted. */
    @Override
    public String toString() {
        return "GraphQlResponse[statusCode=" + statusCode + ", data=<redacted>, errors=" + errors
                + ", attempts=" + attempts + "]";
    }
}
