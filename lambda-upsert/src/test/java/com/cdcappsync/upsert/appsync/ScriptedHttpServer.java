package com.cdcappsync.upsert.appsync;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 (ephemeral port) that answers each connection with the next
 * scripted {@link Reply}: a status, a slow answer, a dropped or reset connection, a truncated body.
 * Raw sockets, so it can produce the faults an HTTP server library would hide. One request per
 * connection ({@code Connection: close}), which makes "one connection = one attempt".
 */
final class ScriptedHttpServer implements AutoCloseable {

    static final String OK_BODY = "{\"data\":{\"ok\":true}}";

    /** A request as the server read it; header names lower-cased. */
    record Received(String method, String target, String protocol, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to do with one connection after reading its request. */
    sealed interface Reply {
    }

    record Status(int code, String body) implements Reply {
    }

    /** Answers only when the server closes (the client should have timed out by then). */
    record Slow(String body) implements Reply {
    }

    record CloseWithoutAnswer() implements Reply {
    }

    record Reset() implements Reply {
    }

    /** Announces 1000 bytes, sends a few, closes. */
    record Truncated() implements Reply {
    }

    private final ServerSocket serverSocket;
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Reply fallback = new Status(200, OK_BODY);

    private ScriptedHttpServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
        Thread.ofPlatform().daemon().name("scripted-http-accept").start(this::acceptLoop);
    }

    static ScriptedHttpServer start() {
        try {
            return new ScriptedHttpServer(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply status(int code, String body) {
        return new Status(code, body);
    }

    static Reply json(String body) {
        return new Status(200, body);
    }

    static Reply ok() {
        return new Status(200, OK_BODY);
    }

    static Reply slow() {
        return new Slow(OK_BODY);
    }

    static Reply closeWithoutAnswer() {
        return new CloseWithoutAnswer();
    }

    static Reply reset() {
        return new Reset();
    }

    static Reply truncated() {
        return new Truncated();
    }

    /** Queues replies for the next connections, in order. */
    ScriptedHttpServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply once the script is used up (default: 200 with {@link #OK_BODY}). */
    ScriptedHttpServer otherwise(Reply reply) {
        this.fallback = reply;
        return this;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort() + "/graphql");
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        closing.countDown();
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        workers.shutdownNow();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                workers.execute(() -> serve(socket));
            } catch (IOException | RuntimeException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Received request = read(in);
            if (request == null) {
                return;
            }
            received.add(request);
            Reply reply = script.poll();
            answer(socket, reply == null ? fallback : reply);
        } catch (IOException | InterruptedException e) {
            // the client went away, or the server is closing: nothing to do
        }
    }

    private void answer(Socket socket, Reply reply) throws IOException, InterruptedException {
        OutputStream out = socket.getOutputStream();
        switch (reply) {
            case Status status -> write(out, status.code(), status.body());
            case Slow slow -> {
                closing.await(10, TimeUnit.SECONDS);
                write(out, 200, slow.body());
            }
            case CloseWithoutAnswer ignored -> socket.close();
            case Reset ignored -> {
                socket.setSoLinger(true, 0);
                socket.close();
            }
            case Truncated ignored -> {
                out.write(("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n"
                        + "connection: close\r\n\r\n{\"data\":{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.shutdownOutput();
            }
        }
    }

    private static void write(OutputStream out, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + code + " Scripted\r\ncontent-type: application/json\r\ncontent-length: "
                + bytes.length + "\r\nconnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static Received read(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ", 3);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        List<String> length = headers.get("content-length");
        byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.get(0)));
        return new Received(parts[0], parts[1], parts[2], headers, body);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }
}
