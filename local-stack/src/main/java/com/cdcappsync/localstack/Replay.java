package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Replays a recorded invocation (a Confluent sink batch, a Kafka or Kinesis event) through the local stack's
 * Invoke API, as the connector would, and, when verifying, proves the website side: a WebSocket subscriber
 * (API key, every subscription the mapping implies) must receive one message per applied change, carrying the
 * whole object (every selected field), before the timeout.
 */
final class Replay {

    /** An applied change the subscriber must see: {@code Product#1} at version 26481632. */
    record Expected(String item, long version) {
        @Override
        public String toString() {
            return item + " v" + version;
        }
    }

    private final LocalStack stack;
    private final List<SubscriptionSpec> subscriptions;
    private final PrintStream out;
    private final ObjectMapper mapper = new ObjectMapper();

    Replay(LocalStack stack, List<SubscriptionSpec> subscriptions, PrintStream out) {
        this.stack = stack;
        this.subscriptions = List.copyOf(subscriptions);
        this.out = out;
    }

    /** Replays {@code file} and prints each record's outcome; true when the function succeeded. */
    boolean replay(Path file) {
        return invokeAndReport(file) != null;
    }

    /**
     * Subscribes, replays {@code file}, and waits for every applied change to arrive; prints each message.
     *
     * @return true only when every expected change arrived whole and no error came
     */
    boolean verify(Path file, Duration timeout) throws InterruptedException {
        Map<String, SubscriptionSpec> byField = subscriptions.stream()
                .collect(Collectors.toMap(SubscriptionSpec::field, Function.identity()));
        try (RealtimeClient client = RealtimeClient.connect(stack.realtimeUrl(), stack.graphQlUrl(), stack.apiKey(),
                Duration.ofSeconds(10))) {
            out.println("subscribing over WebSocket (graphql-ws, API key) at " + stack.realtimeUrl() + " ...");
            for (SubscriptionSpec spec : subscriptions) {
                client.subscribe(spec.query(), mapper.createObjectNode(), spec.field(), Duration.ofSeconds(10));
                out.println("  live (start_ack): " + spec.field() + " { " + String.join(" ", spec.selection()) + " }");
            }
            Set<Expected> expected = invokeAndReport(file);
            if (expected == null) {
                return false;
            }
            return awaitAll(client, byField, expected, timeout);
        }
    }

    private boolean awaitAll(RealtimeClient client, Map<String, SubscriptionSpec> byField, Set<Expected> expected,
                             Duration timeout) throws InterruptedException {
        out.println("waiting for " + expected.size() + " change(s) on the subscription (up to " + timeout.toSeconds()
                + " s) ...");
        Set<Expected> missing = new LinkedHashSet<>(expected);
        List<String> problems = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            RealtimeClient.Event event = client.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event == null) {
                break;
            }
            if (!event.type().equals("data")) {
                problems.add("subscription error: " + event.payload());
                continue;
            }
            SubscriptionSpec spec = byField.get(event.field());
            JsonNode object = event.payload();
            Expected got = new Expected(spec.typeName() + "#" + object.path(spec.idField()).asText(),
                    object.path("version").asLong());
            List<String> absent = spec.selection().stream().filter(f -> !object.has(f)).toList();
            out.println("received " + event.field() + " " + got + ": " + object);
            if (!absent.isEmpty()) {
                problems.add(event.field() + " " + got + " lacks " + absent);
            }
            if (!missing.remove(got)) {
                problems.add("unexpected message " + event.field() + " " + got + " (no applied change for it)");
            }
        }
        missing.forEach(m -> problems.add("no subscription message for " + m + " within " + timeout.toSeconds()
                + " s"));
        if (problems.isEmpty()) {
            out.println("verified: the subscriber received all " + expected.size() + " applied change(s), each "
                    + "with every selected field");
            return true;
        }
        out.println("NOT verified:");
        problems.forEach(p -> out.println("  - " + p));
        return false;
    }

    /** Invokes the function with the file; prints one line per record; the applied changes, or null on failure. */
    private Set<Expected> invokeAndReport(Path file) {
        JsonNode invocation;
        try {
            invocation = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the replay file " + file + ": " + e.getMessage()
                    + "; expected a JSON invocation (a Confluent sink array, a Kafka or Kinesis event)", e);
        }
        out.println("replaying " + file + " through " + stack.invokeUrl() + " ...");
        LambdaInvoker.Result result = stack.invoker(Duration.ofSeconds(60)).invoke(invocation);
        if (!result.succeeded()) {
            out.println("the function failed (HTTP " + result.status() + ", X-Amz-Function-Error: "
                    + result.functionError() + "): " + result.body());
            return null;
        }
        Set<Expected> applied = new LinkedHashSet<>();
        if (!result.body().isArray()) {
            out.println("function answer: " + result.body());
            return applied;
        }
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode element : result.body()) {
            JsonNode payload = element.path("payload");
            JsonNode outcome = payload.path("result");
            String status = outcome.path("status").asText();
            counts.merge(status, 1L, Long::sum);
            String location = payload.path("topic").asText() + "/" + payload.path("partition").asText() + "@"
                    + payload.path("offset").asText();
            String what = status.equals("applied")
                    ? outcome.path("item").asText() + " v" + outcome.path("version").asLong()
                    : outcome.path("reason").asText() + (outcome.has("detail") ? ": " + outcome.get("detail")
                            .asText() : "");
            out.printf("  %-40s %-8s %s%n", location, status, what);
            if (status.equals("applied")) {
                applied.add(new Expected(outcome.path("item").asText(), outcome.path("version").asLong()));
            }
        }
        out.println("  " + result.body().size() + " record(s): " + counts);
        return applied;
    }
}
