package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The container credentials endpoint that Lambda gives a SnapStart function instead of key variables
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} + {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}; Lambda docs,
 * snapstart-activate.html#snapstart-credentials). It answers what the AWS SDK's {@code ContainerCredentialsProvider}
 * reads ({@code aws-sdk-java-v2} core/auth, {@code ContainerCredentialsProvider} and
 * {@code internal/HttpCredentialsLoader}: {@code AccessKeyId}, {@code SecretAccessKey}, {@code Token},
 * {@code Expiration} in ISO-8601, sent with the token in {@code Authorization}; an {@code http} full URI must be a
 * loopback address).
 *
 * <p>Credentials come from the stack's {@link CredentialsAuthority} and rotate: a fetch issues a new set when the
 * current one has less than {@link #ROTATE_BEFORE} left (the SDK prefetches 15 minutes before expiry), and
 * {@link #newEnvironment()} (a restore) issues a new set and a new token, refusing the old token.
 */
final class ContainerCredentialsEndpoint implements AutoCloseable {

    /** Lambda does not document its own path; the SDK takes any path of the full URI. */
    static final String PATH = "/local-stack/credentials";
    /** How long each set is valid. */
    static final Duration LIFETIME = Duration.ofMinutes(30);
    /** A fetch within this much of expiry gets a new set. */
    static final Duration ROTATE_BEFORE = Duration.ofMinutes(16);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CredentialsAuthority authority;
    private final CredentialsAuthority.Role role;
    private final ObjectMapper mapper;
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger fetches = new AtomicInteger();
    private String token;
    private CredentialsAuthority.IssuedCredentials current;

    private ContainerCredentialsEndpoint(HttpServer server, CredentialsAuthority authority,
                                         CredentialsAuthority.Role role, ObjectMapper mapper) {
        this.server = server;
        this.authority = authority;
        this.role = role;
        this.mapper = mapper;
        server.setExecutor(executor);
        server.createContext(PATH, this::exchange);
    }

    /** Serves the function role's credentials on a free loopback port. */
    static ContainerCredentialsEndpoint start(CredentialsAuthority authority, ObjectMapper mapper) {
        return start(authority, CredentialsAuthority.Role.FUNCTION, mapper);
    }

    /** Serves {@code role}'s credentials on a free loopback port. */
    static ContainerCredentialsEndpoint start(CredentialsAuthority authority, CredentialsAuthority.Role role,
                                              ObjectMapper mapper) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ContainerCredentialsEndpoint endpoint = new ContainerCredentialsEndpoint(server, authority, role, mapper);
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve container credentials on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
    URI fullUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /**
     * A new execution environment (a restore): a new token, the old one refused from now on, and a new set of
     * credentials for the next fetch.
     *
     * @return the token for {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}
     */
    synchronized String newEnvironment() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        token = HexFormat.of().formatHex(bytes);
        current = null;
        return token;
    }

    /** Issues a new set now (a restore: the function gets fresh credentials after its snapshot). */
    synchronized void rotate() {
        current = authority.issue(role, LIFETIME);
    }

    /** How many fetches were answered with credentials. */
    int fetches() {
        return fetches.get();
    }

    /** The set the endpoint hands out now; null before the first fetch of an environment. */
    synchronized CredentialsAuthority.IssuedCredentials current() {
        return current;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                HttpResponses.send(exchange, 405, "application/json", error("use GET"));
                return;
            }
            String presented = exchange.getRequestHeaders().getFirst("Authorization");
            CredentialsAuthority.IssuedCredentials credentials = credentialsFor(presented);
            if (credentials == null) {
                HttpResponses.send(exchange, 403, "application/json", error("the Authorization header must be "
                        + "AWS_CONTAINER_AUTHORIZATION_TOKEN of this execution environment"));
                return;
            }
            fetches.incrementAndGet();
            byte[] body = mapper.writeValueAsBytes(mapper.createObjectNode()
                    .put("AccessKeyId", credentials.accessKeyId())
                    .put("SecretAccessKey", credentials.secretAccessKey())
                    .put("Token", credentials.sessionToken())
                    .put("Expiration", credentials.expiration().toString()));
            HttpResponses.send(exchange, 200, "application/json", body);
        }
    }

    /** The set for a request presenting {@code presented}; null when the token is wrong. */
    private synchronized CredentialsAuthority.IssuedCredentials credentialsFor(String presented) {
        if (token == null || presented == null || !MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        if (current == null || !current.validAt(authority.clock().instant().plus(ROTATE_BEFORE))) {
            current = authority.issue(role, LIFETIME);
        }
        return current;
    }

    private byte[] error(String message) throws IOException {
        return mapper.writeValueAsBytes(mapper.createObjectNode().put("message", message));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "ContainerCredentialsEndpoint[" + fullUri() + "]";
    }
}
