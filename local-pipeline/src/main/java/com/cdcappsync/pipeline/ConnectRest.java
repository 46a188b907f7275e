package com.cdcappsync.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Kafka Connect's REST API, the calls a user makes with curl (confluent-lambda-sink-config/README.md, "curl"):
 * {@code PUT /connectors/{name}/config} and {@code GET /connectors/{name}/status}.
 */
final class ConnectRest {

    private static final long POLL_MILLIS = 100;

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    ConnectRest(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    /** GET; the status code and body, or -1 when nothing answers. */
    Answer get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** PUT without a body (stop, resume); the status code and body, or -1 when nothing answers. */
    Answer put(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Creates or updates a connector from the {@code config} object of a rendered file. */
    void putConfig(String name, JsonNode config) {
        Answer answer = null;
        // Connect refuses a config change while its group rebalances (409, or 500 "a rebalance is expected"): the
        // rebalance settles in seconds, so ask again, a bounded number of times.
        for (int attempt = 0; attempt < 100 && (answer == null || rebalancing(answer)); attempt++) {
            if (answer != null) {
                pause();
            }
            answer = send(HttpRequest.newBuilder(base.resolve("/connectors/" + name + "/config"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(config.toString())).build());
        }
        if (answer.status() != 200 && answer.status() != 201) {
            throw new IllegalStateException("Kafka Connect refused connector " + name + " (HTTP " + answer.status()
                    + "): " + answer.body());
        }
    }

    private static boolean rebalancing(Answer answer) {
        return answer.status() == 409 || answer.status() == 500 && answer.body().contains("rebalance");
    }

    /**
     * Waits until the connector and all its tasks are RUNNING.
     *
     * @throws IllegalStateException when one FAILED (with its trace) or time ran out (with the last status)
     */
    void awaitRunning(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Answer answer = get("/connectors/" + name + "/status");
            if (answer.status() == 200) {
                JsonNode status = parse(answer.body());
                last = status.toString();
                String failed = failure(status);
                if (failed != null) {
                    throw new IllegalStateException("connector " + name + " FAILED: " + failed);
                }
                if (isRunning(status)) {
                    return;
                }
            }
            pause();
        }
        throw new IllegalStateException("connector " + name + " not RUNNING within " + timeout.toSeconds()
                + " s; last status: " + last);
    }

    /** Null when nothing failed, else the first trace. */
    static String failure(JsonNode status) {
        if ("FAILED".equals(status.path("connector").path("state").asText())) {
            return status.path("connector").path("trace").asText();
        }
        for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                return "task " + task.path("id").asText() + ": " + task.path("trace").asText();
            }
        }
        return null;
    }

    private static boolean isRunning(JsonNode status) {
        if (!"RUNNING".equals(status.path("connector").path("state").asText()) || status.path("tasks").isEmpty()) {
            return false;
        }
        for (JsonNode task : status.path("tasks")) {
            if (!"RUNNING".equals(task.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    JsonNode parse(String body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Kafka Connect answered something that is not JSON: " + body, e);
        }
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling Kafka Connect", e);
        }
    }

    static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An HTTP answer. */
    record Answer(int status, String body) {
    }
}
