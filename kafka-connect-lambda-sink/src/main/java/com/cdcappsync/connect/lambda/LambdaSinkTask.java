package com.cdcappsync.connect.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invokes the function with the records of each topic-partition in order, {@code aws.lambda.batch.size} at a
 * time; partitions run in parallel. {@link #put} returns only when every batch was answered (or handled by
 * {@code behavior.on.error}, or put on the dead-letter queue) and its results written, so the offsets Kafka Connect
 * then commits are of records the function has seen: at-least-once, as Confluent's sink promises (overview page).
 */
public final class LambdaSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaSinkTask.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_PARALLEL_PARTITIONS = 4;
    private static final int MAX_LOGGED_BODY = 2_000;

    private final Reporter.Producers producers;
    private LambdaSinkConfig config;
    private RecordConverter converter;
    private FunctionCaller caller;
    private Reporter reporter;
    private ExecutorService partitions;

    /** The task Kafka Connect creates: results and errors go to Kafka. */
    public LambdaSinkTask() {
        this(Reporter.Producers.KAFKA);
    }

    /** For tests: the reporter's producer from {@code producers}. */
    LambdaSinkTask(Reporter.Producers producers) {
        this.producers = producers;
    }

    @Override
    public String version() {
        return LambdaSinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> properties) {
        config = new LambdaSinkConfig(properties);
        converter = config.recordConverter();
        caller = new FunctionCaller(config);
        reporter = Reporter.start(config, producers);
        partitions = Executors.newFixedThreadPool(MAX_PARALLEL_PARTITIONS, runnable -> {
            Thread thread = new Thread(runnable, config.connectorName() + "-invoke");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<TopicPartition, List<SinkRecord>> byPartition = new LinkedHashMap<>();
        for (SinkRecord record : records) {
            byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.kafkaPartition()),
                    tp -> new ArrayList<>()).add(record);
        }
        if (byPartition.size() == 1) {
            sendInOrder(byPartition.values().iterator().next());
        } else {
            List<Future<?>> running = new ArrayList<>();
            byPartition.values().forEach(list -> running.add(partitions.submit(() -> sendInOrder(list))));
            for (Future<?> future : running) {
                await(future);
            }
        }
        if (reporter != null) {
            reporter.flush();
        }
    }

    private static <T> void await(Future<T> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while invoking the function", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectException connect) {
                throw connect;
            }
            throw new ConnectException("invoking the function failed: " + e.getCause(), e.getCause());
        }
    }

    /** One partition's records, batch after batch; the JsonConverter is per call (it is not thread-safe). */
    private void sendInOrder(List<SinkRecord> records) {
        JsonConverter json = RecordConverter.schemalessJson();
        for (int from = 0; from < records.size(); from += config.batchSize()) {
            List<SinkRecord> batch = records.subList(from, Math.min(records.size(), from + config.batchSize()));
            ArrayNode body = JsonNodeFactory.instance.arrayNode();
            batch.forEach(record -> body.add(converter.element(record, json)));
            // Sent once: Confluent documents no retry of a batch after a function error (README, contract table).
            handle(batch, caller.invoke(body.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void handle(List<SinkRecord> batch, FunctionCaller.Outcome outcome) {
        // instanceof, not a pattern switch: this module is Java 17 bytecode (pom.xml).
        if (outcome instanceof FunctionCaller.Outcome.Answered answered) {
            reportResults(batch, answered.body());
        } else if (outcome instanceof FunctionCaller.Outcome.InvalidRequest invalid) {
            deadLetter(batch, invalid);
        } else {
            onError(batch, (FunctionCaller.Outcome.Failed) outcome);
        }
    }

    /**
     * The documented DLQ case: each record of the batch to Kafka Connect's dead-letter queue (errors.tolerance=all
     * and errors.deadletterqueue.topic.name), waiting until written. Without a reporter (no DLQ and no error log
     * configured) it is an error like any other; with errors.tolerance=none Kafka Connect's reporter fails the task.
     */
    private void deadLetter(List<SinkRecord> batch, FunctionCaller.Outcome.InvalidRequest invalid) {
        ErrantRecordReporter dlq = errantRecordReporter();
        if (dlq == null) {
            onError(batch, new FunctionCaller.Outcome.Failed("InvalidRequestContentException",
                    String.valueOf(invalid.error().getMessage())));
            return;
        }
        List<Future<Void>> written = new ArrayList<>();
        batch.forEach(record -> written.add(dlq.report(record, invalid.error())));
        written.forEach(LambdaSinkTask::await);
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context == null ? null : context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // a worker older than Kafka 2.6 (KIP-610): no reporter
        }
    }

    private void onError(List<SinkRecord> batch, FunctionCaller.Outcome.Failed failed) {
        String what = "function " + config.functionName() + " failed (" + failed.type() + ") for " + batch.size()
                + " record(s) of " + partitionOf(batch.get(0)) + " from offset " + batch.get(0).kafkaOffset()
                + ": " + abbreviate(failed.body());
        switch (config.behaviorOnError()) {
            case FAIL -> throw new ConnectException(what + ". behavior.on.error=fail stops the task: fix the cause, "
                    + "then restart the task; the batch is sent again.");
            case LOG -> {
                reportError(batch, failed);
                LOG.error("{}; behavior.on.error=log: {}, going on", what, reporter != null
                        ? "written to " + config.errorTopic() : "no reporter.bootstrap.servers, not written");
            }
            case IGNORE -> { }
            default -> throw new IllegalStateException("unknown behavior " + config.behaviorOnError());
        }
    }

    /** One result message per element when the answer is an array aligned with the batch, else the whole answer. */
    private void reportResults(List<SinkRecord> batch, String body) {
        if (reporter == null || config.invocationType() == LambdaSinkConfig.InvocationType.ASYNC) {
            return;
        }
        JsonNode answer = parse(body);
        if (answer != null && answer.isArray() && answer.size() == batch.size()) {
            answer.forEach(reporter::result);
        } else {
            reporter.wholeAnswer(body);
        }
    }

    private void reportError(List<SinkRecord> batch, FunctionCaller.Outcome.Failed failed) {
        if (reporter == null) {
            return;
        }
        JsonNode parsed = parse(failed.body());
        JsonNode error = parsed != null && parsed.isObject() ? parsed : JsonNodeFactory.instance.objectNode()
                .put("errorType", failed.type()).put("errorMessage", failed.body());
        batch.forEach(record -> reporter.error(record, error));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String partitionOf(SinkRecord record) {
        return record.topic() + "-" + record.kafkaPartition();
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_LOGGED_BODY ? text : text.substring(0, MAX_LOGGED_BODY) + "...";
    }

    @Override
    public void stop() {
        if (partitions != null) {
            partitions.shutdownNow();
        }
        if (reporter != null) {
            reporter.close();
        }
        if (caller != null) {
            caller.close();
        }
    }
}
