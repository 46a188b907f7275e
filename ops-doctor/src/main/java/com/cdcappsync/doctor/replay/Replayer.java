package com.cdcappsync.doctor.replay;

import com.cdcappsync.doctor.TombstoneLifetime;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * One replay run: each partition of {@code --from} from the group's committed offset (or its start) up to the end
 * offset seen at the start, in order; every record resolved ({@link OriginResolver}), written and acknowledged
 * before the next; then the group committed at the first record not replayed, and with
 * {@code --delete-replayed} the records before it deleted. A refused record stops its partition (what follows it
 * waits for the next run), never the others.
 */
final class Replayer {

    /** What a run did. */
    record Summary(int replayed, int refused, Map<TopicPartition, Long> committed, boolean deleted) {

        String describe(ReplayOptions options) {
            String verb = options.dryRun() ? "would replay " : "replayed ";
            StringBuilder text = new StringBuilder(verb + replayed + " record(s), refused " + refused);
            if (options.dryRun()) {
                text.append("; dry run: nothing written, committed or deleted");
            } else if (!committed.isEmpty()) {
                text.append("; group ").append(options.group()).append(" committed at ").append(offsets(committed));
            }
            if (deleted) {
                text.append("; records up to the group's offsets deleted from ").append(options.from());
            } else if (!options.dryRun() && replayed > 0) {
                text.append("; ").append(options.from()).append(" still holds them: rerun with --delete-replayed "
                        + "to delete what the group has replayed");
            }
            return text.toString();
        }
    }

    private final ReplayOptions options;
    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final Admin admin;
    private final OriginResolver resolver;
    private final PrintWriter out;
    private final Map<TopicPartition, Long> next = new LinkedHashMap<>();
    private final Set<TopicPartition> stopped = new HashSet<>();
    private final Map<TopicPartition, Long> startPositions = new LinkedHashMap<>();
    private int replayed;
    private int refused;

    Replayer(ReplayOptions options, Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer,
             Admin admin, OriginResolver resolver, PrintWriter out) {
        this.options = options;
        this.consumer = consumer;
        this.producer = producer;
        this.admin = admin;
        this.resolver = resolver;
        this.out = out;
    }

    Summary run() {
        Map<TopicPartition, Long> ends = positionAll();
        long deadline = System.nanoTime() + options.timeout().toNanos();
        Set<TopicPartition> pending = new HashSet<>(ends.keySet());
        pending.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
        while (!pending.isEmpty() && replayed < options.max() && System.nanoTime() < deadline) {
            var records = consumer.poll(Duration.ofMillis(200));
            for (TopicPartition tp : records.partitions()) {
                for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
                    if (record.offset() < ends.get(tp) && !stopped.contains(tp) && replayed < options.max()) {
                        handle(tp, record);
                    }
                }
            }
            pending.removeIf(tp -> stopped.contains(tp) || consumer.position(tp) >= ends.get(tp));
        }
        if (!pending.isEmpty() && replayed < options.max()) {
            throw new IllegalArgumentException("timed out after " + options.timeout().toSeconds() + " s reading "
                    + options.from() + " (" + replayed + " record(s) replayed, not committed): rerun, or raise "
                    + "--timeout");
        }
        if (!options.dryRun() && !next.isEmpty()) {
            Map<TopicPartition, OffsetAndMetadata> commit = new LinkedHashMap<>();
            next.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset, "bin/doctor replay")));
            consumer.commitSync(commit, options.timeout());
        }
        boolean deleted = !options.dryRun() && options.deleteReplayed() && delete();
        return new Summary(replayed, refused, Map.copyOf(next), deleted);
    }

    /** Assigns every partition of --from at its start position; the end offsets, as seen now. */
    private Map<TopicPartition, Long> positionAll() {
        List<TopicPartition> partitions = new ArrayList<>();
        var infos = consumer.partitionsFor(options.from(), options.timeout());
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("--from " + options.from() + ": no such topic at "
                    + options.bootstrapServers());
        }
        infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, options.timeout());
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, options.timeout());
        Map<TopicPartition, OffsetAndMetadata> committed = options.fromBeginning() ? Map.of()
                : consumer.committed(Set.copyOf(partitions), options.timeout());
        consumer.assign(partitions);
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata mark = committed.get(tp);
            long start = Math.max(starts.get(tp), mark == null ? 0 : mark.offset());
            consumer.seek(tp, start);
            startPositions.put(tp, start);
            out.println(tp + ": " + (start >= ends.get(tp) ? "nothing to replay" : "offsets " + start + " to "
                    + (ends.get(tp) - 1) + " to replay") + (mark == null ? "" : " (group " + options.group()
                    + " committed " + mark.offset() + ")"));
        }
        return ends;
    }

    private void handle(TopicPartition tp, ConsumerRecord<byte[], byte[]> held) {
        String where = tp.topic() + "/" + tp.partition() + "@" + held.offset();
        Origin origin = resolver.resolve(held);
        if (origin instanceof Origin.Target target && tooOld(target)) {
            origin = new Origin.Refused("its original record is from " + java.time.Instant.ofEpochMilli(
                    target.timestamp()) + ", older than the tombstone lifetime ("
                    + TombstoneLifetime.human(options.tombstoneLifetime().get()) + ", "
                    + options.tombstoneLifetime().source() + "): replayed, it could bring a deleted row back. "
                    + "Re-snapshot the table instead (RUNBOOK.md), or give --allow-older-than-tombstone-ttl");
        }
        switch (origin) {
            case Origin.Refused r -> refuse(tp, where, r.reason());
            case Origin.Target target -> {
                if (options.dryRun()) {
                    out.println("WOULD REPLAY " + where + " (" + target.what() + ") -> " + target.topic()
                            + (target.partition() == null ? "" : "/" + target.partition()) + describe(target));
                } else {
                    try {
                        RecordMetadata written = producer.send(new ProducerRecord<>(target.topic(),
                                target.partition(), null, target.key(), target.value(), target.headers()))
                                .get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
                        out.println("REPLAYED " + where + " (" + target.what() + ") -> " + written.topic() + "/"
                                + written.partition() + "@" + written.offset() + describe(target));
                    } catch (ExecutionException | TimeoutException | KafkaException e) {
                        refuse(tp, where, "writing it to " + target.topic() + " failed: " + e.getMessage());
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        refuse(tp, where, "interrupted");
                        return;
                    }
                }
                next.put(tp, held.offset() + 1);
                replayed++;
            }
        }
        out.flush();
    }

    private boolean tooOld(Origin.Target target) {
        return !options.allowOld() && target.timestamp() >= 0 && target.timestamp()
                < System.currentTimeMillis() - options.tombstoneLifetime().get().toMillis();
    }

    private void refuse(TopicPartition tp, String where, String reason) {
        out.println("REFUSED " + where + ": " + reason + ". " + tp + " stops here; later records wait.");
        stopped.add(tp);
        consumer.pause(List.of(tp));
        refused++;
    }

    /** Deletes, per partition, the records before the first one not replayed (by this run or an earlier one). */
    private boolean delete() {
        Map<TopicPartition, RecordsToDelete> before = new LinkedHashMap<>();
        startPositions.forEach((tp, start) -> before.put(tp, RecordsToDelete.beforeOffset(next.getOrDefault(tp,
                start))));
        try {
            admin.deleteRecords(before).all().get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalArgumentException("replayed and committed, but deleting the records from "
                    + options.from() + " failed: " + e.getMessage() + " (the topic may be compacted: DeleteRecords "
                    + "needs cleanup.policy=delete); the doctor keeps counting them", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(Origin.Target target) {
        int headers = target.headers().toArray().length;
        return " (key " + length(target.key()) + " B, value " + length(target.value()) + " B, " + headers
                + " header(s))";
    }

    private static String length(byte[] bytes) {
        return bytes == null ? "null" : Integer.toString(bytes.length);
    }

    private static String offsets(Map<TopicPartition, Long> offsets) {
        StringBuilder text = new StringBuilder();
        offsets.forEach((tp, offset) -> text.append(text.isEmpty() ? "" : ", ").append(tp).append('@')
                .append(offset));
        return text.toString();
    }
}
