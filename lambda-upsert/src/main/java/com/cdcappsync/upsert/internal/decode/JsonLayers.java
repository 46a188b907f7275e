package com.cdcappsync.upsert.internal.decode;

import com.cdcappsync.upsert.internal.Redacted;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Peels string layers off a key or value: a StringConverter delivers JSON inside a JSON string, and
 * some renderings nest it again. Stops at the first layer that is not a string holding JSON.
 */
final class JsonLayers {

    /** More than this many layers is not a rendering we know; it is reported rather than looped on. */
    static final int MAX_LAYERS = 4;

    private final ObjectMapper mapper;

    JsonLayers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The innermost JSON, or null for null. A string that does not hold a JSON object or array is returned
     * as the string node itself (a plain text key, for example).
     */
    JsonNode unwrap(JsonNode node, String what) {
        JsonNode current = node;
        for (int layer = 0; current != null && current.isTextual(); layer++) {
            if (layer == MAX_LAYERS) {
                throw new DecodeException(what + " is JSON nested in strings more than " + MAX_LAYERS
                        + " times; expected an object or a JSON string holding one");
            }
            String text = current.asText().strip();
            if (text.isEmpty() || "null".equals(text)) {
                return null;
            }
            char first = text.charAt(0);
            if (first != '{' && first != '[' && first != '"') {
                return current;
            }
            try {
                current = mapper.readTree(text);
            } catch (JsonProcessingException e) {
                throw new DecodeException(what + " is a string that starts like JSON but does not parse ("
                        + Redacted.cause(e) + "); expected the JSON text of a Debezium "
                        + (what.startsWith("key") ? "key" : "change event"), e);
            }
        }
        return current == null || current.isNull() ? null : current;
    }
}
