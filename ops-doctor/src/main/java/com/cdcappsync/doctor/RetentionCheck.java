package com.cdcappsync.doctor;

import com.cdcappsync.doctor.Finding.Sample;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * {@code kafka.retention}: no topic whose records can reach the function again (the mapped tables' topics, a
 * replay of the error topic or DLQ, a connector reset to old offsets) keeps a record longer than a tombstone lives.
 * Past the tombstone's lifetime, DynamoDB's TTL removes it and an older upsert of the deleted row recreates the item
 * (RUNBOOK.md, "Tombstone lifetime"). Kafka deletes a whole segment once its newest record is older than
 * {@code retention.ms}, so a record can stay up to {@code retention.ms + segment.ms}
 * (https://kafka.apache.org/documentation/#topicconfigs_retention.ms,
 * https://kafka.apache.org/documentation/#topicconfigs_segment.ms): that sum is compared with the lifetime.
 * Compacted-only topics ({@code cleanup.policy=compact}) are not time-bounded: reported, not compared.
 */
final class RetentionCheck {

    static final String CHECK = "kafka.retention";
    private static final long TIMEOUT_SECONDS = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DoctorOptions options;

    RetentionCheck(DoctorOptions options) {
        this.options = options;
    }

    Finding run(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        Duration lifetime = options.tombstoneLifetime().get();
        List<Sample> samples = new ArrayList<>(List.of(new Sample("cdc_doctor_tombstone_ttl_seconds",
                "how long a deleted row's tombstone item lives (" + options.tombstoneLifetime().source() + ")",
                Map.of(), lifetime.toSeconds())));
        List<String> notes = new ArrayList<>();
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> topics = new ArrayList<>(topics(notes));
        topics.removeIf(t -> !existing.contains(t));
        if (topics.isEmpty()) {
            return new Finding(CHECK, Status.SKIPPED, String.join("; ", notes) + (notes.isEmpty() ? "" : "; ")
                    + "none of the topics exists yet", samples);
        }
        List<ConfigResource> resources = topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> tooLong = new ArrayList<>();
        for (ConfigResource resource : resources) {
            Config config = configs.get(resource);
            long retention = Long.parseLong(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
            long segment = Long.parseLong(config.get(TopicConfig.SEGMENT_MS_CONFIG).value());
            String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            samples.add(new Sample("cdc_doctor_topic_retention_seconds", "retention.ms of a topic whose records "
                    + "can reach the function again, in seconds (-1: forever)", Map.of("topic", resource.name()),
                    retention < 0 ? -1 : retention / 1000));
            if (!policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
                notes.add(resource.name() + " is compacted only (cleanup.policy=" + policy + "): not time-bounded");
            } else if (retention < 0 || retention + segment > lifetime.toMillis()) {
                tooLong.add(tooLong(resource.name(), retention, segment, lifetime));
            }
        }
        String lifetimeText = "tombstone lifetime " + TombstoneLifetime.human(lifetime) + " ("
                + options.tombstoneLifetime().source() + ")";
        if (!tooLong.isEmpty()) {
            return new Finding(CHECK, Status.WARN, String.join("\n", tooLong) + "\nOlder records replayed or re-read "
                    + "(connector reset, replay) find no tombstone and bring deleted rows back; see RUNBOOK.md, "
                    + "\"Tombstone lifetime\"", samples);
        }
        notes.add(0, topics.size() + " topic(s) keep records at most retention.ms + segment.ms, within the "
                + lifetimeText);
        return new Finding(CHECK, Status.OK, String.join("; ", notes), samples);
    }

    private String tooLong(String topic, long retention, long segment, Duration lifetime) {
        long fixed = lifetime.toMillis() - segment;
        String fix = fixed > 0 ? "kafka-configs.sh --bootstrap-server " + options.bootstrapServers()
                + " --alter --entity-type topics --entity-name " + topic + " --add-config retention.ms=" + fixed
                : "lower segment.ms below the lifetime first (kafka-configs.sh ... --add-config segment.ms=...)";
        return topic + " keeps records " + (retention < 0 ? "forever (retention.ms=-1)" : "up to "
                + TombstoneLifetime.human(Duration.ofMillis(retention + segment)) + " (retention.ms=" + retention
                + " + segment.ms=" + segment + ")") + ", longer than the tombstone lifetime "
                + TombstoneLifetime.human(lifetime) + ". Fix: " + fix + ", or raise $ttlSeconds in "
                + "graphql-schema/resolvers/delete.request.vtl (and --tombstone-ttl here)";
    }

    /** The mapped tables' topics (PREFIX.schema.table), then the error and dead-letter topics. */
    private Set<String> topics(List<String> notes) {
        Set<String> topics = new LinkedHashSet<>();
        String prefix = options.topicPrefix() != null ? options.topicPrefix() : prefixFromConnect(notes);
        if (options.mappedTables().isEmpty()) {
            notes.add("source topics not checked: no --mapping given");
        } else if (prefix != null) {
            options.mappedTables().forEach(table -> topics.add(prefix + "." + table));
        }
        topics.addAll(options.errorTopics());
        return topics;
    }

    private String prefixFromConnect(List<String> notes) {
        URI base = options.connectUrl();
        if (base == null) {
            notes.add("source topics not checked: give --topic-prefix or --connect-url");
            return null;
        }
        URI uri = base.resolve("/connectors/" + options.sourceConnector() + "/config");
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).GET().build(), HttpResponse.BodyHandlers.ofString());
            String prefix = answer.statusCode() == 200 ? MAPPER.readTree(answer.body()).path("topic.prefix")
                    .asText(null) : null;
            if (prefix == null) {
                notes.add("source topics not checked: GET " + uri + " answered " + answer.statusCode()
                        + " without topic.prefix; give --topic-prefix");
            }
            return prefix;
        } catch (IOException e) {
            notes.add("source topics not checked: " + uri + ": " + e.getMessage() + "; give --topic-prefix");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
