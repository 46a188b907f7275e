package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The function behind Lambda's API, so that {@code aws lambda invoke --endpoint-url} and any Lambda client (the
 * connector's SDK included) can call it on 127.0.0.1 (or {@code --bind-host}), and is
 * held to what Lambda holds callers to (local-stack
 * README, "The Invoke API, strictly"):
 * <ul>
 *   <li>every call is SigV4-signed for service {@code lambda} and the stack's region with credentials this stack
 *       issued ({@link SigV4Verifier}, the AppSync gateway's verifier), and the caller's role must be allowed the
 *       action on the ARN it names ({@link LambdaPermissions}: the connector's {@code ConnectorGrant});</li>
 *   <li>{@code POST /2015-03-31/functions/{name}/invocations} (Invoke): {@code RequestResponse} answers 200 with the
 *       function's JSON, or 200 with {@code X-Amz-Function-Error: Unhandled} and the error document;
 *       {@code Event} answers 202 at once and runs afterwards with Lambda's retries ({@link AsyncInvocations});
 *       {@code DryRun} answers 204; {@code X-Amz-Executed-Version} is the version that ran: {@code $LATEST}
 *       unqualified, the alias's version through the alias;</li>
 *   <li>{@code GET /2015-03-31/functions/{name}} (GetFunction), which Confluent's connector calls.</li>
 * </ul>
 */
public final class InvokeServer implements AutoCloseable {

    /**
     * What the server serves and checks.
     *
     * @param port a free port, or 0 for any
     * @param function the function's configuration (name, region, handler, memory, timeout)
     * @param authority who may sign: the stack's credentials authority
     * @param asyncRetryDelays the waits before each retry of a failed {@code Event} invocation (Lambda's: 1 and 2 min)
     * @param log receives a line for each asynchronous invocation given up on
     * @param bindAddress where to listen ({@link BindHost}; 127.0.0.1 by default)
     */
    public record Settings(int port, FunctionSpec function, CredentialsAuthority authority,
                           List<Duration> asyncRetryDelays, Consumer<String> log, InetAddress bindAddress) {

        /** Rejects missing parts; copies the delays. */
        public Settings {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(authority, "authority");
            asyncRetryDelays = List.copyOf(asyncRetryDelays);
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(bindAddress, "bindAddress");
        }

        /** On 127.0.0.1. */
        public Settings(int port, FunctionSpec function, CredentialsAuthority authority,
                        List<Duration> asyncRetryDelays, Consumer<String> log) {
            this(port, function, authority, asyncRetryDelays, log, InetAddress.getLoopbackAddress());
        }
    }

    static final String PATH_PREFIX = "/2015-03-31/functions/";
    static final String INVOKE = "lambda:InvokeFunction";
    static final String GET_FUNCTION = "lambda:GetFunction";
    /** Invoke's payload limits: 6 MB synchronous, 1 MB asynchronous (API_Invoke.html). */
    static final int MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
    static final int MAX_ASYNC_PAYLOAD = 1024 * 1024;
    private static final String JSON = "application/json";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Settings settings;
    private final PublishedFunction function;
    private final SigV4Verifier verifier;
    private final LambdaPermissions permissions;
    private final AsyncInvocations async;
    private final ObjectMapper mapper;

    private InvokeServer(HttpServer server, Settings settings, PublishedFunction function, ObjectMapper mapper) {
        this.server = server;
        this.settings = settings;
        this.function = function;
        this.mapper = mapper;
        this.verifier = new SigV4Verifier(settings.authority(), settings.function().region(), "lambda");
        this.permissions = LambdaPermissions.of(settings.function().arn(null));
        this.async = new AsyncInvocations(function, settings.asyncRetryDelays(), settings.log());
        server.setExecutor(executor);
        server.createContext(PATH_PREFIX, this::exchange);
    }

    /**
     * Starts serving {@code function} on {@link Settings#bindAddress()}.
     *
     * @throws UncheckedIOException naming the port when it cannot bind
     */
    public static InvokeServer start(Settings settings, PublishedFunction function, ObjectMapper mapper) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 0);
            InvokeServer invoke = new InvokeServer(server, settings, function, mapper);
            server.start();
            return invoke;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the Lambda Invoke API on " + settings.bindAddress()
                    .getHostAddress() + ":" + settings.port() + ": " + e.getMessage() + ". Fix: free the port or "
                    + "choose another with --invoke-port (0 picks one), or another --bind-host.", e);
        }
    }

    /** {@code http://<bind host>:<port>} (127.0.0.1 when bound to all): for {@code aws lambda invoke --endpoint-url}. */
    public URI endpoint() {
        return URI.create("http://" + BindHost.urlHost(settings.bindAddress()) + ":" + server.getAddress().getPort());
    }

    /** The invocation URL of the function's alias, the one the connector role may invoke. */
    public URI invocationUrl() {
        return endpoint().resolve(PATH_PREFIX + functionName() + ":" + LocalStack.FUNCTION_ALIAS + "/invocations");
    }

    /** The function name it answers to. */
    public String functionName() {
        return settings.function().name();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_SYNC_PAYLOAD + 1);
            }
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            LambdaApiCall call = LambdaApiCall.of(exchange.getRequestMethod(), exchange.getRequestURI(),
                    settings.function().region());
            if (call == null) {
                refuse(exchange, new LambdaRefusal(404, "UnknownOperationException", "No Lambda operation is "
                        + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + "; this endpoint "
                        + "serves Invoke (POST " + PATH_PREFIX + "{FunctionName}/invocations) and GetFunction (GET "
                        + PATH_PREFIX + "{FunctionName})"));
                return;
            }
            LambdaRefusal refusal = authorize(exchange, call, body);
            if (refusal != null) {
                refuse(exchange, refusal);
            } else if (call.action().equals(GET_FUNCTION)) {
                getFunction(exchange, call.target());
            } else {
                invoke(exchange, call.target(), body);
            }
        }
    }

    /** Signature, then the caller's policy on the ARN it names, then whether that function exists: AWS's order. */
    private LambdaRefusal authorize(HttpExchange exchange, LambdaApiCall call, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return LambdaRefusal.missingAuthenticationToken();
        }
        CredentialsAuthority.IssuedCredentials caller;
        try {
            String query = exchange.getRequestURI().getRawQuery();
            URI uri = URI.create("http://" + exchange.getRequestHeaders().getFirst("Host")
                    + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
            caller = verifier.authenticate(new SigV4Verifier.Request(exchange.getRequestMethod(), uri,
                    SigV4Verifier.lowerCaseNames(exchange.getRequestHeaders()), body));
        } catch (SigV4Verifier.Refused e) {
            return LambdaRefusal.of(e.refusal());
        }
        if (call.invalid() != null) {
            return LambdaRefusal.invalidParameter(call.invalid());
        }
        FunctionTarget target = call.target();
        if (!permissions.allows(caller.role(), call.action(), target.resourceArn())) {
            return LambdaRefusal.accessDenied(caller.role(), call.action(), target.resourceArn());
        }
        return exists(target);
    }

    /** Null when the target exists: this function, unqualified, {@code $LATEST}, the alias or its version. */
    private LambdaRefusal exists(FunctionTarget target) {
        FunctionSpec spec = settings.function();
        if (!target.functionArn().equals(spec.arn(null))) {
            return LambdaRefusal.notFound(target.resourceArn(), "this stack serves " + spec.arn(null));
        }
        String qualifier = target.qualifier();
        if (target.isLatest() || qualifier.equals(LocalStack.FUNCTION_ALIAS)
                || qualifier.equals(function.aliasVersion())) {
            return null;
        }
        return LambdaRefusal.notFound(target.resourceArn(), "it has alias " + LocalStack.FUNCTION_ALIAS
                + " and version " + function.aliasVersion() + "; older versions are not kept");
    }

    private void invoke(HttpExchange exchange, FunctionTarget target, byte[] body) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
        String invocationType = type == null ? "RequestResponse" : type;
        if (!List.of("RequestResponse", "Event", "DryRun").contains(invocationType)) {
            refuse(exchange, LambdaRefusal.invalidParameter("X-Amz-Invocation-Type must be RequestResponse, Event or "
                    + "DryRun, got " + invocationType));
            return;
        }
        int limit = invocationType.equals("Event") ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
        if (body.length > limit) {
            refuse(exchange, LambdaRefusal.tooLarge(limit));
            return;
        }
        FunctionInvoker.Request request;
        try {
            request = new FunctionInvoker.Request(body, target.qualifier(), clientContext(exchange));
        } catch (IllegalArgumentException e) {
            refuse(exchange, LambdaRefusal.invalidParameter("X-Amz-Client-Context must be base64-encoded JSON: "
                    + e.getMessage()));
            return;
        }
        String aliasVersion = function.aliasVersion();
        switch (invocationType) {
            case "DryRun" -> {
                executedVersion(exchange, target, aliasVersion);
                exchange.sendResponseHeaders(204, -1);
            }
            case "Event" -> {
                async.submit(exchange.getResponseHeaders().getFirst("x-amzn-RequestId"), request);
                executedVersion(exchange, target, aliasVersion);
                exchange.sendResponseHeaders(202, -1);
            }
            default -> respond(exchange, target, run(request));
        }
    }

    private PublishedFunction.Executed run(FunctionInvoker.Request request) throws IOException {
        try {
            return function.invokeVersion(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: the local stack is stopping", e);
        }
    }

    private void respond(HttpExchange exchange, FunctionTarget target, PublishedFunction.Executed executed)
            throws IOException {
        executedVersion(exchange, target, executed.version());
        switch (executed.result()) {
            case FunctionInvoker.Success success -> HttpResponses.send(exchange, 200, JSON, success.payload());
            case FunctionInvoker.Failure failure -> {
                exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
                HttpResponses.send(exchange, 200, JSON, failure.errorDocument());
            }
        }
    }

    /** {@code $LATEST} for an unqualified call, else the published version (the alias's, through the alias). */
    private static void executedVersion(HttpExchange exchange, FunctionTarget target, String version) {
        exchange.getResponseHeaders().set("X-Amz-Executed-Version", target.isLatest() ? "$LATEST" : version);
    }

    /** GetFunction's answer (API_GetFunction.html): the configuration of the function, version or alias named. */
    private void getFunction(HttpExchange exchange, FunctionTarget target) throws IOException {
        FunctionSpec spec = settings.function();
        ObjectNode answer = mapper.createObjectNode();
        ObjectNode configuration = answer.putObject("Configuration")
                .put("FunctionName", spec.name())
                .put("FunctionArn", target.resourceArn())
                .put("Runtime", "java21")
                .put("Handler", spec.handler())
                .put("MemorySize", spec.memoryMb())
                .put("Timeout", spec.timeout().toSeconds())
                .put("Version", target.isLatest() ? "$LATEST" : function.aliasVersion())
                .put("State", "Active")
                .put("LastUpdateStatus", "Successful")
                .put("PackageType", "Zip");
        configuration.putArray("Architectures").add("arm64");
        answer.putObject("Code").put("RepositoryType", "S3");
        HttpResponses.send(exchange, 200, JSON, mapper.writeValueAsBytes(answer));
    }

    /**
     * {@code X-Amz-Client-Context}: base64 JSON, handed to the runtime decoded (Invoke API reference).
     *
     * @throws IllegalArgumentException when it is not base64
     */
    private static String clientContext(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("X-Amz-Client-Context");
        if (header == null || header.isBlank()) {
            return null;
        }
        return new String(Base64.getDecoder().decode(header.strip()), StandardCharsets.UTF_8);
    }

    private void refuse(HttpExchange exchange, LambdaRefusal refusal) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", refusal.errorType());
        HttpResponses.send(exchange, refusal.status(), JSON, refusal.body(mapper));
    }

    /** Stops serving; invocations in flight finish first; queued asynchronous ones are dropped. */
    @Override
    public void close() {
        server.stop(0);
        executor.close();
        async.close();
    }

    @Override
    public String toString() {
        return "InvokeServer[" + invocationUrl() + "]";
    }
}
