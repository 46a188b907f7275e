package com.cdcappsync.upsert.internal.mapping;

import com.cdcappsync.upsert.internal.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Sizes of values as DynamoDB and a subscription message count them, each an upper bound, and the UTF-8 cut of
 * {@code maxBytes}. Never reads a value into a message: callers get numbers only.
 */
final class ValueSizes {

    /** {@code \}{@code u00XX}: the longest escape of one UTF-16 unit in JSON. */
    private static final int ESCAPED_UNIT = 6;

    private ValueSizes() {
    }

    /** The UTF-8 length of {@code text}; a lone surrogate counts 3 bytes, as its (CESU) encoding takes. */
    static long utf8(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            bytes += utf8(cp);
            i += Character.charCount(cp);
        }
        return bytes;
    }

    private static int utf8(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    /**
     * The longest prefix of {@code text} whose UTF-8 encoding takes at most {@code maxBytes}, ending at a code point
     * boundary (a surrogate pair is kept or cut whole).
     */
    static String cut(String text, int maxBytes) {
        long bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            bytes += utf8(cp);
            if (bytes > maxBytes) {
                return text.substring(0, i);
            }
            i += Character.charCount(cp);
        }
        return text;
    }

    /**
     * An upper bound of a JSON string's length in UTF-8, quotes included, whatever the serializer escapes: {@code "}
     * and {@code \} take 2 bytes; control characters, the HTML-sensitive {@code < > & = '} (escaped by HTML-safe
     * serializers such as Gson's default) and every non-ASCII UTF-16 unit 6 ({@code \}{@code uXXXX}, so a character
     * outside the BMP 12); other ASCII 1.
     */
    static long jsonString(String text) {
        long bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c == '"' || c == '\\' ? 2
                    : c < 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '&' || c == '=' || c == '\'' ? ESCAPED_UNIT
                    : 1;
        }
        return bytes;
    }

    /** An upper bound of a value's length as JSON in a subscription message. */
    static long json(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return 4;
        }
        if (value.isTextual()) {
            return jsonString(value.asText());
        }
        if (value.isNumber()) {
            return Math.max(SizeLimits.JSON_NUMBER_BYTES, value.asText().length());
        }
        if (value.isBoolean()) {
            return 5;
        }
        long bytes = 2;
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                bytes += jsonString(e.getKey()) + 1 + json(e.getValue()) + 1;
            }
        } else {
            for (JsonNode element : value) {
                bytes += json(element) + 1;
            }
        }
        return bytes;
    }

    /**
     * An upper bound of a value's DynamoDB size without its attribute name (CapacityUnitCalculations: strings are
     * their UTF-8 bytes, numbers at most {@link SizeLimits#DYNAMODB_NUMBER_BYTES}, booleans and null 1, lists and
     * maps 3 plus 1 per element). Text that is a JSON object or array (an {@code AWSJSON} value, which AppSync
     * stores as a map or list) counts as the larger of the text and the map.
     */
    static long dynamoDb(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode() || value.isBoolean()) {
            return 1;
        }
        if (value.isTextual()) {
            String text = value.asText();
            long bytes = utf8(text);
            JsonNode parsed = jsonContainer(text);
            return parsed == null ? bytes : Math.max(bytes, dynamoDb(parsed));
        }
        if (value.isNumber()) {
            return SizeLimits.DYNAMODB_NUMBER_BYTES;
        }
        long bytes = 3;
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                bytes += 1 + utf8(e.getKey()) + dynamoDb(e.getValue());
            }
        } else {
            for (JsonNode element : value) {
                bytes += 1 + dynamoDb(element);
            }
        }
        return bytes;
    }

    /** The object or array {@code text} holds, or null when it holds none (most text: parsed only on a brace). */
    private static JsonNode jsonContainer(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.charAt(0) != '{' && trimmed.charAt(0) != '[') {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(trimmed);
            return node != null && node.isContainerNode() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
