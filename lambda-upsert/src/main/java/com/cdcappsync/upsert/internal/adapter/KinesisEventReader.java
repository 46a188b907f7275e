package com.cdcappsync.upsert.internal.adapter;

import com.cdcappsync.upsert.adapter.InputItem;
import com.cdcappsync.upsert.adapter.RecordLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the Kinesis event (Debezium Server writing to Kinesis): {@code Records[].kinesis} with base64
 * {@code data} (the value) and {@code partitionKey} (the key as text). The topic is the stream name from
 * {@code eventSourceARN}; the offset is the sequence number, which names the record in a partial batch response.
 */
final class KinesisEventReader {

    private KinesisEventReader() {
    }

    static List<InputItem> read(JsonNode records) {
        List<InputItem> items = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            items.add(readOne(i, records.get(i)));
        }
        return items;
    }

    private static InputItem readOne(int index, JsonNode record) {
        JsonNode kinesis = record.path("kinesis");
        String sequence = kinesis.path("sequenceNumber").asText("?");
        String stream = streamName(record.path("eventSourceARN").asText(""));
        String shard = record.path("eventID").asText("?").split(":")[0];
        RecordLocation location = new RecordLocation(stream, shard, sequence);
        try {
            if (!kinesis.path("sequenceNumber").isTextual() || sequence.isEmpty()) {
                throw new IllegalArgumentException("kinesis.sequenceNumber must be a non-empty string, as in every "
                        + "Kinesis event Lambda sends");
            }
            JsonNode value = KafkaEventReader.base64Text(kinesis.get("data"), "kinesis.data");
            JsonNode keyNode = kinesis.get("partitionKey");
            JsonNode key = keyNode == null || keyNode.isNull() ? null : TextNode.valueOf(keyNode.asText());
            JsonNode arrival = kinesis.path("approximateArrivalTimestamp");
            if (arrival.isMissingNode()) {
                arrival = record.path("approximateArrivalTimestamp");
            }
            Long timestamp = arrival.isNumber() ? Math.round(arrival.asDouble() * 1000) : null;
            return new InputItem.SourceRecord(index, location, timestamp, key, value, Map.of());
        } catch (IllegalArgumentException e) {
            return new InputItem.Unreadable(index, location, e.getMessage());
        }
    }

    private static String streamName(String arn) {
        int slash = arn.lastIndexOf("stream/");
        return slash < 0 ? (arn.isEmpty() ? "?" : arn) : arn.substring(slash + "stream/".length());
    }
}
