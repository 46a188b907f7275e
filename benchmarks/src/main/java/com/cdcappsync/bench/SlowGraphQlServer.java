package com.cdcappsync.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local GraphQL endpoint that answers every mutation after a fixed delay, like a remote AppSync, and
 * records the versions it received per item so the harness can check per-item order.
 */
final class SlowGraphQlServer implements AutoCloseable {

    private static final Pattern FIELD = Pattern.compile("\\{ (\\w+)\\(input: \\$input\\)");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, List<Long>> versionsPerItem = new ConcurrentHashMap<>();

    SlowGraphQlServer(Duration delay) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(threads);
        server.createContext("/graphql", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            Matcher field = FIELD.matcher(body);
            Matcher id = ID.matcher(body);
            Matcher version = VERSION.matcher(body);
            String name = field.find() ? field.group(1) : "unknown";
            if (id.find() && version.find()) {
                versionsPerItem.computeIfAbsent(name + "#" + id.group(1), k -> new CopyOnWriteArrayList<>())
                        .add(Long.parseLong(version.group(1)));
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = ("{\"data\":{\"" + name + "\":{\"id\":\"x\"}}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
    }

    int requests() {
        return requests.get();
    }

    Map<String, List<Long>> versionsPerItem() {
        return versionsPerItem;
    }

    void reset() {
        requests.set(0);
        versionsPerItem.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
