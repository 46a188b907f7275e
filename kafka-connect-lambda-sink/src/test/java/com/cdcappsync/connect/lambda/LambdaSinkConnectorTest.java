package com.cdcappsync.connect.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connector's start: it reads the function with GetFunction under the configured name, as Confluent's does. */
class LambdaSinkConnectorTest {

    private static final String ALIAS_ARN = "arn:aws:lambda:us-east-1:123456789012:function:fn:live";

    private final FakeLambda lambda = new FakeLambda();
    private final LambdaSinkConnector connector = new LambdaSinkConnector();

    @AfterEach
    void stop() {
        connector.stop();
        lambda.close();
    }

    private Map<String, String> config() {
        return Map.of("name", "sink", "aws.lambda.function.name", ALIAS_ARN, "aws.access.key.id", "AKID",
                "aws.secret.access.key", "secret", "aws.lambda.endpoint.override", lambda.endpoint().toString());
    }

    @Test
    void start_functionReadable_callsGetFunctionSignedWithTheConfiguredName() {
        lambda.script.add(FakeLambda.Answer.ok("{\"Configuration\":{\"FunctionName\":\"fn\",\"Version\":\"1\"}}"));

        connector.start(config());

        assertThat(lambda.calls).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/2015-03-31/functions/" + ALIAS_ARN.replace(":", "%3A"));
            assertThat(call.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKID/")
                    .contains("/us-east-1/lambda/aws4_request");
        });
        assertThat(connector.taskConfigs(1)).hasSize(1);
    }

    @Test
    void start_getFunctionAccessDenied_failsNamingTheRefusalAndTheFix() {
        lambda.script.add(new FakeLambda.Answer(403, null, "{\"Type\":\"User\",\"Message\":\"User: "
                + "arn:aws:sts::123456789012:assumed-role/r/s is not authorized to perform: lambda:GetFunction\"}"));

        assertThatThrownBy(() -> connector.start(config()))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("GetFunction on " + ALIAS_ARN + " was refused")
                .hasMessageContaining("not authorized to perform: lambda:GetFunction")
                .hasMessageContaining("Fix: give the connector's principal lambda:GetFunction");
    }

    @Test
    void start_lambdaUnreachable_startsAndLeavesItToTheInvocations() {
        Map<String, String> unreachable = new java.util.HashMap<>(config());
        unreachable.put("aws.lambda.endpoint.override", "http://127.0.0.1:1");

        connector.start(unreachable);

        assertThat(connector.taskConfigs(2)).hasSize(2);
    }
}
