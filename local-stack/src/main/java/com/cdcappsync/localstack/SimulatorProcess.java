package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The AppSync simulator ({@code local-stack/simulator/simulator.js}) as a child process. {@link #start} waits
 * for its JSON ready line; {@link #close} (and a shutdown hook, for a JVM that exits without closing) ends it
 * and every process it started. The child also exits by itself when its standard input, held by this JVM,
 * closes, so even a killed launcher leaves no simulator behind.
 *
 * <p>Its other output is kept (the last {@value #KEPT_LINES} lines, shown when it fails) and passed to
 * {@code output} when given: it logs every DynamoDB error, including the condition failures that stale
 * events cause on purpose.
 */
public final class SimulatorProcess implements AutoCloseable {

    static final int KEPT_LINES = 40;
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final String gatewayToken;
    private final URI graphQlUrl;
    private final URI realtimeUrl;
    private final Thread shutdownHook;
    private final Output output;

    private SimulatorProcess(Process process, JsonNode ready, String gatewayToken, Output output) {
        this.process = process;
        this.output = output;
        this.gatewayToken = gatewayToken;
        this.graphQlUrl = URI.create(ready.get("graphqlUrl").asText());
        this.realtimeUrl = URI.create(ready.get("realtimeUrl").asText());
        this.shutdownHook = new Thread(this::stopProcessTree, "local-stack-simulator-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * What to start.
     *
     * @param node        the Node.js command, e.g. {@code node}
     * @param layout      where simulator.js is
     * @param schemaDir   the API definition to serve: schema.graphql, api.json, the resolvers' templates
     * @param dynamoDb    the DynamoDB Local endpoint the data sources use
     * @param port        the port to listen on (127.0.0.1)
     * @param apiKey      the API key the simulator accepts
     * @param startupTime how long to wait for the ready line
     * @param output      receives the simulator's other output lines; may be null (kept only)
     */
    public record Launch(String node, RepositoryLayout layout, Path schemaDir, URI dynamoDb, int port,
                         String apiKey, Duration startupTime, Consumer<String> output) {
    }

    /**
     * Starts the simulator and waits until it serves.
     *
     * @throws IllegalStateException when it cannot start, exits, or is not ready in time; with its last output
     */
    public static SimulatorProcess start(Launch launch, ObjectMapper mapper) {
        RepositoryLayout layout = launch.layout();
        layout.requireSimulatorInstalled();
        // Only the stack's gateway may send GraphQL over HTTP to the simulator: it presents this token.
        String gatewayToken = UUID.randomUUID().toString();
        List<String> command = List.of(launch.node(), layout.simulatorScript().toString(),
                "--schema-dir", launch.schemaDir().toString(), "--dynamodb-endpoint", launch.dynamoDb().toString(),
                "--port", Integer.toString(launch.port()), "--host", "127.0.0.1", "--api-key", launch.apiKey(),
                "--gateway-token", gatewayToken);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(layout.simulatorDir().toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run '" + launch.node() + "' to start the AppSync simulator: "
                    + e.getMessage() + ". Fix: install Node.js 18 or newer and put node on PATH (or pass --node).", e);
        }
        Output output = new Output(mapper, launch.output());
        Thread.ofPlatform().daemon().name("local-stack-simulator-output")
                .start(() -> output.drain(process));
        try {
            JsonNode ready = output.ready.get(launch.startupTime().toMillis(), TimeUnit.MILLISECONDS);
            return new SimulatorProcess(process, ready, gatewayToken, output);
        } catch (TimeoutException | InterruptedException | ExecutionException e) {
            destroyTree(process);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String why = e instanceof ExecutionException ee ? ee.getCause().getMessage()
                    : "no ready line within " + launch.startupTime().toSeconds() + " s";
            throw new IllegalStateException("the AppSync simulator did not start: " + why + ". Its last output:\n"
                    + output.lastLines() + "\nFix: run `node " + layout.simulatorDir().resolve("install-simulator.js")
                    + "` (or the Maven build) to install it; check that port " + launch.port() + " is free.");
        }
    }

    /**
     * Serves another API definition from now on, as an AppSync deployment of a new schema and resolvers does: the
     * simulator reloads it in place (simulator.js, {@code reload}), so its endpoints, the tables' data and open
     * subscriptions stay. A definition that does not load leaves the previous one served.
     *
     * @param schemaDir the folder with schema.graphql, api.json and the templates
     * @param timeout   how long to wait for the simulator's answer
     * @throws IllegalStateException with the simulator's reason when the definition does not load, or no answer came
     */
    public synchronized void reload(Path schemaDir, Duration timeout) {
        ObjectNode command = output.mapper.createObjectNode().put("command", "reload")
                .put("schemaDir", schemaDir.toAbsolutePath().toString());
        JsonNode event = send(command, "the reload of " + schemaDir, timeout);
        if (!"reloaded".equals(event.path("event").asText())) {
            throw new IllegalStateException("the AppSync simulator did not load " + schemaDir + ": "
                    + event.path("message").asText() + ". It still serves the previous definition; fix the "
                    + "files and deploy again.");
        }
    }

    /**
     * Accepts exactly these API keys from now on, on HTTP requests and new WebSocket connections alike, as an API's
     * set of keys after {@code CreateApiKey}/{@code DeleteApiKey} (simulator.js, {@code api-keys}).
     *
     * @throws IllegalStateException with the simulator's reason when it refuses the set (it keeps the previous one)
     */
    public synchronized void apiKeys(List<String> keys, Duration timeout) {
        ObjectNode command = output.mapper.createObjectNode().put("command", "api-keys");
        keys.forEach(command.putArray("keys")::add);
        JsonNode event = send(command, "the new API keys", timeout);
        if (!"api-keys-set".equals(event.path("event").asText())) {
            throw new IllegalStateException("the AppSync simulator refused the API keys: "
                    + event.path("message").asText() + "; it keeps the previous ones");
        }
    }

    /** Writes one command line and waits for the simulator's one answer line. */
    private JsonNode send(ObjectNode command, String what, Duration timeout) {
        CompletableFuture<JsonNode> answer = output.expectAnswer();
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the AppSync simulator (pid " + pid() + "): " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the simulator took " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the AppSync simulator did not answer " + what + " within "
                    + timeout.toSeconds() + " s. Its last output:\n" + output.lastLines(), e);
        }
    }

    /**
     * The token the simulator requires ({@code x-local-stack-gateway}) on HTTP GraphQL requests: only the stack's
     * {@link AppSyncGateway} sends it, so no request reaches the resolvers around its SigV4 and IAM checks.
     */
    public String gatewayToken() {
        return gatewayToken;
    }

    /** {@code http://127.0.0.1:<port>/graphql}. */
    public URI graphQlUrl() {
        return graphQlUrl;
    }

    /** {@code ws://127.0.0.1:<port>/graphql/realtime}, AppSync's real-time protocol ({@code graphql-ws}). */
    public URI realtimeUrl() {
        return realtimeUrl;
    }

    /** The simulator's process id (for diagnostics). */
    public long pid() {
        return process.pid();
    }

    /** Ends the simulator and its descendants: a polite stop first, then a forced one. */
    @Override
    public void close() {
        stopProcessTree();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Called from another shutdown hook: ours runs (or ran) anyway.
        }
    }

    private void stopProcessTree() {
        destroyTree(process);
    }

    private static void destroyTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Reads the child's output: the ready (or error) line completes {@link #ready}, the rest is kept. */
    private static final class Output {
        private final ObjectMapper mapper;
        private final Consumer<String> sink;
        private final Deque<String> last = new ArrayDeque<>();
        private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
        private volatile CompletableFuture<JsonNode> answer = new CompletableFuture<>();

        Output(ObjectMapper mapper, Consumer<String> sink) {
            this.mapper = mapper;
            this.sink = sink;
        }

        void drain(Process process) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    accept(line);
                }
            } catch (IOException | UncheckedIOException e) {
                keep("(output lost: " + e.getMessage() + ")");
            }
            IllegalStateException exited = new IllegalStateException("the simulator exited"
                    + (process.isAlive() ? "" : " with status " + exitValue(process)));
            ready.completeExceptionally(exited);
            answer.completeExceptionally(exited);
        }

        /** A new future for the answer to the command about to be sent. */
        CompletableFuture<JsonNode> expectAnswer() {
            answer = new CompletableFuture<>();
            return answer;
        }

        private void accept(String line) {
            if (ready.isDone() && (line.startsWith("{\"event\":\"reload")
                    || line.startsWith("{\"event\":\"api-keys"))) {
                JsonNode event = parse(line);
                if (event != null) {
                    answer.complete(event);
                }
            }
            if (!ready.isDone() && line.startsWith("{\"event\":")) {
                JsonNode event = parse(line);
                if (event != null && "ready".equals(event.path("event").asText())) {
                    ready.complete(event);
                    return;
                }
                if (event != null && "error".equals(event.path("event").asText())) {
                    ready.completeExceptionally(new IllegalStateException(event.path("message").asText()));
                }
            }
            keep(line);
            if (sink != null) {
                sink.accept(line);
            }
        }

        private JsonNode parse(String line) {
            try {
                return mapper.readTree(line);
            } catch (IOException e) {
                return null;
            }
        }

        private synchronized void keep(String line) {
            if (last.size() == KEPT_LINES) {
                last.removeFirst();
            }
            last.addLast(line);
        }

        synchronized String lastLines() {
            return last.isEmpty() ? "  (nothing)" : "  " + String.join("\n  ", last);
        }

        private static String exitValue(Process process) {
            try {
                return Integer.toString(process.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }
    }
}
