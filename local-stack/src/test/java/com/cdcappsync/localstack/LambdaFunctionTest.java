package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The function as the local stack runs it: a deployable jar in a child JVM under AWS's runtime interface client,
 * against the local Runtime API. {@link com.cdcappsync.localstack.probe.ProbeHandler} reports what it was given.
 */
class LambdaFunctionTest {

    @TempDir
    Path dir;

    @Test
    void invoke_snapStart_hooksRanBeforeTheFirstInvocationAndNoKeyVariables() throws Exception {
        try (ProbeFunction probe = new ProbeFunction(dir, LambdaMode.SNAPSTART, Duration.ofSeconds(30))) {
            JsonNode answer = probe.json(probe.invoke("echo"));

            assertThat(answer.path("hooks").toString()).isEqualTo("[\"beforeCheckpoint\",\"afterRestore\"]");
            assertThat(probe.function.lifecycle()).containsExactly("checkpoint", "restore", "ready");
            JsonNode env = answer.path("env");
            assertThat(env.path("AWS_LAMBDA_INITIALIZATION_TYPE").asText()).isEqualTo("snap-start");
            assertThat(env.path("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("1");
            assertThat(env.has("AWS_ACCESS_KEY_ID")).isFalse();
            assertThat(env.has("AWS_SECRET_ACCESS_KEY")).isFalse();
            assertThat(env.has("AWS_SESSION_TOKEN")).isFalse();
            assertThat(env.path("AWS_CONTAINER_CREDENTIALS_FULL_URI").asText()).startsWith("http://127.0.0.1:");
            assertThat(env.path("AWS_CONTAINER_AUTHORIZATION_TOKEN").asText()).hasSize(64);
        }
    }

    @Test
    void invoke_snapStart_fetchesContainerCredentialsOnlyWithTheToken() throws Exception {
        try (ProbeFunction probe = new ProbeFunction(dir, LambdaMode.SNAPSTART, Duration.ofSeconds(30))) {
            CredentialsAuthority.IssuedCredentials atRestore = probe.function.credentialsEndpoint().current();
            assertThat(atRestore).as("a fresh set was issued at the restore").isNotNull();

            JsonNode answer = probe.json(probe.invoke("credentials"));

            String issued = probe.function.credentialsEndpoint().current().accessKeyId();
            assertThat(issued).isEqualTo(atRestore.accessKeyId());
            assertThat(answer.path("withToken").asText()).startsWith("200 ").contains("\"AccessKeyId\":\"" + issued)
                    .contains("\"SecretAccessKey\"", "\"Token\"", "\"Expiration\"");
            assertThat(answer.path("withoutToken").asText()).startsWith("403 ");
            assertThat(probe.authority.find(issued)).isPresent();
        }
    }

    @Test
    void invoke_plain_keyVariablesFromTheAuthorityAndOnlyLambdasEnvironment() throws Exception {
        try (ProbeFunction probe = new ProbeFunction(dir, LambdaMode.PLAIN, Duration.ofSeconds(30))) {
            JsonNode answer = probe.json(probe.invoke("echo"));

            JsonNode env = answer.path("env");
            assertThat(answer.path("hooks").size()).isZero();
            assertThat(probe.function.lifecycle()).containsExactly("ready");
            assertThat(probe.authority.find(env.path("AWS_ACCESS_KEY_ID").asText())).get()
                    .extracting(CredentialsAuthority.IssuedCredentials::sessionToken)
                    .isEqualTo(env.path("AWS_SESSION_TOKEN").asText());
            assertThat(env.has("AWS_CONTAINER_CREDENTIALS_FULL_URI")).isFalse();
            assertThat(env.path("AWS_LAMBDA_INITIALIZATION_TYPE").asText()).isEqualTo("on-demand");
            assertThat(env.path("_HANDLER").asText()).isEqualTo(ProbeFunction.HANDLER);
            assertThat(env.path("AWS_REGION").asText()).isEqualTo("us-east-1");
            assertThat(env.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
            assertThat(env.path("TZ").asText()).isEqualTo(":UTC");
            assertThat(env.path("PROBE_SETTING").asText()).isEqualTo("set by the function's configuration");
            List<String> names = new ArrayList<>();
            env.fieldNames().forEachRemaining(names::add);
            assertThat(names).as("nothing of the test JVM's environment").doesNotContain("HOME", "USER", "JAVA_HOME",
                    "MAVEN_ARGS");
        }
    }

    @Test
    void invoke_context_carriesTheRequestIdArnDeadlineTraceAndClientContext() throws Exception {
        try (ProbeFunction probe = new ProbeFunction(dir, LambdaMode.PLAIN, Duration.ofSeconds(30))) {
            JsonNode answer = probe.json(probe.invoke("echo", "live", "{\"custom\":{\"caller\":\"test\"}}"));

            assertThat(answer.path("requestId").asText()).matches("[0-9a-f-]{36}");
            assertThat(answer.path("arn").asText())
                    .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:probe:live");
            assertThat(answer.path("remainingMs").asLong()).isBetween(1L, 30_000L);
            assertThat(answer.path("trace").asText()).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};"
                    + "Sampled=0");
            assertThat(answer.path("clientContext").path("caller").asText()).isEqualTo("test");
            assertThat(probe.log).anyMatch(l -> l.startsWith("START RequestId: " + answer.path("requestId").asText()))
                    .anyMatch(l -> l.startsWith("REPORT RequestId: " + answer.path("requestId").asText()));
        }
    }

    @Test
    void invoke_handlerThrows_lambdasErrorDocument() throws Exception {
        try (ProbeFunction probe = new ProbeFunction(dir, LambdaMode.PLAIN, Duration.ofSeconds(30))) {
            FunctionInvoker.Result result = probe.invoke("throw:broken on purpose");

            assertThat(result).isInstanceOf(FunctionInvoker.Failure.class);
            JsonNode error = probe.json(result);
            assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(error.path("errorMessage").asText()).isEqualTo("broken on purpose");
            assertThat(error.path("stackTrace").isArray()).isTrue();
            assertThat(probe.json(probe.invoke("echo")).has("requestId")).as("the same JVM goes on").isTrue();
            assertThat(probe.function.environmentsStarted()).isEqualTo(1);
        }
    }

    @Test
    void invoke_pastTheTimeout_sandboxTimedoutAndANewEnvironmentNextTime() throws Exception {
        try (ProbeFunction probe = new ProbeFunction(dir, LambdaMode.SNAPSTART, Duration.ofSeconds(1))) {
            long firstPid = probe.function.pid();

            FunctionInvoker.Result result = probe.invoke("sleep:30000");

            assertThat(result).isInstanceOf(FunctionInvoker.Failure.class);
            JsonNode error = probe.json(result);
            assertThat(error.path("errorType").asText()).isEqualTo("Sandbox.Timedout");
            assertThat(error.path("errorMessage").asText()).matches("RequestId: [0-9a-f-]{36} Error: Task timed out "
                    + "after 1\\.00 seconds");
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            JsonNode next = probe.json(probe.invoke("echo"));
            assertThat(next.path("hooks").toString()).isEqualTo("[\"beforeCheckpoint\",\"afterRestore\"]");
            assertThat(probe.function.pid()).isNotEqualTo(firstPid);
            assertThat(probe.function.environmentsStarted()).isEqualTo(2);
        }
    }

    @Test
    void invoke_jvmExits_runtimeExitErrorAndANewEnvironmentNextTime() throws Exception {
        try (ProbeFunction probe = new ProbeFunction(dir, LambdaMode.PLAIN, Duration.ofSeconds(30))) {
            FunctionInvoker.Result result = probe.invoke("exit:3");

            JsonNode error = probe.json(result);
            assertThat(error.path("errorType").asText()).isEqualTo("Runtime.ExitError");
            assertThat(error.path("errorMessage").asText()).endsWith("Error: Runtime exited with error: exit status 3");
            assertThat(probe.json(probe.invoke("echo")).has("requestId")).isTrue();
            assertThat(probe.function.environmentsStarted()).isEqualTo(2);
        }
    }

    @Test
    void start_handlerConstructorThrows_initErrorFailsTheStartWithTheRuntimesReport() {
        String handler = "com.cdcappsync.localstack.probe.FailingInitHandler::handleRequest";

        assertThatThrownBy(() -> new ProbeFunction(dir, LambdaMode.SNAPSTART, Duration.ofSeconds(30), handler))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed to initialise")
                .hasMessageContaining("init and the before-checkpoint hooks")
                .hasMessageContaining("Runtime.")
                .hasMessageContaining("settings are broken on purpose");
    }

    @Test
    void invoke_handlerClassMissing_errorOnInvocationAsLambdaReportsIt() throws Exception {
        String handler = "com.cdcappsync.localstack.probe.NoSuchHandler::handleRequest";
        try (ProbeFunction probe = new ProbeFunction(dir, LambdaMode.PLAIN, Duration.ofSeconds(30), handler)) {
            JsonNode error = probe.json(probe.invoke("echo"));

            assertThat(error.path("errorType").asText()).isEqualTo("java.lang.ClassNotFoundException");
            assertThat(error.path("errorMessage").asText()).contains("NoSuchHandler");
        }
    }

    @Test
    void invoke_jvmDiedWhileIdle_aNewEnvironmentRunsTheInvocation() throws Exception {
        try (ProbeFunction probe = new ProbeFunction(dir, LambdaMode.PLAIN, Duration.ofSeconds(30))) {
            ProcessHandle.of(probe.function.pid()).orElseThrow().destroyForcibly();
            probe.function.exited().get();

            JsonNode answer = probe.json(probe.invoke("echo"));

            assertThat(answer.has("requestId")).as("%s", answer).isTrue();
            assertThat(probe.function.environmentsStarted()).isEqualTo(2);
            assertThat(probe.log).anyMatch(l -> l.contains("exited while idle (signal: killed)"));
        }
    }
}
