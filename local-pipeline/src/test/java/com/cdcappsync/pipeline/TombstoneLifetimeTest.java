package com.cdcappsync.pipeline;

import static com.cdcappsync.pipeline.DoctorRuns.sample;
import static com.cdcappsync.pipeline.PipelineFixture.PRODUCTS;
import static com.cdcappsync.pipeline.PipelineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.doctor.Finding;
import com.cdcappsync.doctor.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runbook "Tombstone lifetime", run on the real pipeline: a delete leaves a tombstone that expires 30 days later
 * ({@code graphql-schema/resolvers/delete.request.vtl}); an older upsert of that row replayed within that time is
 * stale; once TTL has removed the tombstone, the same replay recreates the row. DynamoDB Local does not run TTL
 * ("TTL is currently not supported on DynamoDB local",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.UsageNotes.html; on AWS, TTL
 * "typically deletes expired items within two days of expiration",
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html), so the test deletes
 * the expired tombstone as TTL would. The doctor's {@code kafka.retention} check guards against it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TombstoneLifetimeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long LIFETIME_SECONDS = Duration.ofDays(30).toSeconds();
    private PipelineFixture fx;

    @BeforeAll
    void start() throws Exception {
        fx = new PipelineFixture("tombstone-lifetime");
    }

    @AfterAll
    void stop() throws Exception {
        fx.close();
    }

    @Test
    void replay_olderUpsertOfADeletedRow_staleWithinTheLifetimeAndRecreatesTheRowPastIt() throws Exception {
        int id = (int) fx.queryLong("SELECT max(id) FROM product_template WHERE active AND sale_ok");
        fx.execute("UPDATE product_template SET list_price = list_price + 1, write_date = now() WHERE id = " + id);
        assertThat(await(fx.store::differences, List::isEmpty)).isEmpty();
        ConsumerRecord<byte[], byte[]> olderUpsert = lastUpsertOf(id);

        long deletedFrom = System.currentTimeMillis() / 1000;
        fx.execute("DELETE FROM product_template WHERE id = " + id);
        Map<String, AttributeValue> tombstone = await(() -> fx.store.product(id), TombstoneLifetimeTest::deleted);
        long deletedBy = System.currentTimeMillis() / 1000;

        assertThat(deleted(tombstone)).as("a tombstone: %s", tombstone).isTrue();
        assertThat(Long.parseLong(tombstone.get("expiresAt").n())).as("expiresAt, epoch seconds")
                .isBetween(deletedFrom + LIFETIME_SECONDS, deletedBy + LIFETIME_SECONDS);
        String tombstoneVersion = tombstone.get("version").n();

        // Within the lifetime: the older upsert, delivered again, is stale; the row stays deleted. (Counted by the
        // Stale counter alone: the delete's own batches, its variants' included, may still be logging.)
        Map<String, Long> before = fx.functionTotals();
        produce(olderUpsert);
        Map<String, Long> stale = await(fx::functionTotals, t -> t.get("Stale") > before.get("Stale"));
        assertThat(stale.get("Stale") - before.get("Stale")).isEqualTo(1);
        assertThat(fx.store.product(id)).satisfies(item -> {
            assertThat(deleted(item)).isTrue();
            assertThat(item.get("version").n()).isEqualTo(tombstoneVersion);
        });
        assertThat(fx.store.differences()).isEmpty();

        // Past the lifetime: TTL has removed the tombstone (done here as TTL would); the same replay recreates it.
        fx.dynamoDb.deleteItem(b -> b.tableName(fx.pipeline.stack().manifest().tableOfType("Product").dataSource())
                .key(Map.of("id", AttributeValue.fromS(Integer.toString(id))))
                .conditionExpression("deleted = :true").expressionAttributeValues(Map.of(":true",
                        AttributeValue.fromBool(true))));
        Map<String, Long> beforeHazard = fx.functionTotals();
        produce(olderUpsert);
        Map<String, Long> hazard = await(fx::functionTotals, t -> t.get("Applied") > beforeHazard.get("Applied"));

        assertThat(hazard.get("Applied") - beforeHazard.get("Applied")).isEqualTo(1);
        assertThat(hazard.get("Stale") - beforeHazard.get("Stale")).isZero();
        assertThat(fx.store.product(id)).isNotEmpty().satisfies(item -> assertThat(deleted(item)).isFalse());
        assertThat(fx.store.differences()).contains("product " + id + " is deleted in PostgreSQL but live in the "
                + "store");
    }

    @Test
    void check_sourceTopicRetentionLongerThanTheLifetime_warnsWithTheFixThatTurnsItOk() throws Exception {
        String apiDir = PipelineFixture.repoRoot().resolve("graphql-schema").toString();
        Finding healthy = await(() -> fx.doctor.check("kafka.retention", "--api-dir", apiDir),
                f -> f.status() != Status.SKIPPED);
        assertThat(healthy.status()).as(healthy.detail()).isEqualTo(Status.OK);
        assertThat(sample(healthy, "cdc_doctor_tombstone_ttl_seconds", null)).isEqualTo(LIFETIME_SECONDS);
        // Kafka's defaults: retention.ms and segment.ms 7 days each, 14 days in all.
        assertThat(sample(healthy, "cdc_doctor_topic_retention_seconds", PRODUCTS)).isEqualTo(604_800);
        assertThat(sample(healthy, "cdc_doctor_topic_retention_seconds", PipelineFixture.DLQ)).isEqualTo(604_800);

        kafkaConfigs("--alter", "--entity-type", "topics", "--entity-name", PRODUCTS,
                "--add-config", "retention.ms=-1");
        Finding tooLong = fx.doctor.check("kafka.retention", "--api-dir", apiDir);

        assertThat(tooLong.status()).isEqualTo(Status.WARN);
        assertThat(sample(tooLong, "cdc_doctor_topic_retention_seconds", PRODUCTS)).isEqualTo(-1);
        assertThat(tooLong.detail()).contains(PRODUCTS + " keeps records forever (retention.ms=-1), longer than the "
                + "tombstone lifetime 30 d")
                .contains("raise $ttlSeconds in graphql-schema/resolvers/delete.request.vtl");
        Matcher fix = Pattern.compile("kafka-configs\\.sh --bootstrap-server \\S+ (--alter --entity-type topics "
                + "--entity-name " + Pattern.quote(PRODUCTS) + " --add-config retention\\.ms=(\\d+))")
                .matcher(tooLong.detail());
        assertThat(fix.find()).as(tooLong.detail()).isTrue();
        assertThat(Long.parseLong(fix.group(2))).isEqualTo(Duration.ofDays(23).toMillis());

        kafkaConfigs(fix.group(1).split(" "));
        Finding fixed = fx.doctor.check("kafka.retention", "--api-dir", apiDir);
        assertThat(fixed.status()).as(fixed.detail()).isEqualTo(Status.OK);
        assertThat(sample(fixed, "cdc_doctor_topic_retention_seconds", PRODUCTS))
                .isEqualTo(Duration.ofDays(23).toSeconds());
        // A shorter lifetime given on the command line: Kafka's 14 days are too long for 10.
        Finding shorter = fx.doctor.check("kafka.retention", "--tombstone-ttl", "P10D");
        assertThat(shorter.status()).isEqualTo(Status.WARN);
        assertThat(shorter.detail()).contains(PipelineFixture.DLQ + " keeps records up to 14 d (retention.ms="
                + "604800000 + segment.ms=604800000), longer than the tombstone lifetime 10 d");
    }

    /**
     * {@code kafka-configs.sh ARGS}: the script runs {@code kafka.admin.ConfigCommand} with Kafka's jars; here the
     * same class from the pipeline's Kafka, in a child JVM.
     */
    private void kafkaConfigs(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--bootstrap-server",
                fx.pipeline.kafkaBootstrapServers()));
        all.addAll(List.of(args));
        ChildProcess tool = ChildProcess.startJava("kafka-configs", new ChildProcess.JavaLaunch(
                List.of(fx.options.kafkaLib()), "kafka.admin.ConfigCommand", all, JvmOptions.forChild("128m"),
                Map.of()), fx.pipeline.workDir().resolve("kafka-configs-" + System.nanoTime() + ".log"));
        assertThat(tool.await(PipelineFixture.WAIT)).as(tool.logTail(20)).isZero();
    }

    private ConsumerRecord<byte[], byte[]> lastUpsertOf(int id) throws Exception {
        ConsumerRecord<byte[], byte[]> last = null;
        for (ConsumerRecord<byte[], byte[]> record : fx.kafka.read(PRODUCTS)) {
            if (record.value() != null && MAPPER.readTree(record.key()).path("id").asInt() == id) {
                JsonNode value = MAPPER.readTree(record.value());
                if (List.of("c", "u", "r").contains(value.path("op").asText())) {
                    last = record;
                }
            }
        }
        assertThat(last).as("an upsert of product " + id + " on " + PRODUCTS).isNotNull();
        return last;
    }

    /** The record again, as it was (key, value, headers), on its partition. */
    private void produce(ConsumerRecord<byte[], byte[]> record) throws Exception {
        fx.kafka.send(new ProducerRecord<>(record.topic(), record.partition(), null, record.key(), record.value(),
                record.headers()));
    }

    private static boolean deleted(Map<String, AttributeValue> item) {
        return item != null && item.containsKey("deleted") && Boolean.TRUE.equals(item.get("deleted").bool());
    }
}
