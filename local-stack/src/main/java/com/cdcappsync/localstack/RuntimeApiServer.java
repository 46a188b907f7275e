package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Lambda Runtime API, version 2018-06-01, for one execution environment: what the runtime interface client
 * in the function's JVM polls for invocations and reports to. As AWS documents it
 * (docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html, and for SnapStart
 * docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-custom.html):
 * <ul>
 *   <li>{@code GET invocation/next} waits (no time limit) for an invocation and answers its payload with every
 *       header Lambda sends: {@code Lambda-Runtime-Aws-Request-Id}, {@code -Deadline-Ms},
 *       {@code -Invoked-Function-Arn}, {@code -Trace-Id}, and {@code -Client-Context} / {@code -Cognito-Identity}
 *       when the caller set them. The RIC's native client reads them (aws-lambda-java-libs,
 *       aws-lambda-java-runtime-interface-client/src/main/jni/deps/aws-lambda-cpp-0.2.7/src/runtime.cpp);</li>
 *   <li>{@code POST invocation/{id}/response} and {@code /error}: 202 {@code {"status":"OK"}}; an id that is
 *       not in flight is 400 {@code InvalidRequestID}, as Lambda answers it; a response over 6 MB is 413;</li>
 *   <li>{@code POST init/error}, {@code GET restore/next} (SnapStart: the runtime ran its before-checkpoint hooks
 *       and waits to be restored) and {@code POST restore/error}.</li>
 * </ul>
 * Errors are reported with their {@code Lambda-Runtime-Function-Error-Type} header and Lambda's error document,
 * as the RIC's {@code LambdaRuntimeApiClientImpl} posts them.
 */
final class RuntimeApiServer implements AutoCloseable {

    static final String PREFIX = "/2018-06-01/runtime/";
    /** Lambda's limit for a synchronous response (invocation quotas: 6 MB). */
    static final int MAX_RESPONSE = 6 * 1024 * 1024;
    private static final String JSON = "application/json";
    private static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";

    /**
     * One invocation, as {@code invocation/next} hands it to the runtime.
     *
     * @param clientContext   {@code Lambda-Runtime-Client-Context}; null when the caller sent none
     * @param cognitoIdentity {@code Lambda-Runtime-Cognito-Identity}; null when the caller sent none
     */
    record Invocation(String requestId, byte[] payload, long deadlineEpochMs, String functionArn, String traceId,
                      String clientContext, String cognitoIdentity) {
    }

    /** What the runtime reported: a response, or an error (of an invocation, of init or of restore). */
    sealed interface Report permits Response, ErrorReport {
    }

    /** {@code invocation/{id}/response}. */
    record Response(byte[] payload) implements Report {
    }

    /**
     * An error the runtime posted.
     *
     * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, e.g. {@code Runtime.UserException}
     * @param document  the body: {@code {"errorMessage", "errorType", "stackTrace"}}
     */
    record ErrorReport(String errorType, byte[] document) implements Report {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ObjectMapper mapper;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Report>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Runnable> onDelivery = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> polling = new CompletableFuture<>();
    private final CompletableFuture<ErrorReport> initError = new CompletableFuture<>();
    private final CompletableFuture<Void> checkpointReached = new CompletableFuture<>();
    private final CompletableFuture<Void> restored = new CompletableFuture<>();
    private final CompletableFuture<ErrorReport> restoreError = new CompletableFuture<>();

    private RuntimeApiServer(HttpServer server, ObjectMapper mapper) {
        this.server = server;
        this.mapper = mapper;
        server.setExecutor(executor);
        server.createContext(PREFIX, this::exchange);
    }

    /** Serves the Runtime API on a free loopback port. */
    static RuntimeApiServer start(ObjectMapper mapper) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RuntimeApiServer api = new RuntimeApiServer(server, mapper);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the Lambda Runtime API on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** {@code 127.0.0.1:<port>}: the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues {@code invocation} for the runtime; the future completes with what the runtime reports. */
    CompletableFuture<Report> submit(Invocation invocation) {
        return submit(invocation, () -> { });
    }

    /** As {@link #submit(Invocation)}, running {@code delivered} when the runtime takes the invocation. */
    CompletableFuture<Report> submit(Invocation invocation, Runnable delivered) {
        CompletableFuture<Report> report = new CompletableFuture<>();
        inFlight.put(invocation.requestId(), report);
        onDelivery.put(invocation.requestId(), delivered);
        queue.add(invocation);
        return report;
    }

    /** Forgets an invocation the host gave up on (timeout): a late report of it is then a 400. */
    void abandon(String requestId) {
        inFlight.remove(requestId);
        onDelivery.remove(requestId);
        queue.removeIf(invocation -> invocation.requestId().equals(requestId));
    }


    /** Completes when the runtime first asks for an invocation: init (and restore) are done. */
    CompletableFuture<Void> polling() {
        return polling;
    }

    /** Completes when the runtime posts {@code init/error}. */
    CompletableFuture<ErrorReport> initError() {
        return initError;
    }

    /** Completes when the runtime calls {@code restore/next}: its before-checkpoint hooks ran. */
    CompletableFuture<Void> checkpointReached() {
        return checkpointReached;
    }

    /** Answers the waiting {@code restore/next}: the environment is "restored" and after-restore hooks run. */
    void restore() {
        restored.complete(null);
    }

    /** Completes when the runtime posts {@code restore/error} (an after-restore hook failed). */
    CompletableFuture<ErrorReport> restoreError() {
        return restoreError;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            switch (method + " " + path) {
                case "GET invocation/next" -> next(exchange);
                case "POST init/error" -> accept(exchange, initError::complete);
                case "GET restore/next" -> restoreNext(exchange);
                case "POST restore/error" -> accept(exchange, restoreError::complete);
                default -> invocationReport(exchange, method, path);
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        polling.complete(null);
        Invocation invocation;
        try {
            invocation = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // closing: the runtime is being stopped
        }
        Runnable delivered = onDelivery.remove(invocation.requestId());
        if (delivered != null) {
            delivered.run();
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMs()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
        headers.set("Lambda-Runtime-Trace-Id", invocation.traceId());
        if (invocation.clientContext() != null) {
            headers.set("Lambda-Runtime-Client-Context", invocation.clientContext());
        }
        if (invocation.cognitoIdentity() != null) {
            headers.set("Lambda-Runtime-Cognito-Identity", invocation.cognitoIdentity());
        }
        HttpResponses.send(exchange, 200, JSON, invocation.payload());
    }

    private void restoreNext(HttpExchange exchange) throws IOException {
        checkpointReached.complete(null);
        try {
            restored.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (java.util.concurrent.ExecutionException e) {
            return;
        }
        HttpResponses.send(exchange, 200, JSON, new byte[0]);
    }

    private void invocationReport(HttpExchange exchange, String method, String path) throws IOException {
        String[] parts = path.split("/");
        boolean report = method.equals("POST") && parts.length == 3 && parts[0].equals("invocation")
                && (parts[2].equals("response") || parts[2].equals("error"));
        if (!report) {
            status(exchange, 404, "NotFound", "No route for " + method + " " + PREFIX + path
                    + "; see docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html");
            return;
        }
        CompletableFuture<Report> pending = inFlight.get(parts[1]);
        if (pending == null) {
            status(exchange, 400, "InvalidRequestID", "Invalid request ID");
            return;
        }
        byte[] body = readBody(exchange);
        if (parts[2].equals("response") && body.length > MAX_RESPONSE) {
            complete(parts[1], new ErrorReport("Function.ResponseSizeTooLarge", errorDocument(
                    "Function.ResponseSizeTooLarge", "Response payload size exceeded maximum allowed payload size ("
                            + MAX_RESPONSE + " bytes).")));
            status(exchange, 413, "RequestEntityTooLarge", "Exceeded maximum allowed payload size ("
                    + MAX_RESPONSE + " bytes).");
            return;
        }
        // Recorded before the answer: a runtime may exit right after it (the RIC does after an init error).
        complete(parts[1], parts[2].equals("response") ? new Response(body) : errorReport(exchange, body));
        status(exchange, 202, null, null);
    }

    private void complete(String requestId, Report report) {
        CompletableFuture<Report> pending = inFlight.remove(requestId);
        if (pending != null) {
            pending.complete(report);
        }
    }

    private void accept(HttpExchange exchange, java.util.function.Consumer<ErrorReport> sink) throws IOException {
        sink.accept(errorReport(exchange, readBody(exchange)));
        status(exchange, 202, null, null);
    }

    private static ErrorReport errorReport(HttpExchange exchange, byte[] body) {
        String type = exchange.getRequestHeaders().getFirst(ERROR_TYPE_HEADER);
        return new ErrorReport(type == null ? "Runtime.Unknown" : type, body);
    }

    /** Lambda's error document, {@code {"errorMessage", "errorType"}}. */
    byte[] errorDocument(String type, String message) {
        try {
            return mapper.writeValueAsBytes(mapper.createObjectNode().put("errorMessage", message)
                    .put("errorType", type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readNBytes(MAX_RESPONSE + 1);
        }
    }

    /** 202 {@code {"status":"OK"}}, or an error status with Lambda's {@code errorMessage}/{@code errorType}. */
    private void status(HttpExchange exchange, int status, String type, String message) throws IOException {
        byte[] body = type == null ? "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8)
                : errorDocument(type, message);
        HttpResponses.send(exchange, status, JSON, body);
    }

    /** Stops serving; a runtime blocked in {@code invocation/next} gets no answer. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "RuntimeApiServer[" + hostAndPort() + "]";
    }
}
