package com.cdcappsync.pipeline;

import static com.cdcappsync.pipeline.DoctorRuns.find;
import static com.cdcappsync.pipeline.PipelineFixture.ERROR_TOPIC;
import static com.cdcappsync.pipeline.PipelineFixture.SOURCE;
import static com.cdcappsync.pipeline.PipelineFixture.WAIT;
import static com.cdcappsync.pipeline.PipelineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.doctor.Doctor;
import com.cdcappsync.doctor.DoctorOptions;
import com.cdcappsync.doctor.Finding;
import com.cdcappsync.doctor.MetricsServer;
import com.cdcappsync.doctor.Status;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * bin/doctor on the real pipeline (PostgreSQL, Kafka, Connect, Debezium, the stand-in Lambda sink, the local stack):
 * the faults of the runbook (RUNBOOK.md) made for real and seen by the doctor. Each test puts back what it changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoctorPipelineTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private PipelineFixture fx;

    @BeforeAll
    void start() throws Exception {
        fx = new PipelineFixture("doctor-pipeline");
    }

    @AfterAll
    void stop() throws Exception {
        try (PipelineFixture closing = fx) {
            assertThat(fx.pipeline.isRunning()).isTrue();
        }
    }

    /** The doctor's options for this pipeline, with the local AppSync API, plus {@code extra}. */
    private DoctorOptions options(String... extra) {
        var stack = fx.pipeline.stack();
        List<String> args = new ArrayList<>(List.of("--appsync-url", stack.graphQlUrl().toString(),
                "--api-key", stack.apiKey()));
        args.addAll(List.of(extra));
        return fx.doctor.options(args.toArray(String[]::new));
    }

    @Test
    void check_runningPipeline_everyCheckHealthy() throws Exception {
        DoctorOptions options = options();

        List<Finding> findings = await(() -> Doctor.check(options), f -> Doctor.exitCode(f) == 0);

        assertThat(findings).extracting(Finding::check).contains("postgres.wal_level", "postgres.slot",
                "postgres.publication", "postgres.replica_identity", "postgres.heartbeat", "connect." + SOURCE,
                "connect.cdc-appsync-lambda-sink", "kafka.lag", "kafka.topic." + ERROR_TOPIC, "kafka.retention",
                "appsync.reachable");
        assertThat(findings).filteredOn(f -> !f.check().equals("appsync.key_expiry"))
                .allSatisfy(f -> assertThat(f.status()).as(f.check() + ": " + f.detail()).isEqualTo(Status.OK));
    }

    @Test
    void serve_runningPipeline_exposesTheChecksAsPrometheusMetrics() throws Exception {
        DoctorOptions options = options();
        // No cache: the scrape below is retried until the slot shows up.
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, Duration.ZERO, () -> Doctor.check(options))) {
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
            HttpResponse<String> scrape = await(() -> http.send(HttpRequest.newBuilder(server.url()).build(),
                    HttpResponse.BodyHandlers.ofString()), r -> r.body().contains(
                    "cdc_doctor_slot_active{slot=\"cdc_appsync\"} 1"));

            assertThat(scrape.headers().firstValue("Content-Type"))
                    .hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(scrape.body()).contains("# TYPE cdc_doctor_slot_retained_wal_bytes gauge")
                    .contains("cdc_doctor_task_state{connector=\"" + SOURCE + "\",state=\"RUNNING\",task=\"0\"} 1")
                    .contains("cdc_doctor_consumer_lag_records{group=\"connect-cdc-appsync-lambda-sink\"")
                    .contains("cdc_doctor_error_topic_records{topic=\"" + ERROR_TOPIC + "\"}")
                    .contains("cdc_doctor_tombstone_ttl_seconds 2592000")
                    .contains("cdc_doctor_topic_retention_seconds{topic=\"odoo.public.product_template\"} 604800");
        }
    }

    /** Runbook "WAL growth": a stopped connector leaves its slot inactive, and PostgreSQL keeps the WAL for it. */
    @Test
    void check_sourceStopped_slotInactiveAndRetainedWalGrows() throws Exception {
        DoctorOptions options = options();
        try {
            fx.put("/connectors/" + SOURCE + "/stop");
            Finding stopped = await(() -> find(Doctor.check(options), "postgres.slot"),
                    f -> sample(f, "cdc_doctor_slot_active") == 0);
            assertThat(stopped.status()).isEqualTo(Status.WARN);
            assertThat(stopped.detail()).contains("INACTIVE");
            double before = sample(stopped, "cdc_doctor_slot_retained_wal_bytes");

            fx.execute("CREATE TABLE IF NOT EXISTS doctor_filler (id serial PRIMARY KEY, pad text)");
            fx.execute("INSERT INTO doctor_filler (pad) SELECT repeat('x', 200) FROM generate_series(1, 20000)");

            Finding grown = find(Doctor.check(options), "postgres.slot");
            double after = sample(grown, "cdc_doctor_slot_retained_wal_bytes");
            assertThat(after).isGreaterThan(before + 4_000_000);
            List<Finding> overLimit = Doctor.check(options("--wal-fail-bytes", Long.toString((long) after - 1)));
            assertThat(find(overLimit, "postgres.slot").status()).isEqualTo(Status.FAIL);
            assertThat(Doctor.exitCode(overLimit)).isEqualTo(2);
            assertThat(find(overLimit, "connect." + SOURCE).detail()).contains("STOPPED")
                    .contains("curl -X PUT '" + fx.pipeline.connectUrl().resolve("/connectors/" + SOURCE
                            + "/resume"));
        } finally {
            fx.put("/connectors/" + SOURCE + "/resume");
            fx.rest.awaitRunning(SOURCE, WAIT);
        }
        Finding resumed = await(() -> find(Doctor.check(options), "postgres.slot"),
                f -> sample(f, "cdc_doctor_slot_active") == 1);
        assertThat(resumed.detail()).contains("active");
    }

    /** Runbook "A failed task": reported with its trace and the REST call that restarts it. */
    @Test
    void check_failedTask_reportedWithItsRestartCall() throws Exception {
        String name = "doctor-broken-sink";
        ObjectNode config = MAPPER.createObjectNode().put("connector.class", LocalPipeline.SINK_CLASS)
                .put("tasks.max", "1").put("topics", "doctor-broken")
                .put("aws.lambda.function.name", "nowhere").put("aws.lambda.region", "us-east-1")
                // Nothing listens on port 1: the invocation fails, and behavior.on.error=fail fails the task.
                .put("aws.lambda.endpoint.override", "http://127.0.0.1:1")
                .put("behavior.on.error", "fail")
                .put("key.converter", "org.apache.kafka.connect.storage.StringConverter")
                .put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        fx.rest.putConfig(name, config);
        try {
            produce("doctor-broken", "{\"broken\": true}");

            Finding failed = await(() -> find(Doctor.check(options()), "connect." + name),
                    f -> f.status() == Status.FAIL);

            assertThat(failed.detail()).contains("task 0 FAILED")
                    .contains("curl -X POST '" + fx.pipeline.connectUrl().resolve("/connectors/" + name
                            + "/tasks/0/restart") + "'");
            assertThat(failed.samples()).anySatisfy(s -> {
                assertThat(s.labels()).containsEntry("state", "FAILED").containsEntry("task", "0");
                assertThat(s.value()).isEqualTo(1);
            });
            // The printed call is one Kafka Connect accepts (the task fails again: its cause remains).
            ConnectRest.Answer restart = fx.send("POST", "/connectors/" + name + "/tasks/0/restart");
            assertThat(restart.status()).as(restart.body()).isBetween(200, 204);
        } finally {
            fx.send("DELETE", "/connectors/" + name);
        }
    }

    /** Runbook "Replaying the error topic": a record there is counted and turns the check to a warning. */
    @Test
    void check_recordOnErrorTopic_counted() throws Exception {
        // Its own topic, so that the other tests see the shipped error topic empty.
        String topic = "doctor-test-error";
        DoctorOptions options = options("--error-topic", topic);
        double before = sample(find(Doctor.check(options), "kafka.topic." + topic), "cdc_doctor_error_topic_records");

        produce(topic, "{\"error\": \"test\"}");

        Finding after = find(Doctor.check(options), "kafka.topic." + topic);
        assertThat(sample(after, "cdc_doctor_error_topic_records")).isEqualTo(before + 1);
        assertThat(after.status()).isEqualTo(Status.WARN);
        assertThat(after.detail()).contains("holds " + (long) (before + 1) + " record(s)");
    }

    /**
     * Runbook "Re-snapshot": a row in the signal table starts an incremental snapshot; every event it sends is older
     * or equal to what the site holds, so the version guard drops it as stale and the store stays equal to PostgreSQL.
     */
    @Test
    void resnapshot_signalRow_everyEventStaleAndStoreUnchanged() throws Exception {
        long rows = fx.queryLong("SELECT count(*) FROM product_template");
        await(() -> fx.store.differences(), List::isEmpty);
        Map<String, Long> before = fx.functionTotals();

        fx.signalSnapshot("resnapshot-test", "public.product_template");

        Map<String, Long> after = await(fx::functionTotals,
                t -> t.get("Records") - before.get("Records") >= rows);
        assertThat(after.get("Records") - before.get("Records")).as("the snapshot's events")
                .isGreaterThanOrEqualTo(rows);
        assertThat(after.get("Applied") - before.get("Applied")).as("events that changed the site").isZero();
        assertThat(after.get("Stale") - before.get("Stale")).isPositive();
        assertThat(fx.store.differences()).isEmpty();
    }

    /** Runbook "DDL": a column the mapping does not name is ignored; changes of that row still arrive. */
    @Test
    void ddl_newUnmappedColumn_ignoredAndChangesStillArrive() throws Exception {
        long id = fx.queryLong("SELECT min(id) FROM product_template WHERE active AND sale_ok");
        Map<String, Long> before = fx.functionTotals();

        fx.execute("ALTER TABLE product_template ADD COLUMN IF NOT EXISTS doctor_note text");
        fx.execute("UPDATE product_template SET doctor_note = 'new', list_price = list_price + 1, write_date = now() "
                + "WHERE id = " + id);

        // The store differs from PostgreSQL (the price) until the change arrives.
        assertThat(await(() -> fx.store.differences(), List::isEmpty)).isEmpty();
        Map<String, Long> after = fx.functionTotals();
        assertThat(after.get("Applied") - before.get("Applied")).isPositive();
        assertThat(after.get("Rejected") - before.get("Rejected")).isZero();
        assertThat(after.get("Failed") - before.get("Failed")).isZero();
        assertThat(fx.store.product((int) id)).doesNotContainKey("doctor_note").doesNotContainKey("doctorNote");
    }

    private void produce(String topic, String value) throws Exception {
        fx.kafka.send(new ProducerRecord<>(topic, "k".getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8)));
    }

    private static double sample(Finding finding, String metric) {
        return DoctorRuns.sample(finding, metric, null);
    }
}
