package com.cdcappsync.upsert.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Words for a row value, and for an error about one, that never copy the value: rejection details end up in
 * logs, metrics' log lines and the connector's result topic, and row data must not.
 */
public final class Redacted {

    private Redacted() {
    }

    /** The kind and size of a value, for example {@code a JSON string of 7 characters}. */
    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof JsonNode node) {
            String type = "a JSON " + node.getNodeType().name().toLowerCase();
            if (node.isTextual()) {
                return type + " of " + node.asText().length() + " characters";
            }
            return node.isContainerNode() ? type + " of " + node.size() + " element(s)" : type;
        }
        if (value instanceof CharSequence text) {
            return "a string of " + text.length() + " characters";
        }
        return "a " + value.getClass().getSimpleName();
    }

    /** What went wrong, without the message (JDK and Jackson messages quote the input). */
    public static String cause(Throwable e) {
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            return e.getClass().getSimpleName() + " at character " + json.getLocation().getCharOffset();
        }
        return e.getClass().getSimpleName();
    }
}
