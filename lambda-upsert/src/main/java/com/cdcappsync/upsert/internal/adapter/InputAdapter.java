package com.cdcappsync.upsert.internal.adapter;

import com.cdcappsync.upsert.adapter.InputItem;
import com.cdcappsync.upsert.adapter.InputKind;
import com.cdcappsync.upsert.adapter.InputShapeException;
import com.cdcappsync.upsert.adapter.Invocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Turns an invocation's JSON into neutral records. Recognises the shape from the JSON itself:
 * <ul>
 *   <li>a top-level array: the Confluent AWS Lambda Sink connector;</li>
 *   <li>an object with {@code eventSource} {@code aws:kafka} or {@code SelfManagedKafka}: a Kafka event
 *       source mapping;</li>
 *   <li>an object with {@code Records[].kinesis}: a Kinesis event source mapping.</li>
 * </ul>
 * Anything else fails with {@link InputShapeException}, naming what was expected.
 */
public final class InputAdapter {

    /** Reads an invocation. Elements that cannot be read become {@link InputItem.Unreadable}, in place. */
    public Invocation read(JsonNode root) {
        if (root == null || root.isNull() || root.isMissingNode()) {
            throw new InputShapeException("The invocation is empty. " + EXPECTED);
        }
        if (root.isArray()) {
            return new Invocation(InputKind.CONFLUENT_SINK, ConfluentSinkReader.read(root));
        }
        if (root.isObject()) {
            String source = root.path("eventSource").asText("");
            if (source.equals("aws:kafka") || source.equals("SelfManagedKafka")) {
                return new Invocation(InputKind.KAFKA_EVENT, KafkaEventReader.read(root));
            }
            JsonNode records = root.path("Records");
            if (records.isArray() && (records.isEmpty() || records.get(0).has("kinesis"))) {
                return new Invocation(InputKind.KINESIS_EVENT, KinesisEventReader.read(records));
            }
            throw new InputShapeException("Unrecognised invocation: an object with fields " + fieldNames(root)
                    + (source.isEmpty() ? "" : " and eventSource '" + source + "'") + ". " + EXPECTED);
        }
        throw new InputShapeException("Unrecognised invocation: a JSON " + root.getNodeType().name().toLowerCase()
                + ". " + EXPECTED);
    }

    private static final String EXPECTED = "Expected one of: a JSON array of {\"payload\":{...}} (Confluent AWS "
            + "Lambda Sink connector), an object with \"eventSource\":\"aws:kafka\" or \"SelfManagedKafka\" "
            + "(Kafka event source mapping), or an object with \"Records\":[{\"kinesis\":{...}}] (Kinesis).";

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext() && names.size() < 10; ) {
            names.add(it.next());
        }
        return names;
    }
}
