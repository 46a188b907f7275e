package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * The Invoke API's answers in front of a stand-in function (fault injection), called with the SDK's Lambda client
 * and the connector role's credentials: executed versions, function errors, {@code Event} and {@code DryRun}.
 */
class InvokeServerTest {

    private static final byte[] EMPTY = "[]".getBytes(StandardCharsets.UTF_8);

    /** A function at published version {@code version} that runs {@code invoker}. */
    private static PublishedFunction atVersion(String version, FunctionInvoker invoker) {
        return new PublishedFunction() {
            @Override
            public String aliasVersion() {
                return version;
            }

            @Override
            public Executed invokeVersion(FunctionInvoker.Request request) throws InterruptedException {
                return new Executed(version, invoker.invoke(request));
            }
        };
    }

    private static InvokeResponse invoke(LambdaClient client, String name, InvocationType type) {
        return client.invoke(b -> b.functionName(name).invocationType(type).payload(SdkBytes.fromUtf8String("[]")));
    }

    @Test
    void invoke_throughTheAlias_executedVersionIsTheAliasVersion() {
        try (InvokeApiFixture api = new InvokeApiFixture(atVersion("7", r -> new FunctionInvoker.Success(EMPTY)))) {
            InvokeResponse response = invoke(api.client(api.connector()), "f:live", InvocationType.REQUEST_RESPONSE);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.executedVersion()).isEqualTo("7");
            assertThat(response.payload().asUtf8String()).isEqualTo("[]");
        }
    }

    @Test
    void invoke_functionTimedOut_200UnhandledWithTheErrorDocument() {
        String timeout = "{\"errorMessage\":\"RequestId: x Error: Task timed out after 45.00 seconds\","
                + "\"errorType\":\"Sandbox.Timedout\"}";
        try (InvokeApiFixture api = new InvokeApiFixture(PublishedFunction.single(request -> new FunctionInvoker
                .Failure(timeout.getBytes(StandardCharsets.UTF_8))))) {
            InvokeResponse response = invoke(api.client(api.connector()), "f:live", InvocationType.REQUEST_RESPONSE);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.functionError()).isEqualTo("Unhandled");
            assertThat(response.payload().asUtf8String()).isEqualTo(timeout);
        }
    }

    @Test
    void invoke_qualifierAndClientContext_passedToTheFunctionDecoded() {
        AtomicReference<FunctionInvoker.Request> seen = new AtomicReference<>();
        try (InvokeApiFixture api = new InvokeApiFixture(PublishedFunction.single(request -> {
            seen.set(request);
            return new FunctionInvoker.Success(EMPTY);
        }))) {
            String context = Base64.getEncoder().encodeToString("{\"custom\":{}}".getBytes(StandardCharsets.UTF_8));

            api.client(api.connector()).invoke(b -> b.functionName("f:live").clientContext(context)
                    .payload(SdkBytes.fromUtf8String("[]")));

            assertThat(seen.get().qualifier()).isEqualTo("live");
            assertThat(seen.get().clientContext()).isEqualTo("{\"custom\":{}}");
        }
    }

    @Test
    void invoke_clientContextNotBase64_400NamingTheHeader() {
        try (InvokeApiFixture api = new InvokeApiFixture(PublishedFunction.single(r -> new FunctionInvoker
                .Success(EMPTY)))) {
            assertThatThrownBy(() -> api.client(api.connector()).invoke(b -> b.functionName("f:live")
                    .clientContext("%%% not base64").payload(SdkBytes.fromUtf8String("[]"))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
                        assertThat(e.getMessage()).contains("X-Amz-Client-Context must be base64-encoded JSON");
                    });
        }
    }

    @Test
    void invoke_dryRun_204WithoutRunning() {
        List<FunctionInvoker.Request> runs = new CopyOnWriteArrayList<>();
        try (InvokeApiFixture api = new InvokeApiFixture(PublishedFunction.single(r -> {
            runs.add(r);
            return new FunctionInvoker.Success(EMPTY);
        }))) {
            InvokeResponse response = invoke(api.client(api.connector()), "f:live", InvocationType.DRY_RUN);

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(runs).isEmpty();
        }
    }

    @Test
    void invoke_event_answers202BeforeTheFunctionRunsThenRetriesAFailureTwiceWithTheDelays() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        CountDownLatch thirdAttempt = new CountDownLatch(1);
        List<Long> attempts = new CopyOnWriteArrayList<>();
        List<Duration> delays = List.of(Duration.ofMillis(150), Duration.ofMillis(300));
        try (InvokeApiFixture api = new InvokeApiFixture(PublishedFunction.single(request -> {
            answered.await();
            attempts.add(System.nanoTime());
            if (attempts.size() < 3) {
                return new FunctionInvoker.Failure("{\"errorType\":\"Boom\"}".getBytes(StandardCharsets.UTF_8));
            }
            thirdAttempt.countDown();
            return new FunctionInvoker.Success(EMPTY);
        }), delays)) {
            InvokeResponse response = invoke(api.client(api.connector()), "f:live", InvocationType.EVENT);
            assertThat(attempts).as("202 comes before the function runs").isEmpty();
            answered.countDown();

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.executedVersion()).isEqualTo("1");
            assertThat(thirdAttempt.await(10, TimeUnit.SECONDS)).as("a third attempt").isTrue();
            assertThat(Duration.ofNanos(attempts.get(1) - attempts.get(0))).isGreaterThanOrEqualTo(delays.get(0));
            assertThat(Duration.ofNanos(attempts.get(2) - attempts.get(1))).isGreaterThanOrEqualTo(delays.get(1));
            assertThat(api.log).isEmpty();
        }
    }

    @Test
    void invoke_eventFailingEveryAttempt_droppedAfterThreeAttemptsAndLogged() throws Exception {
        List<FunctionInvoker.Request> runs = new CopyOnWriteArrayList<>();
        try (InvokeApiFixture api = new InvokeApiFixture(PublishedFunction.single(request -> {
            runs.add(request);
            return new FunctionInvoker.Failure("{\"errorType\":\"Boom\"}".getBytes(StandardCharsets.UTF_8));
        }), List.of(Duration.ofMillis(1), Duration.ofMillis(1)))) {
            InvokeResponse response = invoke(api.client(api.connector()), "f:live", InvocationType.EVENT);
            assertThat(response.statusCode()).isEqualTo(202);

            assertThat(api.logged.await(10, TimeUnit.SECONDS)).as("given up on").isTrue();
            assertThat(api.log).singleElement().asString().contains("failed 3 times; dropped");
            assertThat(runs).hasSize(3);
        }
    }

    @Test
    void invoke_asyncPayloadOver1Mb_413() {
        try (InvokeApiFixture api = new InvokeApiFixture(PublishedFunction.single(r -> new FunctionInvoker
                .Success(EMPTY)))) {
            String big = "[\"" + "x".repeat(InvokeServer.MAX_ASYNC_PAYLOAD) + "\"]";

            assertThatThrownBy(() -> api.client(api.connector()).invoke(b -> b.functionName("f:live")
                    .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String(big))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(413);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestTooLargeException");
                    });
        }
    }
}
