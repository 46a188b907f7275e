package com.cdcappsync.connect.lambda;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * The part of Kafka Connect's task context the sink uses: the errant record reporter, which the worker hands out when
 * a dead-letter queue (or the error log) is configured (KIP-610), here keeping what was reported.
 */
final class DeadLetterContext implements SinkTaskContext {

    /** One record handed to the dead-letter queue, with the error it was handed over with. */
    record Reported(SinkRecord record, Throwable error) {
    }

    final List<Reported> reported = new CopyOnWriteArrayList<>();

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return (record, error) -> {
            reported.add(new Reported(record, error));
            return CompletableFuture.completedFuture(null);
        };
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        // Not used by the sink.
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
        // Not used by the sink.
    }

    @Override
    public void timeout(long timeoutMs) {
        // Not used by the sink.
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(TopicPartition... partitions) {
        // Not used by the sink.
    }

    @Override
    public void resume(TopicPartition... partitions) {
        // Not used by the sink.
    }

    @Override
    public void requestCommit() {
        // Not used by the sink.
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }
}
