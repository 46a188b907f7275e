package com.cdcappsync.upsert.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GraphQL endpoint on 127.0.0.1 (ephemeral port) that records the {@code Authorization} and
 * {@code X-Amz-Security-Token} headers of every request and answers each mutation with {@code {"id":"1"}} under
 * its field name, as AppSync does when a write succeeds. It does not check signatures: tests read who signed.
 */
public final class RecordingAppSyncServer implements AutoCloseable {

    private static final Pattern FIRST_FIELD = Pattern.compile("\"query\"\\s*:\\s*\"[^{]*\\{\\s*(\\w+)");

    /** One request's auth headers. */
    public record Signed(String authorization, String securityToken) {
    }

    private final HttpServer server;
    private final List<Signed> requests = new CopyOnWriteArrayList<>();

    /** Starts the server. */
    public RecordingAppSyncServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/graphql", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                String request = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Signed(exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("X-Amz-Security-Token")));
                Matcher field = FIRST_FIELD.matcher(request);
                String name = field.find() ? field.group(1) : "unknown";
                byte[] body = ("{\"data\":{\"" + name + "\":{\"id\":\"1\"}}}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        server.start();
    }

    /** The GraphQL URL. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
    }

    /** Every request received, in order. */
    public List<Signed> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
