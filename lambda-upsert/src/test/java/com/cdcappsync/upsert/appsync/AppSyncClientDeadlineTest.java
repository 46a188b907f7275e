package com.cdcappsync.upsert.appsync;

import static com.cdcappsync.upsert.appsync.ScriptedHttpServer.slow;
import static com.cdcappsync.upsert.appsync.ScriptedHttpServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retry loop within an invocation's deadline: shortened attempts, no backoff or attempt past it. */
class AppSyncClientDeadlineTest {

    private static final GraphQlRequest REQUEST = GraphQlRequest.of("mutation Ping { ping }");

    private final ScriptedHttpServer server = ScriptedHttpServer.start();
    /** A fake monotonic clock: only the backoff sleeps move it. */
    private final AtomicLong nanos = new AtomicLong();
    private final RecordingSleeper sleeps = new RecordingSleeper();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private AppSyncClient client(Backoff.Sleeper sleeper) {
        return AppSyncClient.builder().endpoint(server.endpoint()).auth(AppSyncAuth.apiKey("da2-test-key-0123456789"))
                .maxAttempts(5).requestTimeout(Duration.ofSeconds(5)).sleeper(sleeper).random(new MaxJitter())
                .build();
    }

    @Test
    void execute_noAnswer_theAttemptEndsAtTheDeadlineNotAtTheRequestTimeout() {
        server.otherwise(slow());
        Deadline deadline = Deadline.after(Duration.ofMillis(1200), System::nanoTime);
        long start = System.nanoTime();
        try (AppSyncClient client = client(sleeps)) {
            AppSyncException e = catchThrowableOfType(AppSyncException.class,
                    () -> client.execute(REQUEST, deadline));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as("the 5 s request timeout was cut to the 1.2 s left")
                    .isBetween(Duration.ofMillis(1100), Duration.ofMillis(3500));
            assertThat(e.outOfTime()).isTrue();
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).startsWith("function time budget: stopped with 0 ms left of 1200 ms")
                    .contains("1 attempt sent, the last: no HTTP response (No answer within requestTimeout (PT1.")
                    .contains("raise the function's timeout or lower HTTP_REQUEST_TIMEOUT / RETRY_MAX_ATTEMPTS");
            assertThat(sleeps.sleeps()).as("no backoff once the time is gone").isEmpty();
        }
    }

    @Test
    void execute_singleAttemptShortenedByTheDeadline_isReportedAsTheBudgetsNotAsATimeout() {
        server.otherwise(slow());
        try (AppSyncClient client = AppSyncClient.builder().endpoint(server.endpoint())
                .auth(AppSyncAuth.apiKey("da2-test-key-0123456789")).maxAttempts(1)
                .requestTimeout(Duration.ofSeconds(5)).build()) {
            AppSyncException e = catchThrowableOfType(AppSyncException.class,
                    () -> client.execute(REQUEST, Deadline.after(Duration.ofMillis(1200), System::nanoTime)));

            assertThat(e.outOfTime()).isTrue();
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.getMessage()).startsWith("function time budget: stopped with 0 ms left of 1200 ms");
        }
    }

    @Test
    void execute_backoffThatWouldLeaveTooLittleTime_isNotSleptAndNoAttemptFollows() {
        server.otherwise(status(503, "{}"));
        // 1.5 s on a fake clock: attempts need 1 s (MIN_ATTEMPT); backoffs 100, 200, then 400 ms would leave 0.8 s.
        Deadline deadline = Deadline.after(Duration.ofMillis(1500), nanos::get);
        Backoff.Sleeper advancing = d -> {
            sleeps.sleep(d);
            nanos.addAndGet(d.toNanos());
        };
        try (AppSyncClient client = client(advancing)) {
            AppSyncException e = catchThrowableOfType(AppSyncException.class,
                    () -> client.execute(REQUEST, deadline));

            assertThat(sleeps.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(server.received()).hasSize(3);
            assertThat(e.outOfTime()).isTrue();
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.getMessage()).startsWith("function time budget: stopped with 1200 ms left of 1500 ms")
                    .contains("3 attempts sent, the last: HTTP 503");
        }
    }

    @Test
    void execute_deadlineAlreadyPassed_sendsNothing() {
        try (AppSyncClient client = client(sleeps)) {
            AppSyncException e = catchThrowableOfType(AppSyncException.class,
                    () -> client.execute(REQUEST, Deadline.after(Duration.ZERO, nanos::get)));

            assertThat(e.outOfTime()).isTrue();
            assertThat(e.attempts()).isZero();
            assertThat(e.getMessage()).contains("no attempt sent");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void execute_withoutADeadline_retriesAsConfigured() {
        server.otherwise(status(503, "{}"));
        try (AppSyncClient client = client(sleeps)) {
            AppSyncException e = catchThrowableOfType(AppSyncException.class,
                    () -> client.execute(REQUEST, Deadline.NONE));

            assertThat(e.outOfTime()).isFalse();
            assertThat(e.attempts()).isEqualTo(5);
            assertThat(sleeps.sleeps()).hasSize(4);
        }
    }

    @Test
    void forInvocation_remainingMinusReserve_isTheBudget() {
        Deadline deadline = Deadline.forInvocation(Duration.ofSeconds(45), Duration.ofSeconds(3), nanos::get);

        assertThat(deadline.budget()).isEqualTo(Duration.ofSeconds(42));
        nanos.addAndGet(Duration.ofSeconds(40).toNanos());
        assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(2));
        assertThat(deadline.cap(Duration.ofSeconds(6))).isEqualTo(Duration.ofSeconds(2));
        assertThat(deadline.stopped()).isEqualTo("function time budget: stopped with 2000 ms left of 42000 ms "
                + "(the invocation's remaining 45000 ms minus a reserve of 3000 ms to answer)");
        assertThat(Deadline.forInvocation(Duration.ofSeconds(2), Duration.ofSeconds(3), nanos::get).remaining())
                .as("a reserve larger than the time left: already passed").isZero();
        assertThat(Deadline.NONE.cap(Duration.ofSeconds(6))).isEqualTo(Duration.ofSeconds(6));
    }
}
