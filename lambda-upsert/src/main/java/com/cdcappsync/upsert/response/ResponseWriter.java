package com.cdcappsync.upsert.response;

import com.cdcappsync.upsert.adapter.InputItem;
import com.cdcappsync.upsert.adapter.InputKind;
import com.cdcappsync.upsert.adapter.RecordLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes the function's answer in the shape its caller expects:
 * <ul>
 *   <li>Confluent AWS Lambda Sink (sync): an array aligned with the input, one
 *       {@code {"payload":{timestamp, topic, partition, offset, result}}} per record, where {@code result}
 *       is {@code {"status": .., "reason": .., "detail": ..}}; the connector writes each to its result topic;</li>
 *   <li>event source mappings: {@code {"batchItemFailures":[{"itemIdentifier": ..}]}} listing the records to
 *       retry (failed ones, and rejected ones when {@code failOnRejected}).</li>
 * </ul>
 */
public final class ResponseWriter {

    private final ObjectMapper mapper;

    public ResponseWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The answer for an invocation.
     *
     * @param kind           the invocation's shape
     * @param items          the invocation's items, in input order
     * @param outcomes       one outcome per item, in input order
     * @param failOnRejected whether rejected records count as failures
     */
    public JsonNode write(InputKind kind, List<InputItem> items, List<RecordOutcome> outcomes, boolean failOnRejected) {
        return kind == InputKind.CONFLUENT_SINK ? confluent(items, outcomes) : batchItemFailures(items, outcomes,
                failOnRejected);
    }

    private ArrayNode confluent(List<InputItem> items, List<RecordOutcome> outcomes) {
        ArrayNode array = mapper.createArrayNode();
        for (RecordOutcome outcome : outcomes) {
            ObjectNode payload = array.addObject().putObject("payload");
            InputItem item = items.get(outcome.index());
            Long timestamp = item instanceof InputItem.SourceRecord r ? r.timestampMs() : null;
            if (timestamp == null) {
                payload.putNull("timestamp");
            } else {
                payload.put("timestamp", timestamp);
            }
            RecordLocation location = outcome.location();
            payload.put("topic", location.topic());
            putNumberOrText(payload, "partition", location.partition());
            putNumberOrText(payload, "offset", location.offset());
            payload.set("result", result(outcome));
        }
        return array;
    }

    /** The per-record result: status, and for everything but applied, why. */
    public ObjectNode result(RecordOutcome outcome) {
        ObjectNode result = mapper.createObjectNode();
        result.put("status", outcome.status());
        switch (outcome) {
            case RecordOutcome.Applied a -> result.put("item", a.itemKey()).put("version", a.version());
            case RecordOutcome.Stale s -> result.put("reason", s.reason());
            case RecordOutcome.Ignored i -> result.put("reason", i.reason());
            case RecordOutcome.Rejected r -> result.put("reason", r.reason().code()).put("detail", r.detail());
            case RecordOutcome.Failed f -> result.put("reason", f.reason());
        }
        return result;
    }

    private ObjectNode batchItemFailures(List<InputItem> items, List<RecordOutcome> outcomes, boolean failOnRejected) {
        ObjectNode response = mapper.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (RecordOutcome outcome : outcomes) {
            boolean retry = outcome instanceof RecordOutcome.Failed
                    || failOnRejected && outcome instanceof RecordOutcome.Rejected;
            if (retry) {
                failures.addObject().put("itemIdentifier", items.get(outcome.index()).itemIdentifier());
            }
        }
        return response;
    }

    private static void putNumberOrText(ObjectNode node, String field, String value) {
        try {
            node.put(field, Long.parseLong(value));
        } catch (NumberFormatException e) {
            node.put(field, value);
        }
    }
}
