package com.cdcappsync.connect.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invokes the function with the records of each topic-partition in order, {@code aws.lambda.batch.size} at a
 * time; partitions run in parallel. {@link #put} returns only when every batch was answered (or handled by
 * {@code behavior.on.error}) and its results written, so the offsets Kafka Connect then commits are of records
 * the function has seen: at-least-once, as Confluent's sink promises (overview page).
 */
public final class LambdaSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaSinkTask.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_PARALLEL_PARTITIONS = 4;
    private static final int MAX_LOGGED_BODY = 2_000;

    private LambdaSinkConfig config;
    private RecordConverter converter;
    private FunctionCaller caller;
    private Reporter reporter;
    private ExecutorService partitions;

    @Override
    public String version() {
        return LambdaSinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> properties) {
        config = new LambdaSinkConfig(properties);
        converter = config.recordConverter();
        caller = new FunctionCaller(config);
        reporter = Reporter.start(config);
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

    private static void await(Future<?> future) {
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
            handle(batch, invokeWithRetries(body.toString().getBytes(StandardCharsets.UTF_8), batch));
        }
    }

    private FunctionCaller.Outcome invokeWithRetries(byte[] body, List<SinkRecord> batch) {
        long pause = config.functionErrorBackoff().toMillis();
        FunctionCaller.Outcome outcome = caller.invoke(body);
        for (int retry = 1; retry <= config.functionErrorRetries()
                && outcome instanceof FunctionCaller.Outcome.Failed failed; retry++) {
            LOG.warn("function error {} for {} record(s) of {} from offset {}; sending the batch again ({}/{})",
                    failed.type(), batch.size(), partitionOf(batch.get(0)), batch.get(0).kafkaOffset(),
                    retry, config.functionErrorRetries());
            sleep(pause);
            pause *= 2;
            outcome = caller.invoke(body);
        }
        return outcome;
    }

    private void handle(List<SinkRecord> batch, FunctionCaller.Outcome outcome) {
        if (outcome instanceof FunctionCaller.Outcome.Answered answered) {
            reportResults(batch, answered.body());
            return;
        }
        FunctionCaller.Outcome.Failed failed = (FunctionCaller.Outcome.Failed) outcome;
        reportError(batch, failed);
        String what = "function " + config.functionName() + " failed (" + failed.type() + ") for " + batch.size()
                + " record(s) of " + partitionOf(batch.get(0)) + " from offset " + batch.get(0).kafkaOffset()
                + " after " + config.functionErrorRetries() + " retries: " + abbreviate(failed.body());
        switch (config.behaviorOnError()) {
            case FAIL -> throw new ConnectException(what + ". behavior.on.error=fail stops the task: fix the cause, "
                    + "then restart the task; the batch is sent again.");
            case LOG -> LOG.error("{}; behavior.on.error=log: going on", what);
            case IGNORE -> { }
            default -> throw new IllegalStateException("unknown behavior " + config.behaviorOnError());
        }
    }

    /** One result message per record when the answer is an array aligned with the batch, else the whole answer. */
    private void reportResults(List<SinkRecord> batch, String body) {
        if (reporter == null || config.invocationType() == LambdaSinkConfig.InvocationType.ASYNC) {
            return;
        }
        JsonNode answer = parse(body);
        if (answer != null && answer.isArray() && answer.size() == batch.size()) {
            answer.forEach(element -> reporter.result(null, element.toString()));
        } else {
            reporter.result(null, body);
        }
    }

    private void reportError(List<SinkRecord> batch, FunctionCaller.Outcome.Failed failed) {
        if (reporter == null) {
            return;
        }
        for (SinkRecord record : batch) {
            ObjectNode message = JsonNodeFactory.instance.objectNode();
            ObjectNode payload = message.putObject("payload");
            payload.put("timestamp", record.timestamp()).put("topic", record.topic())
                    .put("partition", record.kafkaPartition()).put("offset", record.kafkaOffset());
            JsonNode parsed = parse(failed.body());
            payload.putObject("error").put("type", failed.type())
                    .set("message", parsed != null ? parsed : JsonNodeFactory.instance.textNode(failed.body()));
            reporter.error(null, message.toString());
        }
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting to retry", e);
        }
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
