package com.cdcappsync.upsert.appsync;

import static com.cdcappsync.upsert.appsync.ScriptedHttpServer.closeWithoutAnswer;
import static com.cdcappsync.upsert.appsync.ScriptedHttpServer.json;
import static com.cdcappsync.upsert.appsync.ScriptedHttpServer.ok;
import static com.cdcappsync.upsert.appsync.ScriptedHttpServer.reset;
import static com.cdcappsync.upsert.appsync.ScriptedHttpServer.slow;
import static com.cdcappsync.upsert.appsync.ScriptedHttpServer.status;
import static com.cdcappsync.upsert.appsync.ScriptedHttpServer.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retry behaviour against injected faults: statuses, timeouts, dropped and refused connections. */
class AppSyncClientRetryTest {

    private static final GraphQlRequest REQUEST = GraphQlRequest.of("mutation Ping { ping }");
    private static final String THROTTLED = "{\"data\":null,\"errors\":[{\"errorType\":"
            + "\"DynamoDB:ProvisionedThroughputExceededException\",\"message\":\"Throughput exceeds the limit\"}]}";

    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    private final ScriptedHttpServer server = ScriptedHttpServer.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private AppSyncClientBuilder builder(URI endpoint, int maxAttempts) {
        return AppSyncClient.builder()
                .endpoint(endpoint)
                .auth(AppSyncAuth.apiKey("da2-test-key-0123456789"))
                .maxAttempts(maxAttempts)
                .requestTimeout(Duration.ofSeconds(5))
                .sleeper(sleeper)
                .random(new MaxJitter());
    }

    private AppSyncClient client(int maxAttempts) {
        return builder(server.endpoint(), maxAttempts).build();
    }

    /** A client that gives up on an answer after 300 ms, for the slow-answer tests. */
    private AppSyncClient impatientClient(int maxAttempts) {
        return builder(server.endpoint(), maxAttempts).requestTimeout(SHORT_TIMEOUT).build();
    }

    @Test
    void execute_429ThenOk_retriesAndSucceeds() {
        server.then(status(429, "{\"errors\":[{\"errorType\":\"TooManyRequestsException\",\"message\":\"Rate\"}]}"),
                ok());
        try (AppSyncClient client = client(5)) {
            GraphQlResponse response = client.execute(REQUEST);

            assertThat(response.attempts()).isEqualTo(2);
            assertThat(response.hasErrors()).isFalse();
            assertThat(response.data().path("ok").asBoolean()).isTrue();
            assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(100));
            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void execute_maxJitter_backoffsDoubleUpToMaxBackoff() {
        server.otherwise(status(503, "{}"));
        try (AppSyncClient client = builder(server.endpoint(), 6).maxBackoff(Duration.ofMillis(500)).build()) {
            assertThatThrownBy(() -> client.execute(REQUEST)).isInstanceOf(AppSyncException.class);
        }
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400), Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void execute_realJitter_backoffsStayWithinCappedExponentialBounds() {
        server.otherwise(status(500, "{}"));
        AppSyncClient client = builder(server.endpoint(), 8)
                .random(new SplittableRandom(42))
                .maxBackoff(Duration.ofMillis(700))
                .build();
        try (client) {
            assertThatThrownBy(() -> client.execute(REQUEST)).isInstanceOf(AppSyncException.class);
        }
        assertThat(sleeper.sleeps()).hasSize(7);
        for (int i = 0; i < 7; i++) {
            long cap = Math.min(700, 100L << i);
            assertThat(sleeper.sleeps().get(i)).isBetween(Duration.ZERO, Duration.ofMillis(cap));
        }
    }

    @Test
    void execute_serverErrorsUntilExhausted_throwsRetryableAfterMaxAttempts() {
        server.then(status(500, "{}"), status(502, "<html>Bad Gateway</html>")).otherwise(status(503, "{}"));
        try (AppSyncClient client = client(4)) {
            AppSyncException failure = catchThrowableOfType(AppSyncException.class, () -> client.execute(REQUEST));

            assertThat(failure.retryable()).isTrue();
            assertThat(failure.attempts()).isEqualTo(4);
            assertThat(failure.statusCode()).isEqualTo(503);
            assertThat(failure.getMessage()).contains(server.endpoint().toString(), "4 attempts", "HTTP 503",
                    "server error");
            assertThat(server.received()).hasSize(4);
            assertThat(sleeper.sleeps()).hasSize(3);
        }
    }

    @Test
    void execute_maxAttemptsOne_doesNotRetry() {
        server.otherwise(status(503, "{}"));
        try (AppSyncClient client = client(1)) {
            AppSyncException failure = catchThrowableOfType(AppSyncException.class, () -> client.execute(REQUEST));

            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.retryable()).isTrue();
            assertThat(sleeper.sleeps()).isEmpty();
        }
    }

    @Test
    void execute_slowAnswerThenFast_timesOutAndRetries() {
        server.then(slow(), ok());
        try (AppSyncClient client = impatientClient(3)) {
            GraphQlResponse response = client.execute(REQUEST);

            assertThat(response.attempts()).isEqualTo(2);
            assertThat(sleeper.sleeps()).hasSize(1);
        }
    }

    @Test
    void execute_slowAnswersOnly_failsAsRetryableTimeout() {
        server.otherwise(slow());
        try (AppSyncClient client = impatientClient(2)) {
            AppSyncException failure = catchThrowableOfType(AppSyncException.class, () -> client.execute(REQUEST));

            assertThat(failure.statusCode()).isEqualTo(AppSyncException.NO_RESPONSE);
            assertThat(failure.retryable()).isTrue();
            assertThat(failure.attempts()).isEqualTo(2);
            assertThat(failure).hasCauseInstanceOf(HttpTimeoutException.class);
            assertThat(failure.getMessage()).contains("no HTTP response", "requestTimeout (PT0.3S)");
        }
    }

    @Test
    void execute_connectionClosedWithoutAnswer_retries() {
        server.then(closeWithoutAnswer(), ok());
        try (AppSyncClient client = client(3)) {
            assertThat(client.execute(REQUEST).attempts()).isEqualTo(2);
            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void execute_connectionReset_retries() {
        server.then(reset(), reset(), ok());
        try (AppSyncClient client = client(3)) {
            assertThat(client.execute(REQUEST).attempts()).isEqualTo(3);
        }
    }

    @Test
    void execute_connectionDroppedMidResponse_retries() {
        server.then(truncated(), ok());
        try (AppSyncClient client = client(3)) {
            assertThat(client.execute(REQUEST).attempts()).isEqualTo(2);
        }
    }

    @Test
    void execute_connectionRefused_retriesThenFailsClearly() throws IOException {
        URI nothingListening;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingListening = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/graphql");
        }
        try (AppSyncClient client = builder(nothingListening, 3).build()) {
            AppSyncException failure = catchThrowableOfType(AppSyncException.class, () -> client.execute(REQUEST));

            assertThat(failure.attempts()).isEqualTo(3);
            assertThat(failure.retryable()).isTrue();
            assertThat(failure.statusCode()).isEqualTo(AppSyncException.NO_RESPONSE);
            assertThat(failure.getMessage()).contains(nothingListening.toString(), "Could not connect",
                    "ConnectException", "Check the endpoint URL");
            assertThat(sleeper.sleeps()).hasSize(2);
        }
    }

    @Test
    void execute_interruptedDuringBackoff_throwsRetryableAndKeepsInterruptFlag() {
        server.otherwise(status(503, "{}"));
        AppSyncClient client = builder(server.endpoint(), 3).sleeper(d -> {
            throw new InterruptedException("shutdown");
        }).build();
        try (client) {
            AppSyncException failure = catchThrowableOfType(AppSyncException.class, () -> client.execute(REQUEST));

            assertThat(Thread.interrupted()).isTrue();
            assertThat(failure.retryable()).isTrue();
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure).hasCauseInstanceOf(InterruptedException.class);
            assertThat(failure.getMessage()).contains("interrupted");
        }
    }

    @Test
    void execute_throttlingErrorsThenOk_retries() {
        server.then(json(THROTTLED), ok());
        try (AppSyncClient client = client(3)) {
            GraphQlResponse response = client.execute(REQUEST);

            assertThat(response.attempts()).isEqualTo(2);
            assertThat(response.hasErrors()).isFalse();
        }
    }

    @Test
    void execute_throttlingErrorsUntilExhausted_throwsRetryableWithErrors() {
        server.otherwise(json(THROTTLED));
        try (AppSyncClient client = client(3)) {
            AppSyncException failure = catchThrowableOfType(AppSyncException.class, () -> client.execute(REQUEST));

            assertThat(failure.retryable()).isTrue();
            assertThat(failure.attempts()).isEqualTo(3);
            assertThat(failure.statusCode()).isEqualTo(200);
            assertThat(failure.errors()).singleElement().satisfies(e -> assertThat(e.isThrottling()).isTrue());
            assertThat(failure.getMessage()).contains("DynamoDB:ProvisionedThroughputExceededException",
                    "throttling");
        }
    }

    @Test
    void execute_throttlingMixedWithOtherErrors_returnedWithoutRetry() {
        server.then(json("{\"data\":{\"a\":null,\"b\":null},\"errors\":["
                + "{\"errorType\":\"DynamoDB:ThrottlingException\",\"message\":\"slow down\",\"path\":[\"a\"]},"
                + "{\"errorType\":\"DynamoDB:ConditionalCheckFailedException\",\"message\":\"x\",\"path\":[\"b\"]}]}"));
        try (AppSyncClient client = client(3)) {
            GraphQlResponse response = client.execute(REQUEST);

            assertThat(response.attempts()).isEqualTo(1);
            assertThat(response.errors()).hasSize(2);
        }
    }
}
