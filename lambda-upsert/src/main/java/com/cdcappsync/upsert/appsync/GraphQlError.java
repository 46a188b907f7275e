package com.cdcappsync.upsert.appsync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Locale;

/**
 * One entry of a GraphQL response's {@code errors} array, as AppSync renders it.
 *
 * <p>AppSync puts {@code errorType} at the error's root; the Amplify simulator sometimes leaves it
 * under {@code extensions.errorType}, and the response parser reads either. The classification helpers
 * are deliberately tolerant so that the same code works against AppSync and the simulator; each
 * variant is pinned by a test.
 *
 * @param message   the error message; never null (empty when absent)
 * @param errorType AppSync's error type, e.g. {@code DynamoDB:ConditionalCheckFailedException},
 *                  {@code Unauthorized}; may be null
 * @param path      the response path the error belongs to; never null ({@link NullNode} when absent)
 */
public record GraphQlError(String message, String errorType, JsonNode path) {

    /** Normalises absent values. */
    public GraphQlError {
        message = message == null ? "" : message;
        path = path == null || path.isMissingNode() ? NullNode.getInstance() : path;
    }

    /** An error with a message and type but no path. */
    public static GraphQlError of(String message, String errorType) {
        return new GraphQlError(message, errorType, null);
    }

    /**
     * Whether a DynamoDB condition (the resolver's version guard) rejected the write: the store already
     * holds the same or a newer version, so the caller classifies the record as stale.
     *
     * @return true if {@code errorType} contains {@code ConditionalCheckFailed}, or, when
     *     {@code errorType} is absent, the message contains "conditional request failed"
     */
    public boolean isConditionalCheckFailed() {
        if (hasType()) {
            return errorType.contains("ConditionalCheckFailed");
        }
        return lowerMessage().contains("conditional request failed");
    }

    /**
     * Whether AppSync or its data source throttled the request, so a later retry may succeed.
     *
     * @return true if {@code errorType} contains (ignoring case) {@code Throttl}, {@code LimitExceeded},
     *     {@code ProvisionedThroughputExceeded} (DynamoDB's throttle) or {@code TooManyRequests}
     */
    public boolean isThrottling() {
        if (!hasType()) {
            return false;
        }
        String type = errorType.toLowerCase(Locale.ROOT);
        return type.contains("throttl") || type.contains("limitexceeded")
                || type.contains("provisionedthroughputexceeded") || type.contains("toomanyrequests");
    }

    /**
     * Whether the caller is not allowed to run this field (AppSync's field-level auth).
     *
     * @return true if {@code errorType} contains (ignoring case) {@code Unauthorized} or
     *     {@code AccessDenied}, or, when {@code errorType} is absent, the message contains "not authorized"
     */
    public boolean isUnauthorized() {
        if (hasType()) {
            String type = errorType.toLowerCase(Locale.ROOT);
            return type.contains("unauthorized") || type.contains("accessdenied");
        }
        return lowerMessage().contains("not authorized");
    }

    private boolean hasType() {
        return errorType != null && !errorType.isBlank();
    }

    private String lowerMessage() {
        return message.toLowerCase(Locale.ROOT);
    }
}
