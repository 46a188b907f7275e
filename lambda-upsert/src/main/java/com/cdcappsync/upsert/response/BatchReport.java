package com.cdcappsync.upsert.response;

import com.cdcappsync.upsert.adapter.InputKind;
import com.cdcappsync.upsert.appsync.Deadline;
import com.cdcappsync.upsert.internal.response.ResponseWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/**
 * One JSON log line per batch that is also a CloudWatch Embedded Metric Format document: the counts and
 * lag become metrics, the rest (problems with their locations) stays searchable in the log.
 *
 * @param namespace    CloudWatch namespace
 * @param functionName the metrics' {@code FunctionName} dimension
 */
public record BatchReport(String namespace, String functionName) {

    /** At most this many rejected/failed records are listed in one line; counts are always complete. */
    public static final int MAX_LISTED_PROBLEMS = 50;
    /** The one dimension of every metric (the CDK app's alarms use it too). */
    public static final String DIMENSION = "FunctionName";
    /** Largest "now minus source.ts_ms" of the batch, in milliseconds. */
    public static final String LAG_METRIC = "LagMs";

    /**
     * The line for a batch.
     *
     * @param mapper   JSON mapper
     * @param kind     the invocation shape
     * @param outcomes every outcome
     * @param elapsed  processing time
     * @param maxLagMs largest source lag in the batch, or null
     * @param nowMs    the current time, for EMF's timestamp
     */
    public String line(ObjectMapper mapper, InputKind kind, List<RecordOutcome> outcomes, Duration elapsed,
                       Long maxLagMs, long nowMs) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", nowMs);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        directive.putArray("Dimensions").addArray().add(DIMENSION);
        ArrayNode metrics = directive.putArray("Metrics");
        metrics.addObject().put("Name", "Records").put("Unit", "Count");
        for (RecordStatus status : RecordStatus.values()) {
            metrics.addObject().put("Name", status.metricName()).put("Unit", "Count");
        }
        metrics.addObject().put("Name", "DurationMs").put("Unit", "Milliseconds");
        if (maxLagMs != null) {
            metrics.addObject().put("Name", LAG_METRIC).put("Unit", "Milliseconds");
        }
        root.put(DIMENSION, functionName);
        root.put("level", outcomes.stream().anyMatch(o -> o.status().isProblem()) ? "WARN" : "INFO");
        root.put("message", "batch processed");
        root.put("input", kind.name());
        root.put("Records", outcomes.size());
        for (RecordStatus status : RecordStatus.values()) {
            root.put(status.metricName(), outcomes.stream().filter(o -> o.status() == status).count());
        }
        root.put("DurationMs", elapsed.toMillis());
        if (maxLagMs != null) {
            root.put(LAG_METRIC, maxLagMs);
        }
        ArrayNode problems = root.putArray("problems");
        outcomes.stream().filter(o -> o.status().isProblem())
                .limit(MAX_LISTED_PROBLEMS).forEach(o -> problems.addObject()
                        .put("location", o.location().toString())
                        .put("topic", o.location().topic())
                        .put("partition", o.location().partition())
                        .put("offset", o.location().offset())
                        .setAll(new ResponseWriter(mapper).result(o)));
        return root.toString();
    }

    /**
     * The line for a batch that the deadline cut short, or null when it cut nothing: how many records were not
     * completed, of how many, and by what budget. Written besides {@link #line}, so that a brown-out shows in one
     * searchable line ({@code "function time budget"}).
     *
     * @param mapper   JSON mapper
     * @param kind     the invocation shape
     * @param outcomes every outcome
     * @param deadline the invocation's deadline
     */
    public String budgetLine(ObjectMapper mapper, InputKind kind, List<RecordOutcome> outcomes, Deadline deadline) {
        long cut = outcomes.stream().filter(o -> o instanceof RecordOutcome.Failed f && f.outOfTime()).count();
        if (cut == 0) {
            return null;
        }
        ObjectNode root = mapper.createObjectNode();
        root.put("FunctionName", functionName);
        root.put("level", "WARN");
        root.put("message", Deadline.REASON + ": " + cut + " of " + outcomes.size() + " records not completed "
                + "before the deadline and failed (the invocation fails so the caller does not move past them); "
                + deadline.stopped()
                + ". If AppSync is healthy, the batch is too large for the time: raise PUBLISH_CONCURRENCY or the "
                + "function's timeout, or lower the connector's batch size (RUNBOOK.md, \"Time budget\").");
        root.put("input", kind.name());
        root.put("Records", outcomes.size());
        root.put("OutOfTime", cut);
        root.put("BudgetMs", deadline.budget().toMillis());
        root.put("LeftMs", deadline.remaining().toMillis());
        return root.toString();
    }
}
