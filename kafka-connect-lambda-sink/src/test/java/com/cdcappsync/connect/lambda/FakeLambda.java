package com.cdcappsync.connect.lambda;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Lambda Invoke API on 127.0.0.1 for fault injection: records each call and answers from a script (by default
 * 200 with {@code []}). A function error is 200 with {@code X-Amz-Function-Error: Unhandled}, as Lambda answers.
 */
final class FakeLambda implements AutoCloseable {

    /**
     * One scripted answer: {@code functionError} is X-Amz-Function-Error, {@code errorType} the
     * {@code x-amzn-ErrorType} of an API error, as Lambda's Invoke API sends them (API_Invoke.html).
     */
    record Answer(int status, String functionError, String errorType, String body) {
        static Answer ok(String body) {
            return new Answer(200, null, null, body);
        }

        static Answer functionError(String message) {
            return new Answer(200, "Unhandled", null,
                    "{\"errorMessage\":\"" + message + "\",\"errorType\":\"Boom\"}");
        }

        /** HTTP 400 InvalidRequestContentException: "The request body could not be parsed as JSON". */
        static Answer invalidRequestContent() {
            return new Answer(400, null, "InvalidRequestContentException",
                    "{\"Type\":\"User\",\"message\":\"Could not parse request body into json\"}");
        }
    }

    /** One call received. */
    record Call(String path, String invocationType, String body, String authorization) {
    }

    private final HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Queue<Answer> script = new ConcurrentLinkedQueue<>();

    FakeLambda() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"), body,
                    exchange.getRequestHeaders().getFirst("Authorization")));
            Answer answer = script.isEmpty() ? Answer.ok("[]") : script.poll();
            if (answer.functionError() != null) {
                exchange.getResponseHeaders().add("X-Amz-Function-Error", answer.functionError());
            }
            if (answer.errorType() != null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", answer.errorType());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
