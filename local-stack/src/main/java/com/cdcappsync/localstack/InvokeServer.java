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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The function behind the Lambda Invoke API, so that {@code aws lambda invoke --endpoint-url} and any Lambda
 * client (the Confluent connector's SDK included) can call it: {@code POST /2015-03-31/functions/{name}/invocations}
 * on 127.0.0.1. As the real API does:
 * <ul>
 *   <li>{@code RequestResponse} (the default) answers 200 with the function's JSON;</li>
 *   <li>a function error (and a timeout, a crash) answers <b>200</b> with {@code X-Amz-Function-Error: Unhandled}
 *       and the error document the runtime posted, {@code {"errorMessage", "errorType", "stackTrace"}};</li>
 *   <li>{@code X-Amz-Invocation-Type: Event} answers 202 (here after the handler ran, so replays stay ordered),
 *       {@code DryRun} 204 without running it;</li>
 *   <li>an unknown function is 404 {@code ResourceNotFoundException}; a body over 6 MB is 413.</li>
 * </ul>
 * The function name may be given as a name, {@code name:qualifier} or a function ARN. Signatures are not checked.
 */
public final class InvokeServer implements AutoCloseable {

    static final String PATH_PREFIX = "/2015-03-31/functions/";
    static final int MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
    private static final String JSON = "application/json";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String functionName;
    private final FunctionInvoker function;
    private final ObjectMapper mapper;

    private InvokeServer(HttpServer server, String functionName, FunctionInvoker function, ObjectMapper mapper) {
        this.server = server;
        this.functionName = functionName;
        this.function = function;
        this.mapper = mapper;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext(PATH_PREFIX, this::exchange);
    }

    /**
     * Starts serving {@code function} as function {@code functionName} on 127.0.0.1:{@code port}.
     *
     * @param port a free port, or 0 for any
     * @throws UncheckedIOException naming the port when it cannot bind
     */
    public static InvokeServer start(int port, String functionName, FunctionInvoker function, ObjectMapper mapper) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            InvokeServer invoke = new InvokeServer(server, functionName, function, mapper);
            server.start();
            return invoke;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the Lambda Invoke API on 127.0.0.1:" + port + ": "
                    + e.getMessage() + ". Fix: free the port or choose another with --invoke-port (0 picks one).", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the value for {@code aws lambda invoke --endpoint-url}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The full invocation URL of the function. */
    public URI invocationUrl() {
        return endpoint().resolve(PATH_PREFIX + functionName + "/invocations");
    }

    /** The function name it answers to. */
    public String functionName() {
        return functionName;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!path.startsWith(PATH_PREFIX) || !path.endsWith("/invocations")) {
                error(exchange, 404, "UnrecognizedClientException", "No route for " + path + "; the Invoke API is "
                        + "POST " + PATH_PREFIX + "{FunctionName}/invocations");
                return;
            }
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                error(exchange, 405, "MethodNotAllowedException", "Invoke is POST, got " + exchange.getRequestMethod());
                return;
            }
            String requested = URLDecoder.decode(path.substring(PATH_PREFIX.length(),
                    path.length() - "/invocations".length()), StandardCharsets.UTF_8);
            if (!functionName.equals(nameOf(requested))) {
                error(exchange, 404, "ResourceNotFoundException", "Function not found: " + requested
                        + " (this local stack serves " + functionName + ")");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_SYNC_PAYLOAD + 1);
            }
            if (body.length > MAX_SYNC_PAYLOAD) {
                error(exchange, 413, "RequestTooLargeException", "Request must be smaller than " + MAX_SYNC_PAYLOAD
                        + " bytes for the InvokeFunction operation");
                return;
            }
            String context;
            try {
                context = clientContext(exchange);
            } catch (IllegalArgumentException e) {
                error(exchange, 400, "InvalidParameterValueException", "X-Amz-Client-Context must be base64-encoded "
                        + "JSON: " + e.getMessage());
                return;
            }
            invoke(exchange, new FunctionInvoker.Request(body, qualifierOf(requested), context));
        }
    }

    private void invoke(HttpExchange exchange, FunctionInvoker.Request request) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
        String invocationType = type == null ? "RequestResponse" : type;
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
        switch (invocationType) {
            case "DryRun" -> exchange.sendResponseHeaders(204, -1);
            case "RequestResponse", "Event" -> {
                byte[] answer = run(exchange, request);
                if (invocationType.equals("Event")) {
                    exchange.sendResponseHeaders(202, -1);
                } else {
                    HttpResponses.send(exchange, 200, JSON, answer);
                }
            }
            default -> error(exchange, 400, "InvalidParameterValueException", "X-Amz-Invocation-Type must be "
                    + "RequestResponse, Event or DryRun, got " + invocationType);
        }
    }

    /** Runs the function; on an error, marks the exchange as Lambda does and returns the error document. */
    private byte[] run(HttpExchange exchange, FunctionInvoker.Request request) throws IOException {
        FunctionInvoker.Result result;
        try {
            result = function.invoke(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: the local stack is stopping", e);
        }
        return switch (result) {
            case FunctionInvoker.Success success -> success.payload();
            case FunctionInvoker.Failure failure -> {
                exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
                yield failure.errorDocument();
            }
        };
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

    /** The qualifier of {@code name:qualifier} or of a qualified ARN; null when there is none. */
    static String qualifierOf(String requested) {
        String[] parts = requested.split(":");
        boolean arn = parts.length >= 7 && parts[0].equals("arn") && parts[5].equals("function");
        int index = arn ? 7 : 1;
        return parts.length > index ? parts[index] : null;
    }

    /** {@code name}, {@code name:qualifier}, or {@code arn:aws:lambda:region:account:function:name[:qualifier]}. */
    static String nameOf(String requested) {
        String[] parts = requested.split(":");
        boolean arn = parts.length >= 7 && parts[0].equals("arn") && parts[5].equals("function");
        return arn ? parts[6] : parts[0];
    }

    private void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        ObjectNode body = mapper.createObjectNode().put("Type", "User").put("message", message);
        HttpResponses.send(exchange, status, JSON, mapper.writeValueAsBytes(body));
    }

    /** Stops serving; invocations in flight finish first. */
    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    @Override
    public String toString() {
        return "InvokeServer[" + invocationUrl() + "]";
    }
}
