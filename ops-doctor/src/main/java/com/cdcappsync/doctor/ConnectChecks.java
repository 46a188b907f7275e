package com.cdcappsync.doctor;

import com.cdcappsync.doctor.Finding.Sample;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every connector and task RUNNING, from Kafka Connect's REST API: {@code GET /connectors?expand=status}; a failed
 * task is restarted with {@code POST /connectors/{name}/tasks/{id}/restart}
 * (https://kafka.apache.org/documentation/#connect_rest,
 * https://docs.confluent.io/platform/current/connect/references/restapi.html).
 */
final class ConnectChecks {

    /** A cause line longer than this is cut: a function's error body can run to kilobytes. */
    private static final int CAUSE_CHARS = 1_000;
    static final List<String> STATES = List.of("RUNNING", "PAUSED", "STOPPED", "FAILED", "UNASSIGNED", "RESTARTING");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DoctorOptions options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ConnectChecks(DoctorOptions options) {
        this.options = options;
    }

    List<Finding> run() {
        URI base = options.connectUrl();
        if (base == null) {
            return List.of(Finding.skipped("connect", "no --connect-url given"));
        }
        JsonNode all;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/connectors?expand=status"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return List.of(Finding.of("connect", Status.FAIL, "GET " + base.resolve("/connectors?expand=status")
                        + " answered " + answer.statusCode() + ": " + answer.body()));
            }
            all = MAPPER.readTree(answer.body());
        } catch (IOException e) {
            return List.of(Finding.of("connect", Status.FAIL, "Kafka Connect at " + base + " does not answer: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(Finding.of("connect", Status.FAIL, "interrupted"));
        }
        List<Finding> findings = new ArrayList<>();
        for (String expected : options.connectors()) {
            if (!all.has(expected)) {
                findings.add(Finding.of("connect." + expected, Status.FAIL, "connector " + expected
                        + " is not registered: PUT its rendered config to " + base.resolve("/connectors/" + expected
                        + "/config") + " (bin/render-connector-config)"));
            }
        }
        all.properties().forEach(e -> findings.add(connector(base, e.getKey(), e.getValue().path("status"))));
        return findings;
    }

    private static Finding connector(URI base, String name, JsonNode status) {
        List<Sample> samples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String state = status.path("connector").path("state").asText("UNKNOWN");
        samples.addAll(states("cdc_doctor_connector_state", "1 for the connector's current state",
                Map.of("connector", name), state));
        Status verdict = verdict(state);
        if (verdict != Status.OK) {
            problems.add("connector " + state + trace(status.path("connector")) + "; restart it: curl -X POST '"
                    + base.resolve("/connectors/" + name + "/restart") + "'"
                    + ("PAUSED".equals(state) || "STOPPED".equals(state)
                        ? " or resume it: curl -X PUT '" + base.resolve("/connectors/" + name + "/resume") + "'" : ""));
        }
        for (JsonNode task : status.path("tasks")) {
            int id = task.path("id").asInt();
            String taskState = task.path("state").asText("UNKNOWN");
            samples.addAll(states("cdc_doctor_task_state", "1 for the task's current state",
                    Map.of("connector", name, "task", Integer.toString(id)), taskState));
            Status taskVerdict = verdict(taskState);
            verdict = verdict.worst(taskVerdict);
            if (taskVerdict != Status.OK) {
                problems.add("task " + id + " " + taskState + trace(task) + "; restart it: curl -X POST '"
                        + base.resolve("/connectors/" + name + "/tasks/" + id + "/restart") + "'");
            }
        }
        String detail = problems.isEmpty() ? "connector and " + status.path("tasks").size() + " task(s) RUNNING"
                : String.join(System.lineSeparator(), problems);
        return new Finding("connect." + name, verdict, detail, samples);
    }

    private static Status verdict(String state) {
        return switch (state) {
            case "RUNNING" -> Status.OK;
            case "FAILED" -> Status.FAIL;
            default -> Status.WARN;
        };
    }

    /**
     * The trace's first line and each {@code Caused by:} line (a sink task's first line is Kafka Connect's own
     * "Exiting WorkerSinkTask due to unrecoverable exception"; the reason is in the causes), else its first lines.
     */
    private static String trace(JsonNode node) {
        String trace = node.path("trace").asText("").strip();
        if (trace.isEmpty()) {
            return "";
        }
        List<String> lines = trace.lines().toList();
        List<String> shown = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().filter(line -> line.startsWith("Caused by:"))
                .map(line -> line.length() <= CAUSE_CHARS ? line : line.substring(0, CAUSE_CHARS) + "...")
                .forEach(shown::add);
        return ": " + String.join("\n    ", shown.size() > 1 ? shown : lines.subList(0, Math.min(8, lines.size())));
    }

    /** One sample per known state, 1 for the current one (the usual shape of an enum in Prometheus). */
    private static List<Sample> states(String metric, String help, Map<String, String> labels, String current) {
        List<Sample> samples = new ArrayList<>();
        for (String s : STATES) {
            Map<String, String> l = new HashMap<>(labels);
            l.put("state", s);
            samples.add(new Sample(metric, help, l, s.equals(current) ? 1 : 0));
        }
        return samples;
    }
}
