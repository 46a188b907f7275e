package com.cdcappsync.upsert.internal.response;

import com.cdcappsync.upsert.adapter.InputItem;
import com.cdcappsync.upsert.adapter.InputKind;
import com.cdcappsync.upsert.adapter.RecordLocation;
import com.cdcappsync.upsert.response.RecordOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Optional;

/**
 * Writes the function's answer in the shape its caller expects:
 * <ul>
 *   <li>Confluent AWS Lambda Sink (sync): an array aligned with the input, one
 *       {@code {"payload":{timestamp, topic, partition, offset, result}}} per record, where {@code result}
 *       is {@code {"status": .., "reason": .., "detail": ..}}; the connector writes each to its result topic;</li>
 *   <li>event source mappings: {@code {"batchItemFailures":[{"itemIdentifier": ..}]}} listing the records to
 *       retry (failed ones, and rejected ones when {@code failOnRejected}); see {@link #itemIdentifier} for the
 *       identifier each source expects.</li>
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
        return kind == InputKind.CONFLUENT_SINK ? confluent(items, outcomes) : batchItemFailures(kind, outcomes,
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
        result.put("status", outcome.status().label());
        switch (outcome) {
            case RecordOutcome.Applied a -> result.put("item", a.itemKey()).put("version", a.version());
            case RecordOutcome.Stale s -> result.put("reason", s.reason());
            case RecordOutcome.Ignored i -> result.put("reason", i.reason());
            case RecordOutcome.Rejected r -> result.put("reason", r.reason().code()).put("detail", r.detail());
            case RecordOutcome.Failed f -> result.put("reason", f.reason());
        }
        return result;
    }

    /**
     * How a record is named in {@code batchItemFailures[].itemIdentifier}; empty when its location was not
     * readable enough to name it (the invocation must then fail as a whole, since Lambda treats a missing or
     * malformed identifier as a failure of the whole batch).
     * <ul>
     *   <li>Kafka (Amazon MSK and self-managed): an <b>object</b>
     *       {@code {"partition": "<topic>-<partition>", "offset": <offset as a number>}}. AWS documents that
     *       partial batch responses exist for Kafka event source mappings in provisioned mode
     *       (https://docs.aws.amazon.com/lambda/latest/dg/kafka-retry-configurations.html); the identifier's
     *       shape is the one AWS's own libraries send: Powertools for AWS Lambda (Python),
     *       {@code aws_lambda_powertools/utilities/batch/types.py} {@code KafkaItemIdentifier} and
     *       {@code base.py} {@code _collect_kafka_failures} (aws-powertools/powertools-lambda-python#7941),
     *       and {@code KafkaItemIdentifier} in aws/aws-lambda-rust-runtime ({@code lambda-events/src/event/kafka},
     *       PR #1164).</li>
     *   <li>Kinesis: the record's {@code kinesis.sequenceNumber} as a <b>string</b>
     *       (https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchfailurereporting.html,
     *       "Report syntax").</li>
     * </ul>
     *
     * @param kind     the invocation's shape; the Confluent connector has no partial batch response
     * @param location where the record came from, as the adapter read it
     */
    public Optional<JsonNode> itemIdentifier(InputKind kind, RecordLocation location) {
        return switch (kind) {
            case KAFKA_EVENT -> {
                long offset = location.offsetAsLong();
                boolean named = offset >= 0 && location.partition().matches("\\d{1,10}")
                        && !location.topic().equals("?");
                yield named ? Optional.of(mapper.createObjectNode()
                        .put("partition", location.topic() + "-" + location.partition()).put("offset", offset))
                        : Optional.empty();
            }
            case KINESIS_EVENT -> location.offset().isEmpty() || location.offset().equals("?") ? Optional.empty()
                    : Optional.of(TextNode.valueOf(location.offset()));
            case CONFLUENT_SINK -> Optional.empty();
        };
    }

    private ObjectNode batchItemFailures(InputKind kind, List<RecordOutcome> outcomes, boolean failOnRejected) {
        ObjectNode response = mapper.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (RecordOutcome outcome : outcomes) {
            if (outcome.status().mustRetry(failOnRejected)) {
                JsonNode id = itemIdentifier(kind, outcome.location()).orElseThrow(() -> new IllegalStateException(
                        "record " + outcome.location() + " cannot be named in batchItemFailures; the caller must "
                                + "fail the invocation instead (see UpsertPipeline.handle)"));
                failures.addObject().set("itemIdentifier", id);
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
