package com.cdcappsync.upsert.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the container credentials endpoint Lambda gives SnapStart functions
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}), on 127.0.0.1 and an
 * ephemeral port. It answers the SDK's {@code ContainerCredentialsProvider} with {@code AccessKeyId},
 * {@code SecretAccessKey}, {@code Token} and {@code Expiration} (far ahead, so the SDK caches them) only when the
 * {@code Authorization} header is the current token, and records every token it received.
 */
public final class ContainerCredentialsServer implements AutoCloseable {

    /** The path of the credentials resource. */
    public static final String PATH = "/2018-06-01/credentials";

    private final HttpServer server;
    private final List<String> tokensSeen = new CopyOnWriteArrayList<>();
    private volatile String token;
    private volatile String accessKeyId;

    /** Starts serving {@code accessKeyId} to callers presenting {@code token}. */
    public ContainerCredentialsServer(String token, String accessKeyId) {
        this.token = token;
        this.accessKeyId = accessKeyId;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, exchange -> {
            String presented = exchange.getRequestHeaders().getFirst("Authorization");
            tokensSeen.add(String.valueOf(presented));
            String keyId = this.accessKeyId;
            boolean allowed = this.token.equals(presented);
            byte[] body = (allowed ? "{\"AccessKeyId\":\"" + keyId + "\",\"SecretAccessKey\":\"secret-of-"
                    + keyId + "\",\"Token\":\"session-of-" + keyId
                    + "\",\"Expiration\":\"2099-01-01T00:00:00Z\"}"
                    : "{\"message\":\"wrong authorization token\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(allowed ? 200 : 401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** What a restore changes: the token the endpoint expects and the keys it hands out. */
    public void rotate(String newToken, String newAccessKeyId) {
        this.token = newToken;
        this.accessKeyId = newAccessKeyId;
    }

    /** The full URI to put in {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** Every {@code Authorization} value received, in order ("null" when absent). */
    public List<String> tokensSeen() {
        return List.copyOf(tokensSeen);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
