package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A website's side of AppSync subscriptions: AppSync's real-time protocol over {@link java.net.http.WebSocket}
 * (subprotocol {@code graphql-ws}), authenticated with the API key. Works against AppSync
 * ({@code wss://<id>.appsync-realtime-api.<region>.amazonaws.com/graphql}) and the simulator
 * ({@code ws://127.0.0.1:<port>/graphql/realtime}).
 *
 * <p>Protocol: connect with the header {@code {"host","x-api-key"}} in a {@code header-<base64url>} subprotocol or
 * in {@code ?header=<base64>&payload=e30=} ({@link RealtimeAuth}), send
 * {@code connection_init}, wait for {@code connection_ack}; each {@link #subscribe} sends {@code start} and waits
 * for {@code start_ack} (only then is the subscription live) or {@code error}; {@code data} messages come out of
 * {@link #next} in the order the server sent them, across all subscriptions; {@code ka} keeps the
 * connection alive; {@link #close} sends {@code stop} for each subscription and closes.
 */
public final class RealtimeClient implements AutoCloseable {

    /**
     * One message received.
     *
     * @param subscriptionId the id {@link #subscribe} returned; empty for connection-level errors
     * @param type           {@code data} or {@code error}
     * @param payload        {@code data}: the object under the subscription field; {@code error}: the payload
     * @param field          the subscription field, e.g. {@code onUpsertProduct}; null for connection errors
     */
    public record Event(String subscriptionId, String type, JsonNode payload, String field) {
    }

    private final ObjectMapper mapper;
    private final ObjectNode authorization;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Void>> pendingStarts = new ConcurrentHashMap<>();
    private final Map<String, String> fields = new ConcurrentHashMap<>();
    private final CompletableFuture<JsonNode> acknowledged = new CompletableFuture<>();
    private final WebSocket webSocket;

    private RealtimeClient(ObjectMapper mapper, ObjectNode authorization, URI url, List<String> subprotocols,
                           Duration timeout) {
        this.mapper = mapper;
        this.authorization = authorization;
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            this.webSocket = http.newWebSocketBuilder()
                    .subprotocols(subprotocols.getFirst(), subprotocols.subList(1, subprotocols.size())
                            .toArray(String[]::new))
                    .connectTimeout(timeout)
                    .buildAsync(url, new Listener()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            throw failure("cannot open the real-time WebSocket " + url.getHost() + ":" + url.getPort(), e);
        }
    }

    /**
     * Connects and waits for {@code connection_ack}.
     *
     * @param realtimeUrl the real-time endpoint
     * @param graphQlUrl  the GraphQL endpoint (its host goes into the auth header, as AppSync expects)
     * @param apiKey      the API key
     * @param timeout     how long to wait for the connection and the ack
     * @throws IllegalStateException when the connection or the ack fails, with the server's error
     */
    public static RealtimeClient connect(URI realtimeUrl, URI graphQlUrl, String apiKey, Duration timeout) {
        return connect(realtimeUrl, graphQlUrl, apiKey, RealtimeAuth.QUERY, timeout);
    }

    /**
     * Connects with the authorization header handed over as {@code auth} says, and waits for
     * {@code connection_ack}.
     *
     * @param auth {@link RealtimeAuth#SUBPROTOCOL} for AppSync (the current form), {@link RealtimeAuth#QUERY} for
     *             the local stack's simulator
     * @see #connect(URI, URI, String, Duration)
     */
    public static RealtimeClient connect(URI realtimeUrl, URI graphQlUrl, String apiKey, RealtimeAuth auth,
                                         Duration timeout) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode authorization = mapper.createObjectNode().put("host", graphQlUrl.getAuthority())
                .put("x-api-key", apiKey);
        URI url = URI.create(auth.url(realtimeUrl.toString(), authorization.toString()));
        RealtimeClient client = new RealtimeClient(mapper, authorization, url,
                auth.subprotocols(authorization.toString()), timeout);
        client.send(mapper.createObjectNode().put("type", "connection_init"));
        try {
            client.acknowledged.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return client;
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            client.webSocket.abort();
            throw failure("no connection_ack from " + realtimeUrl + " (check the API key)", e);
        }
    }

    /**
     * Starts a subscription and waits until it is live ({@code start_ack}).
     *
     * @param query     a subscription document with one field, e.g.
     *                  {@code subscription { onUpsertProduct { id name version } }}
     * @param variables its variables; may be empty
     * @param field     the subscription field, as the data arrive under it, e.g. {@code onUpsertProduct}
     * @param timeout   how long to wait for {@code start_ack}
     * @return the subscription id, as in {@link Event#subscriptionId()}
     * @throws IllegalStateException when the server answers {@code error} (message included) or nothing in time
     */
    public String subscribe(String query, ObjectNode variables, String field, Duration timeout) {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Void> started = new CompletableFuture<>();
        pendingStarts.put(id, started);
        fields.put(id, field);
        ObjectNode data = mapper.createObjectNode().put("query", query);
        data.set("variables", variables);
        ObjectNode start = mapper.createObjectNode().put("id", id).put("type", "start");
        ObjectNode payload = start.putObject("payload").put("data", data.toString());
        payload.putObject("extensions").set("authorization", authorization);
        send(start);
        try {
            started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return id;
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            throw failure("subscription " + field + " did not start", e);
        } finally {
            pendingStarts.remove(id);
        }
    }

    /** Waits up to {@code timeout} for the next message; null if none came. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops every subscription and closes the connection. */
    @Override
    public void close() {
        if (!webSocket.isOutputClosed()) {
            fields.keySet().forEach(id -> send(mapper.createObjectNode().put("id", id).put("type", "stop")));
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(2, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
        webSocket.abort();
    }

    private synchronized void send(ObjectNode message) {
        try {
            webSocket.sendText(message.toString(), true).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            throw failure("cannot send " + message.path("type").asText() + " on the real-time WebSocket", e);
        }
    }

    private void receive(String text) {
        JsonNode message;
        try {
            message = mapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("the real-time server sent something that is not JSON: " + text, e);
        }
        String id = message.path("id").asText("");
        switch (message.path("type").asText()) {
            case "connection_ack" -> acknowledged.complete(message.path("payload"));
            case "connection_error" -> acknowledged.completeExceptionally(
                    new IllegalStateException("connection_error: " + message.path("payload")));
            case "start_ack" -> complete(id, null);
            case "data" -> {
                String field = fields.get(id);
                JsonNode data = message.path("payload").path("data");
                events.add(new Event(id, "data", field == null ? data : data.path(field), field));
            }
            case "error" -> {
                IllegalStateException error = new IllegalStateException("error: " + message.path("payload"));
                if (!complete(id, error)) {
                    acknowledged.completeExceptionally(error);
                    events.add(new Event(id, "error", message.path("payload"), fields.get(id)));
                }
            }
            default -> { } // ka, complete: nothing to do
        }
    }

    private boolean complete(String id, Throwable error) {
        CompletableFuture<Void> pending = pendingStarts.get(id);
        if (pending == null) {
            return false;
        }
        return error == null ? pending.complete(null) : pending.completeExceptionally(error);
    }

    private static IllegalStateException failure(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String detail = cause instanceof TimeoutException ? "timed out" : cause.getMessage();
        return new IllegalStateException(what + ": " + detail, cause);
    }

    /** Joins partial frames until {@code last}, then hands each whole message to {@link #receive}. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                receive(text);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            IllegalStateException closed = new IllegalStateException("the server closed the real-time connection ("
                    + status + (reason.isEmpty() ? "" : " " + reason) + ")");
            acknowledged.completeExceptionally(closed);
            pendingStarts.values().forEach(f -> f.completeExceptionally(closed));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            IllegalStateException failed = new IllegalStateException("real-time connection failed: " + error, error);
            acknowledged.completeExceptionally(failed);
            pendingStarts.values().forEach(f -> f.completeExceptionally(failed));
        }
    }
}
