package com.cdcappsync.pipeline;

import static com.cdcappsync.pipeline.DoctorRuns.sample;
import static com.cdcappsync.pipeline.PipelineFixture.ERROR_TOPIC;
import static com.cdcappsync.pipeline.PipelineFixture.SINK;
import static com.cdcappsync.pipeline.PipelineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.doctor.Finding;
import com.cdcappsync.doctor.Status;
import com.cdcappsync.localstack.AppSyncFaults;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What production does when AppSync stays down longer than the function's time budget (RUNBOOK.md, "AppSync down
 * longer than the function's budget"), on the real pipeline with the shipped sink: the function answers its failed
 * records before its timeout (its deadline from the Lambda context, never Lambda's {@code Task timed out}), the
 * sink applies {@code behavior.on.error} as Confluent documents it (no retry of the batch), {@code bin/doctor} says
 * so and prints the fix, and after the fix every change arrives and the store equals PostgreSQL.
 *
 * <p>The function's timeout is 8 s here (45 s deployed) so that a frozen AppSync exhausts it quickly; its settings
 * are the shipped defaults, so the deadline (timeout minus the 3 s reserve) cuts the retries, as it would at 45 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppSyncOutagePipelineTest {

    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(8);

    private PipelineFixture fx;
    private AppSyncFaults faults;

    @BeforeAll
    void start() throws Exception {
        fx = new PipelineFixture("appsync-outage", null, stack -> stack.functionTimeout(FUNCTION_TIMEOUT),
                pipeline -> pipeline);
        faults = fx.stack.appSyncFaults();
    }

    @BeforeEach
    void storeMatches() {
        assertThat(await(fx.store::differences, List::isEmpty)).as("the store before the outage").isEmpty();
    }

    @AfterEach
    void thaw() {
        faults.thaw();
    }

    @AfterAll
    void stop() throws Exception {
        fx.closeHealthy();
    }

    private long aProduct(int rank) throws Exception {
        return fx.queryLong("SELECT id FROM product_template WHERE active AND sale_ok ORDER BY id OFFSET " + rank
                + " LIMIT 1");
    }

    private void changePrice(long id) throws Exception {
        fx.execute("UPDATE product_template SET list_price = list_price + 1, write_date = now() WHERE id = " + id);
    }

    /** No invocation ran into Lambda's timeout: each was answered by the function itself. */
    private void noLambdaTimeout() {
        assertThat(fx.lambdaLog).as("the function's log").noneMatch(line -> line.contains("Task timed out"));
    }

    @Test
    void frozenLongerThanTheBudget_shippedFail_taskFailedUntilRestartedThenEverythingArrives() throws Exception {
        long first = aProduct(0);
        long second = aProduct(1);
        Map<String, Long> before = fx.functionTotals();

        faults.freeze();
        changePrice(first);
        changePrice(second);

        // The function gives up at its deadline and answers the records failed, naming the budget; the sink's
        // shipped behavior.on.error=fail stops the task (Confluent: no retry of the batch).
        String failure = await(fx::sinkFailure, Objects::nonNull);
        assertThat(failure).as("the sink task's trace").isNotNull().contains("function time budget");
        Map<String, Long> after = fx.functionTotals();
        assertThat(after.get("Failed") - before.get("Failed")).as("records answered failed").isPositive();
        assertThat(fx.lambdaLog).as("the function's WARN line for the batch it cut").anyMatch(line -> line.contains(
                "\"OutOfTime\":") && line.contains("records not completed before the deadline"));
        noLambdaTimeout();

        // bin/doctor: failing, naming the failed task and printing the call that restarts it.
        Finding doctor = fx.doctor.check("connect." + SINK);
        assertThat(doctor.status()).as(doctor.detail()).isEqualTo(Status.FAIL);
        assertThat(doctor.detail()).containsPattern("task \\d+ FAILED").contains("function time budget")
                .containsPattern("curl -X POST '" + fx.pipeline.connectUrl().resolve("/connectors/" + SINK)
                        + "/tasks/\\d+/restart'");
        // Nothing reaches the site while the task is stopped: the task holds the batch, Kafka keeps the offsets.
        Thread.sleep(FUNCTION_TIMEOUT.toMillis());
        assertThat(fx.sinkFailure()).as("a FAILED task stays FAILED (Kafka Connect never restarts it)").isNotNull();

        // The fix: AppSync back, then the restart the doctor printed. The batch is sent again; versions keep replays
        // and the writes the frozen requests made late from going back.
        faults.thaw();
        // The failed task's partitions moved to the connector's other task (tasks.max=2), which met the same frozen
        // AppSync: restart until no task fails for longer than an invocation under way at the thaw can last.
        assertThat(fx.restartUntilHealthy(FUNCTION_TIMEOUT.plusSeconds(2))).as("the tasks after the restart")
                .isNull();
        assertThat(await(fx.store::differences, List::isEmpty)).as("the store after the restart").isEmpty();
        noLambdaTimeout();
    }

    @Test
    void throttledLongerThanTheRetries_log_errorTopicThenReplayBringsItBack() throws Exception {
        long id = aProduct(0);
        double held = sample(fx.doctor.check("kafka.topic." + ERROR_TOPIC), "cdc_doctor_error_topic_records", null);
        ObjectNode shipped = fx.reconfigureSink(Map.of("behavior.on.error", "log"));
        try {
            faults.throttle();
            changePrice(id);
            // With log the sink writes one error record per record of the failed batch and goes on: the task runs,
            // the change is lost to the site until replayed.
            Finding counted = await(() -> fx.doctor.check("kafka.topic." + ERROR_TOPIC),
                    f -> sample(f, "cdc_doctor_error_topic_records", null) > held);
            assertThat(sample(counted, "cdc_doctor_error_topic_records", null)).isEqualTo(held + 1);
            assertThat(fx.sinkFailure()).as("behavior.on.error=log keeps the task running").isNull();
            assertThat(faults.throttled()).as("the function's retries met the throttle").isPositive();
            faults.thaw();
            assertThat(fx.store.differences()).anyMatch(d -> d.startsWith("product " + id + " listPrice"));
        } finally {
            faults.thaw();
            fx.restoreSink(shipped);
        }

        DoctorRuns.Run replay = fx.doctor.run("replay", "--bootstrap-servers", fx.pipeline.kafkaBootstrapServers(),
                "--from", ERROR_TOPIC, "--delete-replayed");

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("replayed 1 record(s), refused 0");
        assertThat(await(fx.store::differences, List::isEmpty)).as("the store after the replay").isEmpty();
        noLambdaTimeout();
    }
}
