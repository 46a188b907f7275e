package com.cdcappsync.localstack;

import static com.cdcappsync.localstack.Fixtures.PRODUCT_1_SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The function's time budget against an AppSync brown-out, with everything else real: the deployed jar under the
 * runtime interface client, whose context counts down from the {@code Lambda-Runtime-Deadline-Ms} the local Runtime
 * API sends for the function's timeout (6 s here), and the gateway frozen or throttling ({@link AppSyncFaults}).
 * The handler's settings are the defaults (5 s per attempt, 5 attempts, a 3 s reserve): without the deadline the
 * frozen case would run into the timeout and end as {@code Sandbox.Timedout}, with no word per record.
 */
class TimeBudgetE2ETest extends StackPerClassTest {

    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(6);

    @Override
    protected E2eStack newStack() {
        return new E2eStack(b -> b.functionTimeout(FUNCTION_TIMEOUT));
    }

    @AfterEach
    void thaw() {
        e2e.stack.appSyncFaults().thaw();
    }

    private ArrayNode products(int... ids) {
        JsonNode[] records = new JsonNode[ids.length];
        for (int i = 0; i < ids.length; i++) {
            records[i] = e2e.fixtures.record("noschemas-precise", PRODUCT_1_SNAPSHOT, ids[i]);
        }
        return e2e.fixtures.batch(records);
    }

    @Test
    void invoke_appSyncFrozen_answersBeforeTheTimeoutWithEveryRecordFailedNamingTheBudget() throws Exception {
        AppSyncFaults faults = e2e.stack.appSyncFaults();
        int environments = e2e.stack.function().environmentsStarted();
        faults.freeze();

        long start = System.nanoTime();
        LambdaInvoker.Result result = e2e.invoker.invoke(products(701, 702, 703));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("answered before the 6 s timeout").isLessThan(FUNCTION_TIMEOUT);
        assertThat(result.functionError()).isEqualTo("Unhandled");
        assertThat(result.body().path("errorType").asText()).as("%s", result.body())
                .isEqualTo("com.cdcappsync.upsert.BatchFailedException").isNotEqualTo("Sandbox.Timedout");
        List<String> lines = result.body().path("errorMessage").asText().lines().toList();
        assertThat(lines.getFirst()).startsWith("3 record(s) not applied");
        assertThat(lines.subList(1, lines.size())).hasSize(3).allSatisfy(line -> assertThat(line)
                .contains("\"status\":\"failed\"").contains("function time budget: stopped with"));
        assertThat(e2e.lambdaLog).anySatisfy(line -> assertThat(line).contains("\"OutOfTime\":3")
                .contains("function time budget: 3 of 3 records not completed before the deadline"));
        assertThat(faults.held()).as("the function's requests reached the frozen endpoint").isPositive();
        assertThat(e2e.stack.function().environmentsStarted()).as("no timeout, so no new environment")
                .isEqualTo(environments);

        faults.thaw();
        // The held requests go on once thawed: their writes land although the function gave up on them, as a write
        // whose answer was lost lands in AWS (harmless: writes are versioned, and the connector retries the batch).
        List<String> late = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            late.add(e2e.nextMessage().payload().path("id").asText());
        }
        assertThat(late).containsExactlyInAnyOrder("701", "702", "703");
        assertThat(e2e.invokeOne(e2e.fixtures.single("noschemas-precise", PRODUCT_1_SNAPSHOT, 704)))
                .as("after the thaw the same environment writes again").isEqualTo("applied");
        e2e.nextMessage("onUpsertProduct", 704);
    }

    @Test
    void invoke_appSyncThrottling_everyRecordFailsAfterItsRetriesNamingTheThrottle() {
        AppSyncFaults faults = e2e.stack.appSyncFaults();
        faults.throttle();

        LambdaInvoker.Result result = e2e.invoker.invoke(products(711, 712));

        assertThat(result.functionError()).isEqualTo("Unhandled");
        String message = result.body().path("errorMessage").asText();
        assertThat(message).startsWith("2 record(s) not applied").contains("HTTP 429")
                .contains("AppSync is throttling").doesNotContain("function time budget");
        assertThat(faults.throttled()).as("5 attempts per record").isGreaterThanOrEqualTo(10);
        assertThat(e2e.item("Product", 711)).isEmpty();
    }
}
