package com.cdcappsync.upsert.internal.adapter;

import com.cdcappsync.upsert.adapter.InputItem;
import com.cdcappsync.upsert.adapter.RecordLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Confluent AWS Lambda Sink invocation: {@code [{"payload":{timestamp, topic, partition, offset,
 * key, value}}]}. Key and value may each be a JSON object, a JSON string holding JSON, or null; headers
 * (absent from Confluent's sample) are accepted as an object or as an array of {@code {key, value}}.
 */
final class ConfluentSinkReader {

    private ConfluentSinkReader() {
    }

    static List<InputItem> read(JsonNode array) {
        List<InputItem> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            items.add(readOne(i, array.get(i)));
        }
        return items;
    }

    private static InputItem readOne(int index, JsonNode element) {
        JsonNode payload = element.path("payload");
        RecordLocation location = new RecordLocation(text(payload, "topic"), text(payload, "partition"),
                text(payload, "offset"));
        if (!payload.isObject()) {
            return new InputItem.Unreadable(index, location, "element " + index
                    + " has no \"payload\" object; expected {\"payload\":{\"topic\":..,\"partition\":..,"
                    + "\"offset\":..,\"key\":..,\"value\":..}} as the Confluent AWS Lambda Sink sends");
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("topic", "partition", "offset")) {
            if (!payload.hasNonNull(field)) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            return new InputItem.Unreadable(index, location, "payload of element " + index
                    + " lacks " + missing + "; the Confluent AWS Lambda Sink always sends topic, partition and offset");
        }
        JsonNode ts = payload.path("timestamp");
        Long timestamp = ts.canConvertToLong() ? ts.asLong() : null;
        return new InputItem.SourceRecord(index, location, timestamp, nullToNull(payload.get("key")),
                nullToNull(payload.get("value")), headers(payload.get("headers")));
    }

    private static String text(JsonNode payload, String field) {
        JsonNode node = payload.path(field);
        return node.isValueNode() && !node.isNull() ? node.asText() : "?";
    }

    private static JsonNode nullToNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    /** Headers whose value is null are left out: the record's header map holds no nulls. */
    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return headers;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> putIfNotNull(headers, e.getKey(), asText(e.getValue())));
        } else if (node.isArray()) {
            for (JsonNode h : node) {
                if (h.has("key")) {
                    putIfNotNull(headers, h.get("key").asText(), asText(h.get("value")));
                }
            }
        }
        return headers;
    }

    private static void putIfNotNull(Map<String, String> headers, String key, String value) {
        if (value != null) {
            headers.put(key, value);
        }
    }

    private static String asText(JsonNode value) {
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }
}
