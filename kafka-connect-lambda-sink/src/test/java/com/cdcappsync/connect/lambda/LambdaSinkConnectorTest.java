package com.cdcappsync.connect.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.connect.sink.SinkConnectorContext;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector's start: it reads the function with GetFunction under the configured name, as Confluent's does, and
 * a refusal fails the connector through its context.
 */
class LambdaSinkConnectorTest {

    private static final String ALIAS_ARN = "arn:aws:lambda:us-east-1:123456789012:function:fn:live";

    private final FakeLambda lambda = new FakeLambda();
    private final LambdaSinkConnector connector = new LambdaSinkConnector();
    private final List<Throwable> raised = new CopyOnWriteArrayList<>();

    @BeforeEach
    void initialize() {
        connector.initialize(new SinkConnectorContext() {
            @Override
            public void requestTaskReconfiguration() {
                // not used here
            }

            @Override
            public void raiseError(Exception e) {
                raised.add(e);
            }

            @Override
            public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
                return null;
            }
        });
    }

    private void startAndAwaitTheCheck(Map<String, String> config) throws InterruptedException {
        connector.start(config);
        assertThat(connector.awaitFunctionCheck(Duration.ofSeconds(30))).as("GetFunction checked").isTrue();
    }

    @AfterEach
    void stop() {
        connector.stop();
        lambda.close();
    }

    private Map<String, String> config() {
        return Map.of("name", "sink", "aws.lambda.function.name", ALIAS_ARN, "aws.access.key.id", "AKID",
                "aws.secret.access.key", "secret", "aws.lambda.region", "us-east-1",
                "aws.lambda.endpoint.override", lambda.endpoint().toString());
    }

    @Test
    void start_functionReadable_callsGetFunctionSignedWithTheConfiguredName() throws Exception {
        lambda.script.add(FakeLambda.Answer.ok("{\"Configuration\":{\"FunctionName\":\"fn\",\"Version\":\"1\"}}"));

        startAndAwaitTheCheck(config());

        assertThat(lambda.calls).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/2015-03-31/functions/" + ALIAS_ARN.replace(":", "%3A"));
            assertThat(call.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKID/")
                    .contains("/us-east-1/lambda/aws4_request");
        });
        assertThat(connector.taskConfigs(1)).hasSize(1);
        assertThat(raised).isEmpty();
    }

    @Test
    void start_getFunctionAccessDenied_failsNamingTheRefusalAndTheFix() throws Exception {
        lambda.script.add(new FakeLambda.Answer(403, null, "AccessDeniedException",
                "{\"Type\":\"User\",\"Message\":\"User: arn:aws:sts::123456789012:assumed-role/r/s is not "
                        + "authorized to perform: lambda:GetFunction\"}"));

        startAndAwaitTheCheck(config());

        assertThat(raised).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("GetFunction on " + ALIAS_ARN + " was refused")
                .hasMessageContaining("not authorized to perform: lambda:GetFunction")
                .hasMessageContaining("Fix: give the connector's principal lambda:GetFunction");
    }

    @Test
    void start_lambdaUnreachable_startsAndLeavesItToTheInvocations() throws Exception {
        Map<String, String> unreachable = new java.util.HashMap<>(config());
        unreachable.put("aws.lambda.endpoint.override", "http://127.0.0.1:1");

        startAndAwaitTheCheck(unreachable);

        assertThat(connector.taskConfigs(2)).hasSize(2);
        assertThat(raised).isEmpty();
    }
}
