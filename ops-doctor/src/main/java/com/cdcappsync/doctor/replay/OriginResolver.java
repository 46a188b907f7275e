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
 * <li>The Lambda sink's error topic ({@code reporter.error.topic.name}) holds no copy of the record, only
 * {@code {"payload":{"timestamp","topic","partition","offset","error":{...}}}} (kafka-connect-lambda-sink/README.md):
 * the original is read back from that topic, partition and offset, and replayed as it was, headers included.</li>
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
        JsonNode payload = json(held.value()).path("payload");
        if (payload.path("topic").isTextual() && payload.path("partition").canConvertToInt()
                && payload.path("offset").canConvertToLong() && payload.has("error")) {
            return original(new TopicPartition(payload.get("topic").asText(), payload.get("partition").asInt()),
                    payload.get("offset").asLong());
        }
        if (to != null) {
            return new Origin.Target(to, null, held.key(), held.value(), withoutConnectHeaders(held.headers()),
                    held.timestamp(), "record");
        }
        return new Origin.Refused("no target: it has no " + TOPIC_HEADER + " header (Kafka Connect's dead-letter "
                + "queue adds it with errors.deadletterqueue.context.headers.enable=true) and is not the Lambda sink's "
                + "error message {\"payload\":{\"topic\",\"partition\",\"offset\",\"error\"}}. Fix: give --to TOPIC "
                + "to send such records to one topic");
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
