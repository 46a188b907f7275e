package com.cdcappsync.upsert.appsync;

import static com.cdcappsync.upsert.appsync.ScriptedHttpServer.json;
import static com.cdcappsync.upsert.appsync.ScriptedHttpServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Statuses and bodies that must not be retried: client errors, GraphQL field errors, bad bodies. */
class AppSyncClientStatusTest {

    private static final GraphQlRequest REQUEST = GraphQlRequest.of("mutation Ping { ping }");

    private final ScriptedHttpServer server = ScriptedHttpServer.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final AppSyncClient client = AppSyncClient.builder()
            .endpoint(server.endpoint())
            .auth(AppSyncAuth.apiKey("da2-test-key-0123456789"))
            .sleeper(sleeper)
            .build();

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private AppSyncException failureOf(ScriptedHttpServer.Reply reply) {
        server.otherwise(reply);
        return catchThrowableOfType(AppSyncException.class, () -> client.execute(REQUEST));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 301})
    void execute_clientErrorStatus_notRetried(int status) {
        AppSyncException failure = failureOf(status(status, "{}"));

        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.statusCode()).isEqualTo(status);
        assertThat(server.received()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void execute_401_messageNamesAuthCheckAndCarriesErrors() {
        AppSyncException failure = failureOf(status(401, "{\"errors\":[{\"errorType\":\"UnauthorizedException\","
                + "\"message\":\"You are not authorized to make this call.\"}]}"));

        assertThat(failure.getMessage()).contains(server.endpoint().toString(), "HTTP 401",
                "UnauthorizedException: You are not authorized", "Check the API key", "IAM credentials",
                "auth modes", "Retrying will not help");
        assertThat(failure.getMessage()).doesNotContain("da2-test-key");
        assertThat(failure.errors()).singleElement()
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("UnauthorizedException"));
    }

    @Test
    void execute_400_messageNamesQueryAndAuthCheck() {
        AppSyncException failure = failureOf(status(400, "{\"errors\":[{\"errorType\":"
                + "\"MalformedHttpRequestException\",\"message\":\"Unable to parse GraphQL query.\"}]}"));

        assertThat(failure.getMessage()).contains("HTTP 400", "MalformedHttpRequestException",
                "query and variables", "API key", "auth modes");
    }

    @Test
    void execute_404_messageNamesEndpointCheck() {
        AppSyncException failure = failureOf(status(404, "Not Found"));

        assertThat(failure.getMessage()).contains("HTTP 404", "ending in /graphql", "Body: Not Found");
    }

    static Stream<Arguments> conditionalCheckBodies() {
        return Stream.of(
                Arguments.of("AppSync: errorType at the root", "{\"data\":{\"upsertProduct\":null},\"errors\":[{"
                        + "\"path\":[\"upsertProduct\"],\"data\":null,\"errorType\":"
                        + "\"DynamoDB:ConditionalCheckFailedException\",\"errorInfo\":null,\"locations\":"
                        + "[{\"line\":1,\"column\":12}],\"message\":\"The conditional request failed\"}]}"),
                Arguments.of("simulator: errorType under extensions", "{\"data\":{\"upsertProduct\":null},"
                        + "\"errors\":[{\"message\":\"The conditional request failed\",\"path\":[\"upsertProduct\"],"
                        + "\"extensions\":{\"errorType\":\"DynamoDB:ConditionalCheckFailedException\"}}]}"),
                Arguments.of("simulator: message only", "{\"data\":{\"upsertProduct\":null},\"errors\":[{"
                        + "\"message\":\"The conditional request failed\",\"path\":[\"upsertProduct\"]}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditionalCheckBodies")
    void execute_conditionalCheckFailed_returnedWithoutRetry(String variant, String body) {
        server.otherwise(json(body));

        GraphQlResponse response = client.execute(REQUEST);

        assertThat(response.attempts()).isEqualTo(1);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.data().path("upsertProduct").isNull()).isTrue();
        assertThat(response.errors()).singleElement().satisfies(error -> {
            assertThat(error.isConditionalCheckFailed()).isTrue();
            assertThat(error.isThrottling()).isFalse();
            assertThat(error.path().get(0).asText()).isEqualTo("upsertProduct");
        });
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void execute_unauthorizedFieldError_returnedWithoutRetry() {
        server.otherwise(json("{\"data\":{\"upsertProduct\":null},\"errors\":[{\"errorType\":\"Unauthorized\","
                + "\"message\":\"Not Authorized to access upsertProduct on type Mutation\"}]}"));

        GraphQlResponse response = client.execute(REQUEST);

        assertThat(response.attempts()).isEqualTo(1);
        assertThat(response.errors()).singleElement().satisfies(e -> assertThat(e.isUnauthorized()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>oops</html>", "", "{\"foo\":1}", "[1,2]", "{\"data\":", "{\"errors\":\"x\"}"})
    void execute_200WithoutGraphQlJson_throwsNotRetryable(String body) {
        AppSyncException failure = failureOf(json(body));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.statusCode()).isEqualTo(200);
        assertThat(failure.getMessage()).contains("not a GraphQL JSON response",
                body.isEmpty() ? "<empty>" : body);
    }

    @Test
    void execute_long200Body_messageQuotesFirst200Characters() {
        AppSyncException failure = failureOf(json("x".repeat(500)));

        assertThat(failure.getMessage()).contains("x".repeat(200) + "...").doesNotContain("x".repeat(201));
    }

    @Test
    void execute_afterClose_throwsIllegalState() {
        client.close();

        assertThatThrownBy(() -> client.execute(REQUEST))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void execute_nullRequest_throwsNullPointer() {
        assertThatThrownBy(() -> client.execute(null)).isInstanceOf(NullPointerException.class);
    }
}
