package com.cdcappsync.pipeline;

import static com.cdcappsync.pipeline.DoctorRuns.sample;
import static com.cdcappsync.pipeline.PipelineFixture.DLQ;
import static com.cdcappsync.pipeline.PipelineFixture.ERROR_TOPIC;
import static com.cdcappsync.pipeline.PipelineFixture.PRODUCTS;
import static com.cdcappsync.pipeline.PipelineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.doctor.Finding;
import com.cdcappsync.doctor.Status;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runbook "Replaying the error topic and the DLQ", run on the real pipeline: changes lost for real (the function
 * unreachable with {@code behavior.on.error=log}; a converter the records do not fit, with the shipped
 * {@code errors.tolerance=all} and dead-letter queue), counted by the doctor, put back with {@code bin/doctor replay}
 * through its entry point, applied (or dropped as stale when a newer change came since), the topic emptied with
 * {@code --delete-replayed}, and the doctor's check OK again. Each test puts the sink's config back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayPipelineTest {

    private PipelineFixture fx;

    @BeforeAll
    void start() throws Exception {
        fx = new PipelineFixture("replay-pipeline");
    }

    @AfterAll
    void stop() throws Exception {
        fx.close();
    }

    private String[] replay(String... args) {
        List<String> all = new ArrayList<>(List.of("replay", "--bootstrap-servers",
                fx.pipeline.kafkaBootstrapServers()));
        all.addAll(Arrays.asList(args));
        return all.toArray(String[]::new);
    }

    private long aProduct(int rank) throws Exception {
        return fx.queryLong("SELECT id FROM product_template WHERE active AND sale_ok ORDER BY id OFFSET " + rank
                + " LIMIT 1");
    }

    private void changePrice(long id) throws Exception {
        fx.execute("UPDATE product_template SET list_price = list_price + 1, write_date = now() WHERE id = " + id);
    }

    @Test
    void replay_errorTopicAfterFunctionUnreachable_appliesTheLostChangeAndEmptiesTheTopic() throws Exception {
        assertThat(await(fx.store::differences, List::isEmpty)).isEmpty();
        long id = aProduct(0);
        double held = sample(fx.doctor.check("kafka.topic." + ERROR_TOPIC), "cdc_doctor_error_topic_records", null);
        // The function cannot be reached; behavior.on.error=log writes the error message and goes on: the change
        // is lost to the site.
        ObjectNode shipped = fx.reconfigureSink(Map.of("aws.lambda.endpoint.override", "http://127.0.0.1:1",
                "behavior.on.error", "log"));
        try {
            changePrice(id);
            Finding counted = await(() -> fx.doctor.check("kafka.topic." + ERROR_TOPIC),
                    f -> sample(f, "cdc_doctor_error_topic_records", null) > held);
            assertThat(sample(counted, "cdc_doctor_error_topic_records", null)).isEqualTo(held + 1);
            assertThat(counted.status()).isEqualTo(Status.WARN);
        } finally {
            fx.restoreSink(shipped);
        }
        assertThat(fx.store.differences()).anyMatch(d -> d.startsWith("product " + id + " listPrice"));
        Map<String, Long> before = fx.functionTotals();

        DoctorRuns.Run run = fx.doctor.run(replay("--from", ERROR_TOPIC, "--delete-replayed"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("REPLAYED " + ERROR_TOPIC + "/0@\\d+ \\(error-topic entry for "
                + PRODUCTS + "/0@\\d+\\) -> " + PRODUCTS + "/0@\\d+").contains("replayed 1 record(s), refused 0")
                .contains("deleted from " + ERROR_TOPIC);
        Map<String, Long> after = await(fx::functionTotals, t -> t.get("Applied") > before.get("Applied"));
        assertThat(after.get("Applied") - before.get("Applied")).isEqualTo(1);
        assertThat(await(fx.store::differences, List::isEmpty)).isEmpty();
        Finding emptied = fx.doctor.check("kafka.topic." + ERROR_TOPIC);
        assertThat(emptied.status()).isEqualTo(Status.OK);
        assertThat(sample(emptied, "cdc_doctor_error_topic_records", null)).isZero();
        // A second run finds nothing left to replay.
        DoctorRuns.Run again = fx.doctor.run(replay("--from", ERROR_TOPIC));
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("replayed 0 record(s), refused 0").doesNotContain("REPLAYED");
    }

    @Test
    void replay_dlqAfterConverterMistake_appliesTheLostChangeAndDropsTheSupersededOneAsStale() throws Exception {
        assertThat(await(fx.store::differences, List::isEmpty)).isEmpty();
        long lost = aProduct(0);
        long superseded = aProduct(1);
        // A converter the records do not fit (JsonConverter with schemas, for Debezium's schemaless JSON): each
        // record fails conversion and, with the shipped errors.tolerance=all, goes to the dead-letter queue.
        ObjectNode shipped = fx.reconfigureSink(Map.of("value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "true"));
        try {
            changePrice(lost);
            changePrice(superseded);
            Finding counted = await(() -> fx.doctor.check("kafka.topic." + DLQ),
                    f -> sample(f, "cdc_doctor_error_topic_records", null) >= 2);
            assertThat(sample(counted, "cdc_doctor_error_topic_records", null)).isEqualTo(2);
            assertThat(counted.status()).isEqualTo(Status.WARN);
        } finally {
            fx.restoreSink(shipped);
        }
        changePrice(superseded);
        await(fx.store::differences, d -> d.size() == 1);
        assertThat(fx.store.differences()).singleElement().asString().startsWith("product " + lost + " listPrice");
        List<ConsumerRecord<byte[], byte[]>> held = fx.kafka.read(DLQ);
        assertThat(held).hasSize(2).allSatisfy(r -> assertThat(new String(r.headers()
                .lastHeader("__connect.errors.topic").value(), StandardCharsets.UTF_8)).isEqualTo(PRODUCTS));

        DoctorRuns.Run dry = fx.doctor.run(replay("--from", DLQ, "--dry-run"));
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("WOULD REPLAY " + DLQ + "/0@0 (dead-letter record of " + PRODUCTS + "/0@")
                .contains("would replay 2 record(s)");
        assertThat(fx.kafka.read(DLQ)).hasSize(2);
        Map<String, Long> before = fx.functionTotals();
        int productsBefore = fx.kafka.read(PRODUCTS).size();

        DoctorRuns.Run run = fx.doctor.run(replay("--from", DLQ, "--delete-replayed"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("replayed 2 record(s), refused 0");
        Map<String, Long> after = await(fx::functionTotals, t -> t.get("Records") - before.get("Records") >= 2);
        assertThat(after.get("Applied") - before.get("Applied")).as("the lost change").isEqualTo(1);
        assertThat(after.get("Stale") - before.get("Stale")).as("the superseded change").isEqualTo(1);
        assertThat(await(fx.store::differences, List::isEmpty)).isEmpty();
        // Exact bytes, on the topic and partition the headers named, without Kafka Connect's error headers.
        List<ConsumerRecord<byte[], byte[]>> replayed = fx.kafka.read(PRODUCTS).subList(productsBefore,
                productsBefore + 2);
        for (int i = 0; i < 2; i++) {
            assertThat(replayed.get(i).key()).isEqualTo(held.get(i).key());
            assertThat(replayed.get(i).value()).isEqualTo(held.get(i).value());
            assertThat(replayed.get(i).headers()).noneMatch(h -> h.key().startsWith("__connect.errors."));
        }
        Finding emptied = fx.doctor.check("kafka.topic." + DLQ);
        assertThat(emptied.status()).isEqualTo(Status.OK);
        assertThat(sample(emptied, "cdc_doctor_error_topic_records", null)).isZero();
    }

    @Test
    void replay_recordWithoutTarget_refusedNamingItsOffsetUntilToIsGiven() throws Exception {
        String held = "replay-test-unroutable";
        String target = "replay-test-target";
        produce(held, "plain".getBytes(StandardCharsets.UTF_8), System.currentTimeMillis(), new RecordHeaders());

        DoctorRuns.Run refused = fx.doctor.run(replay("--from", held, "--group", "replay-test"));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("REFUSED " + held + "/0@0: no target")
                .contains("give --to TOPIC").contains("replayed 0 record(s), refused 1");
        DoctorRuns.Run routed = fx.doctor.run(replay("--from", held, "--group", "replay-test", "--to", target));
        assertThat(routed.exitCode()).isZero();
        assertThat(routed.out()).contains("REPLAYED " + held + "/0@0 (record) -> " + target + "/0@0");
        assertThat(fx.kafka.read(target)).singleElement().satisfies(r -> assertThat(r.value())
                .isEqualTo("plain".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void replay_recordOlderThanTheTombstoneLifetime_refused() throws Exception {
        String held = "replay-test-old";
        RecordHeaders headers = new RecordHeaders();
        headers.add("__connect.errors.topic", "replay-test-never".getBytes(StandardCharsets.UTF_8));
        headers.add("__connect.errors.partition", "0".getBytes(StandardCharsets.UTF_8));
        produce(held, "{}".getBytes(StandardCharsets.UTF_8),
                System.currentTimeMillis() - Duration.ofDays(31).toMillis(), headers);

        DoctorRuns.Run run = fx.doctor.run(replay("--from", held, "--api-dir",
                PipelineFixture.repoRoot().resolve("graphql-schema").toString()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("REFUSED " + held + "/0@0: its original record is from")
                .contains("older than the tombstone lifetime (30 d, $ttlSeconds in")
                .contains("--allow-older-than-tombstone-ttl");
    }

    private void produce(String topic, byte[] value, long timestamp, RecordHeaders headers) throws Exception {
        fx.kafka.send(new ProducerRecord<>(topic, null, timestamp, null, value, headers));
    }
}
