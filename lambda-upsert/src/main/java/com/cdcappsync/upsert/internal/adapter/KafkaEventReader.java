package com.cdcappsync.upsert.internal.adapter;

import com.cdcappsync.upsert.adapter.InputItem;
import com.cdcappsync.upsert.adapter.RecordLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the MSK / self-managed Kafka event: {@code records} keyed by {@code "topic-partition"}, each record
 * with base64 {@code key} and {@code value} and headers as {@code [{"name":[byte,...]}]}.
 *
 * <p>The decoded bytes are handed on as JSON text; the decoder parses it. A record without an integer
 * {@code partition} and {@code offset} is unreadable: the partial batch response could not name it
 * (see {@link com.cdcappsync.upsert.internal.response.ResponseWriter}).
 */
final class KafkaEventReader {

    private KafkaEventReader() {
    }

    static List<InputItem> read(JsonNode root) {
        List<InputItem> items = new ArrayList<>();
        JsonNode records = root.path("records");
        for (Iterator<Map.Entry<String, JsonNode>> it = records.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> group = it.next();
            for (JsonNode record : group.getValue()) {
                items.add(readOne(items.size(), group.getKey(), record));
            }
        }
        return items;
    }

    private static InputItem readOne(int index, String groupKey, JsonNode record) {
        String topic = record.path("topic").asText(groupKey);
        RecordLocation location = new RecordLocation(topic, record.path("partition").asText("?"),
                record.path("offset").asText("?"));
        try {
            requireInteger(record, "partition");
            requireInteger(record, "offset");
            JsonNode key = base64Text(record.get("key"), "key");
            JsonNode value = base64Text(record.get("value"), "value");
            JsonNode ts = record.path("timestamp");
            return new InputItem.SourceRecord(index, location, ts.canConvertToLong() ? ts.asLong() : null, key,
                    value, headers(record.path("headers")));
        } catch (IllegalArgumentException e) {
            return new InputItem.Unreadable(index, location, e.getMessage());
        }
    }

    private static void requireInteger(JsonNode record, String field) {
        JsonNode node = record.path(field);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            throw new IllegalArgumentException("record " + field + " must be a non-negative JSON integer, as in "
                    + "every Kafka event Lambda sends; got " + (node.isMissingNode() ? "nothing"
                    : node.isNumber() ? "the number " + node.asText() : "a JSON " + node.getNodeType().name()
                    .toLowerCase()));
        }
    }

    static JsonNode base64Text(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("record " + field + " must be a base64 string, got a JSON "
                    + node.getNodeType().name().toLowerCase());
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(node.asText());
            return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("record " + field + " is not valid base64: " + e.getMessage(), e);
        }
    }

    /** A header with a null value is left out (as in the Confluent reader), not rendered as "null". */
    private static Map<String, String> headers(JsonNode headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode header : headers) {
            header.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    out.put(e.getKey(), bytesToText(e.getValue()));
                }
            });
        }
        return out;
    }

    private static String bytesToText(JsonNode bytes) {
        if (!bytes.isArray()) {
            return bytes.asText();
        }
        byte[] raw = new byte[bytes.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) bytes.get(i).asInt();
        }
        return new String(raw, StandardCharsets.UTF_8);
    }
}
