package com.cdcappsync.doctor;

import com.cdcappsync.doctor.Finding.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The sink's consumer lag per partition (its group's committed offsets against the end offsets; a sink connector's
 * group is {@code connect-<name>}, https://kafka.apache.org/documentation/#connectconfigs_consumer.override.group.id)
 * and the records held on the error and dead-letter topics (end minus start offsets), with Kafka's AdminClient.
 */
final class KafkaChecks {

    private static final long TIMEOUT_SECONDS = 10;

    private final DoctorOptions options;

    KafkaChecks(DoctorOptions options) {
        this.options = options;
    }

    List<Finding> run() {
        if (options.bootstrapServers() == null) {
            return List.of(Finding.skipped("kafka", "no --bootstrap-servers given"));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(5));
        List<Finding> findings = new ArrayList<>();
        try (Admin admin = Admin.create(props)) {
            findings.add(lag(admin));
            for (String topic : options.errorTopics()) {
                findings.add(depth(admin, topic));
            }
            findings.add(new RetentionCheck(options).run(admin));
        } catch (ExecutionException | TimeoutException e) {
            findings.add(Finding.of("kafka", Status.FAIL, "Kafka at " + options.bootstrapServers()
                    + " does not answer: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            findings.add(Finding.of("kafka", Status.FAIL, "interrupted"));
        }
        return findings;
    }

    private Finding lag(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        String group = options.sinkGroup();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (committed.isEmpty()) {
            return Finding.of("kafka.lag", Status.WARN, "consumer group " + group + " has no committed offsets: "
                    + "is the sink connector registered and has it consumed yet?");
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<Sample> samples = new ArrayList<>();
        long total = 0;
        long worst = 0;
        for (var e : committed.entrySet()) {
            long lag = Math.max(0, ends.get(e.getKey()).offset() - (e.getValue() == null ? 0 : e.getValue().offset()));
            total += lag;
            worst = Math.max(worst, lag);
            samples.add(new Sample("cdc_doctor_consumer_lag_records", "end offset minus the group's committed offset",
                    Map.of("group", group, "topic", e.getKey().topic(),
                            "partition", Integer.toString(e.getKey().partition())), lag));
        }
        Status status = worst >= options.lagFail() ? Status.FAIL : worst >= options.lagWarn() ? Status.WARN : Status.OK;
        return new Finding("kafka.lag", status, "group " + group + ": " + total + " record(s) behind over "
                + committed.size() + " partition(s), at most " + worst + " on one (warn at " + options.lagWarn()
                + ", fail at " + options.lagFail() + ")", samples);
    }

    private static Finding depth(Admin admin, String topic)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, String> labels = Map.of("topic", topic);
        TopicDescription description;
        try {
            description = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Finding.of("kafka.topic." + topic, Status.OK, topic + " does not exist yet: nothing failed",
                        new Sample("cdc_doctor_error_topic_records", "records held on an error or dead-letter topic",
                                labels, 0));
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> {
            earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
            latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
        });
        var starts = admin.listOffsets(earliest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        var ends = admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long held = 0;
        for (TopicPartition tp : ends.keySet()) {
            held += ends.get(tp).offset() - starts.get(tp).offset();
        }
        return Finding.of("kafka.topic." + topic, held > 0 ? Status.WARN : Status.OK, topic + " holds " + held
                + " record(s)" + (held > 0 ? ": see the runbook, \"Replaying the error topic and the DLQ\"" : ""),
                new Sample("cdc_doctor_error_topic_records", "records held on an error or dead-letter topic",
                        labels, held));
    }
}
