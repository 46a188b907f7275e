package com.cdcappsync.doctor.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Finds where a record held on an error topic or dead-letter queue came from.
 * <ul>
 * <li>Kafka Connect's dead-letter queue keeps the original key and value bytes and, with
 * {@code errors.deadletterqueue.context.headers.enable=true} (the shipped sink sets it), adds headers naming the
 * original record: {@code __connect.errors.topic}, {@code .partition}, {@code .offset}, then the connector, task,
 * stage and exception (Kafka's {@code DeadLetterQueueReporter}, apache/kafka
 * connect/runtime/src/main/java/org/apache/kafka/connect/runtime/errors/DeadLetterQueueReporter.java;
 * https://kafka.apache.org/documentation/#sinkconnectorconfigs_errors.deadletterqueue.context.headers.enable).
 * Replayed: the same bytes, to the topic and partition of those headers, without them.</li>
 * <li>The Lambda sink's error topic ({@code reporter.error.topic.name}, written with
 * {@code behavior.on.error=log}) holds no copy of the record, only its coordinates and the error: a JSON string whose
 * text is {@code {"timestamp","offset","partition","topic","error":{...}}}, the form of the result topic's records
 * (kafka-connect-lambda-sink/README.md, contract table). Read too: the same object unquoted, and the stand-in's
 * earlier {@code {"payload":{...}}}. The original is read back from that topic, partition and offset, and replayed
 * as it was, headers included.</li>
 * </ul>
 */
final class OriginResolver {

    static final String HEADER_PREFIX = "__connect.errors.";
    static final String TOPIC_HEADER = HEADER_PREFIX + "topic";
    static final String PARTITION_HEADER = HEADER_PREFIX + "partition";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Consumer<byte[], byte[]> originals;
    private final String to;
    private final Duration timeout;

    /**
     * @param originals a consumer without a group, to read originals back
     * @param to        {@code --to}: the one target topic, or null for each record's own
     */
    OriginResolver(Consumer<byte[], byte[]> originals, String to, Duration timeout) {
        this.originals = originals;
        this.to = to;
        this.timeout = timeout;
    }

    Origin resolve(ConsumerRecord<byte[], byte[]> held) {
        Header topic = held.headers().lastHeader(TOPIC_HEADER);
        if (topic != null) {
            Integer partition = to != null ? null : partitionHeader(held);
            return new Origin.Target(to != null ? to : utf8(topic.value()), partition, held.key(), held.value(),
                    withoutConnectHeaders(held.headers()), held.timestamp(), "dead-letter record of "
                    + utf8(topic.value()) + "/" + text(held.headers().lastHeader(PARTITION_HEADER)) + "@"
                    + text(held.headers().lastHeader(HEADER_PREFIX + "offset")));
        }
        JsonNode entry = errorEntry(held.value());
        if (entry != null) {
            return original(new TopicPartition(entry.get("topic").asText(), entry.get("partition").asInt()),
                    entry.get("offset").asLong());
        }
        if (to != null) {
            return new Origin.Target(to, null, held.key(), held.value(), withoutConnectHeaders(held.headers()),
                    held.timestamp(), "record");
        }
        return new Origin.Refused("no target: it has no " + TOPIC_HEADER + " header (Kafka Connect's dead-letter "
                + "queue adds it with errors.deadletterqueue.context.headers.enable=true) and is not the Lambda sink's "
                + "error message {\"timestamp\",\"offset\",\"partition\",\"topic\",\"error\"}. Fix: give --to "
                + "TOPIC to send such records to one topic");
    }

    /**
     * The Lambda sink's error message in {@code value}, or null: the object with topic, partition, offset and error,
     * found in a JSON string's text (the sink's form), as a bare object, or under {@code payload} (its earlier form).
     */
    static JsonNode errorEntry(byte[] value) {
        JsonNode node = json(value);
        if (node.isTextual()) {
            node = json(node.asText().getBytes(StandardCharsets.UTF_8));
        }
        if (node.path("payload").isObject()) {
            node = node.get("payload");
        }
        boolean entry = node.path("topic").isTextual() && node.path("partition").canConvertToInt()
                && node.path("offset").canConvertToLong() && node.has("error");
        return entry ? node : null;
    }

    /** The original record at {@code tp}/{@code offset}, read back; refused when retention or compaction took it. */
    private Origin original(TopicPartition tp, long offset) {
        String where = tp.topic() + "/" + tp.partition() + "@" + offset;
        if (originals.partitionsFor(tp.topic(), timeout).stream().noneMatch(p -> p.partition() == tp.partition())) {
            return new Origin.Refused("its original " + where + " names a partition that does not exist");
        }
        long start = originals.beginningOffsets(List.of(tp), timeout).get(tp);
        long end = originals.endOffsets(List.of(tp), timeout).get(tp);
        if (offset < start || offset >= end) {
            return new Origin.Refused("its original " + where + " is no longer on the topic (it holds offsets "
                    + start + " to " + (end - 1) + "; retention removed it): re-snapshot the table instead "
                    + "(RUNBOOK.md, \"Re-snapshot\")");
        }
        originals.assign(List.of(tp));
        originals.seek(tp, offset);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : originals.poll(Duration.ofMillis(200)).records(tp)) {
                if (record.offset() == offset) {
                    return new Origin.Target(to != null ? to : tp.topic(), to != null ? null : tp.partition(),
                            record.key(), record.value(), withoutConnectHeaders(record.headers()),
                            record.timestamp(), "error-topic entry for " + where);
                }
                if (record.offset() > offset) {
                    return new Origin.Refused("its original " + where + " was compacted away: re-snapshot the "
                            + "table instead (RUNBOOK.md, \"Re-snapshot\")");
                }
            }
        }
        return new Origin.Refused("its original " + where + " could not be read within " + timeout.toSeconds()
                + " s");
    }

    private static Integer partitionHeader(ConsumerRecord<byte[], byte[]> held) {
        try {
            return Integer.valueOf(text(held.headers().lastHeader(PARTITION_HEADER)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Headers withoutConnectHeaders(Headers headers) {
        RecordHeaders kept = new RecordHeaders();
        for (Header header : headers) {
            if (!header.key().startsWith(HEADER_PREFIX)) {
                kept.add(header.key(), header.value());
            }
        }
        return kept;
    }

    private static JsonNode json(byte[] value) {
        try {
            JsonNode node = value == null || value.length == 0 ? null : MAPPER.readTree(value);
            return node == null ? MAPPER.missingNode() : node;
        } catch (IOException e) {
            return MAPPER.missingNode();
        }
    }

    private static String text(Header header) {
        return header == null ? "?" : utf8(header.value());
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
