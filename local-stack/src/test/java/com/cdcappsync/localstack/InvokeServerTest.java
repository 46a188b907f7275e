package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Invoke API in front of the function, with a stand-in function (fault injection). */
class InvokeServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(InvokeServer server, String name, String clientContext) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.endpoint().resolve(InvokeServer.PATH_PREFIX + name
                + "/invocations")).POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (clientContext != null) {
            request.header("X-Amz-Client-Context", clientContext);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void invoke_functionTimedOut_200UnhandledWithTheErrorDocument() throws Exception {
        String timeout = "{\"errorMessage\":\"RequestId: x Error: Task timed out after 45.00 seconds\","
                + "\"errorType\":\"Sandbox.Timedout\"}";
        try (InvokeServer server = InvokeServer.start(0, "f", request -> new FunctionInvoker.Failure(
                timeout.getBytes(StandardCharsets.UTF_8)), new ObjectMapper())) {
            HttpResponse<String> response = post(server, "f", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
            assertThat(response.body()).isEqualTo(timeout);
        }
    }

    @Test
    void invoke_qualifiedNameAndClientContext_passedToTheFunctionDecoded() throws Exception {
        AtomicReference<FunctionInvoker.Request> seen = new AtomicReference<>();
        try (InvokeServer server = InvokeServer.start(0, "f", request -> {
            seen.set(request);
            return new FunctionInvoker.Success("{}".getBytes(StandardCharsets.UTF_8));
        }, new ObjectMapper())) {
            String context = Base64.getEncoder().encodeToString("{\"custom\":{}}".getBytes(StandardCharsets.UTF_8));

            HttpResponse<String> response = post(server, "f:live", context);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(seen.get().qualifier()).isEqualTo("live");
            assertThat(seen.get().clientContext()).isEqualTo("{\"custom\":{}}");
        }
    }

    @Test
    void invoke_clientContextNotBase64_400NamingTheHeader() throws Exception {
        try (InvokeServer server = InvokeServer.start(0, "f", request -> new FunctionInvoker.Success(new byte[0]),
                new ObjectMapper())) {
            HttpResponse<String> response = post(server, "f", "%%% not base64");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("X-Amz-Client-Context must be base64-encoded JSON");
        }
    }
}
