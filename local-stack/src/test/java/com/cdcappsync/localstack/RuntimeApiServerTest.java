package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Runtime API as the runtime interface client meets it (docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html).
 */
class RuntimeApiServerTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final RuntimeApiServer api = RuntimeApiServer.start(mapper);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String errorType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (errorType != null) {
            request.header("Lambda-Runtime-Function-Error-Type", errorType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://" + api.hostAndPort() + "/2018-06-01/runtime/" + path);
    }

    private static RuntimeApiServer.Invocation invocation(String id, String clientContext, String cognito) {
        return new RuntimeApiServer.Invocation(id, "{\"a\":1}".getBytes(StandardCharsets.UTF_8), 1_700_000_000_000L,
                "arn:aws:lambda:us-east-1:000000000000:function:f", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;"
                + "Parent=9a9197af755a6419;Sampled=1", clientContext, cognito);
    }

    @Test
    void next_queuedInvocation_payloadWithEveryHeaderLambdaSends() throws Exception {
        api.submit(invocation("id-1", "{\"custom\":{}}", "{\"cognitoIdentityId\":\"x\"}"));

        HttpResponse<String> next = get("invocation/next");

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("{\"a\":1}");
        var headers = next.headers();
        assertThat(headers.firstValue("Lambda-Runtime-Aws-Request-Id")).contains("id-1");
        assertThat(headers.firstValue("Lambda-Runtime-Deadline-Ms")).contains("1700000000000");
        assertThat(headers.firstValue("Lambda-Runtime-Invoked-Function-Arn"))
                .contains("arn:aws:lambda:us-east-1:000000000000:function:f");
        assertThat(headers.firstValue("Lambda-Runtime-Trace-Id")).get().asString().startsWith("Root=1-");
        assertThat(headers.firstValue("Lambda-Runtime-Client-Context")).contains("{\"custom\":{}}");
        assertThat(headers.firstValue("Lambda-Runtime-Cognito-Identity")).contains("{\"cognitoIdentityId\":\"x\"}");
        assertThat(api.polling()).isDone();
    }

    @Test
    void next_noClientContext_headerLeftOut() throws Exception {
        api.submit(invocation("id-2", null, null));

        HttpResponse<String> next = get("invocation/next");

        assertThat(next.headers().firstValue("Lambda-Runtime-Client-Context")).isEmpty();
        assertThat(next.headers().firstValue("Lambda-Runtime-Cognito-Identity")).isEmpty();
    }

    @Test
    void response_inFlight_202AndTheInvocationCompletes() throws Exception {
        CompletableFuture<RuntimeApiServer.Report> report = api.submit(invocation("id-3", null, null));
        get("invocation/next");

        HttpResponse<String> posted = post("invocation/id-3/response", "{\"ok\":true}", null);

        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(posted.body()).isEqualTo("{\"status\":\"OK\"}");
        RuntimeApiServer.Report done = report.get(5, TimeUnit.SECONDS);
        assertThat(done).isInstanceOf(RuntimeApiServer.Response.class);
        assertThat(new String(((RuntimeApiServer.Response) done).payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"ok\":true}");
    }

    @Test
    void response_unknownRequestId_400InvalidRequestId() throws Exception {
        HttpResponse<String> posted = post("invocation/no-such-id/response", "{}", null);

        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(posted.body()).path("errorType").asText()).isEqualTo("InvalidRequestID");
        assertThat(mapper.readTree(posted.body()).path("errorMessage").asText()).isEqualTo("Invalid request ID");
    }

    @Test
    void response_secondReportOfTheSameInvocation_400() throws Exception {
        api.submit(invocation("id-4", null, null));
        get("invocation/next");
        post("invocation/id-4/response", "{}", null);

        assertThat(post("invocation/id-4/error", "{}", "Runtime.UserException").statusCode()).isEqualTo(400);
    }

    @Test
    void error_inFlight_202WithTheRuntimesErrorTypeAndDocument() throws Exception {
        CompletableFuture<RuntimeApiServer.Report> report = api.submit(invocation("id-5", null, null));
        get("invocation/next");
        String document = "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.RuntimeException\",\"stackTrace\":[]}";

        assertThat(post("invocation/id-5/error", document, "Runtime.UserException").statusCode()).isEqualTo(202);

        RuntimeApiServer.ErrorReport error = (RuntimeApiServer.ErrorReport) report.get(5, TimeUnit.SECONDS);
        assertThat(error.errorType()).isEqualTo("Runtime.UserException");
        assertThat(new String(error.document(), StandardCharsets.UTF_8)).isEqualTo(document);
    }

    @Test
    void response_over6Mb_413AndTheInvocationFailsAsResponseSizeTooLarge() throws Exception {
        CompletableFuture<RuntimeApiServer.Report> report = api.submit(invocation("id-6", null, null));
        get("invocation/next");

        HttpResponse<String> posted = post("invocation/id-6/response", "x".repeat(RuntimeApiServer.MAX_RESPONSE + 1),
                null);

        assertThat(posted.statusCode()).isEqualTo(413);
        RuntimeApiServer.ErrorReport error = (RuntimeApiServer.ErrorReport) report.get(5, TimeUnit.SECONDS);
        assertThat(mapper.readTree(error.document()).path("errorType").asText())
                .isEqualTo("Function.ResponseSizeTooLarge");
    }

    @Test
    void initError_posted_202AndRecorded() throws Exception {
        String document = "{\"errorMessage\":\"no handler\",\"errorType\":\"java.lang.ClassNotFoundException\"}";

        assertThat(post("init/error", document, "Runtime.BadFunctionCode").statusCode()).isEqualTo(202);

        RuntimeApiServer.ErrorReport error = api.initError().get(5, TimeUnit.SECONDS);
        assertThat(error.errorType()).isEqualTo("Runtime.BadFunctionCode");
        assertThat(new String(error.document(), StandardCharsets.UTF_8)).isEqualTo(document);
    }

    @Test
    void restoreNext_answeredOnlyAfterRestore() throws Exception {
        CompletableFuture<HttpResponse<String>> restore = http.sendAsync(HttpRequest.newBuilder(uri("restore/next"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        api.checkpointReached().get(5, TimeUnit.SECONDS);
        assertThat(restore).isNotDone();

        api.restore();

        assertThat(restore.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void restoreError_posted_202AndRecorded() throws Exception {
        assertThat(post("restore/error", "{\"errorMessage\":\"hook\",\"errorType\":\"x\"}", "Runtime.AfterRestoreError")
                .statusCode()).isEqualTo(202);

        assertThat(api.restoreError().get(5, TimeUnit.SECONDS).errorType()).isEqualTo("Runtime.AfterRestoreError");
    }

    @Test
    void unknownPath_404NamingTheReference() throws Exception {
        HttpResponse<String> answer = get("invocation/next/extra");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("runtimes-api.html");
    }
}
