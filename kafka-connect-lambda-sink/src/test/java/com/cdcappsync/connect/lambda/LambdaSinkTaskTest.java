package com.cdcappsync.connect.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sink against a fake Invoke API: the body Confluent documents, batches per topic-partition in offset order,
 * the whole batch sent again after a function error, and behavior.on.error. Kafka is not needed: without
 * {@code reporter.bootstrap.servers} nothing is reported.
 */
class LambdaSinkTaskTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final FakeLambda lambda = new FakeLambda();
    private final LambdaSinkTask task = new LambdaSinkTask();

    @AfterEach
    void stop() {
        task.stop();
        lambda.close();
    }

    private void start(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of("name", "sink",
                "aws.lambda.function.name", "arn:aws:lambda:us-east-1:123456789012:function:fn:live",
                "aws.lambda.batch.size", "2", "aws.access.key.id", "AKID", "aws.secret.access.key", "secret",
                "aws.lambda.endpoint.override", lambda.endpoint().toString(),
                "aws.lambda.function.error.retry.backoff.ms", "0"));
        config.putAll(extra);
        task.start(config);
    }

    private static SinkRecord record(String topic, int partition, long offset, String key, Object value) {
        Schema schema = value instanceof Struct s ? s.schema() : Schema.OPTIONAL_STRING_SCHEMA;
        return new SinkRecord(topic, partition, Schema.OPTIONAL_STRING_SCHEMA, key, schema, value, offset,
                1_700_000_000_000L + offset, org.apache.kafka.common.record.TimestampType.CREATE_TIME);
    }

    private static JsonNode body(FakeLambda.Call call) throws IOException {
        return MAPPER.readTree(call.body());
    }

    @Test
    void put_stringValues_sendsConfluentBodyWithKeyAndValueAsJsonStrings() throws Exception {
        start(Map.of());
        task.put(List.of(record("odoo.public.product_template", 0, 7, "{\"id\":1}", "{\"op\":\"u\"}")));

        assertThat(lambda.calls).hasSize(1);
        FakeLambda.Call call = lambda.calls.get(0);
        assertThat(call.path()).isEqualTo("/2015-03-31/functions/"
                + "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Afn%3Alive/invocations");
        assertThat(call.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKID/").contains("/lambda/");
        assertThat(body(call)).isEqualTo(MAPPER.readTree("""
                [{"payload":{"timestamp":1700000000007,"topic":"odoo.public.product_template","partition":0,
                  "offset":7,"key":"{\\"id\\":1}","value":"{\\"op\\":\\"u\\"}"}}]"""));
    }

    @Test
    void put_fiveRecordsOfOnePartition_invokesInBatchesOfBatchSizeInOffsetOrder() throws Exception {
        start(Map.of());
        List<SinkRecord> records = new ArrayList<>();
        for (long offset = 0; offset < 5; offset++) {
            records.add(record("t", 0, offset, null, "v" + offset));
        }
        task.put(records);

        assertThat(lambda.calls).hasSize(3);
        List<Long> offsets = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (FakeLambda.Call call : lambda.calls) {
            sizes.add(body(call).size());
            body(call).forEach(e -> offsets.add(e.path("payload").path("offset").asLong()));
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(offsets).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void put_twoPartitions_neverMixesPartitionsInOneBatch() throws Exception {
        start(Map.of("aws.lambda.batch.size", "10"));
        task.put(List.of(record("t", 0, 0, null, "a"), record("t", 1, 0, null, "b"), record("t", 0, 1, null, "c")));

        assertThat(lambda.calls).hasSize(2);
        for (FakeLambda.Call call : lambda.calls) {
            JsonNode batch = body(call);
            assertThat(batch.findValues("partition").stream().map(JsonNode::asInt).distinct()).hasSize(1);
        }
    }

    @Test
    void put_structValue_jsonConverterNestsAnObjectAndEscapedConverterAString() throws Exception {
        Schema schema = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("name", Schema.STRING_SCHEMA)
                .build();
        Struct value = new Struct(schema).put("id", 3).put("name", "Lamp");
        start(Map.of());
        task.put(List.of(record("t", 0, 0, null, value)));
        task.stop();
        start(Map.of("record.converter.class", "EscapedJsonKeyValueConverter"));
        task.put(List.of(record("t", 0, 1, null, value)));

        assertThat(body(lambda.calls.get(0)).get(0).path("payload").path("value"))
                .isEqualTo(MAPPER.readTree("{\"id\":3,\"name\":\"Lamp\"}"));
        assertThat(body(lambda.calls.get(1)).get(0).path("payload").path("value").asText())
                .isEqualTo("{\"id\":3,\"name\":\"Lamp\"}");
    }

    @Test
    void put_functionErrorThenSuccess_sendsTheWholeBatchAgain() throws Exception {
        start(Map.of("aws.lambda.function.error.retries", "2"));
        lambda.script.add(FakeLambda.Answer.functionError("AppSync down"));
        task.put(List.of(record("t", 0, 0, null, "a"), record("t", 0, 1, null, "b")));

        assertThat(lambda.calls).hasSize(2);
        assertThat(lambda.calls.get(1).body()).isEqualTo(lambda.calls.get(0).body());
    }

    @Test
    void put_functionErrorPersists_failBehavior_throwsNamingTheFunctionAndOffsets() {
        start(Map.of("aws.lambda.function.error.retries", "1"));
        lambda.script.add(FakeLambda.Answer.functionError("AppSync down"));
        lambda.script.add(FakeLambda.Answer.functionError("AppSync down"));

        assertThatThrownBy(() -> task.put(List.of(record("t", 0, 5, null, "a"))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("fn:live failed (Unhandled)").hasMessageContaining("t-0 from offset 5")
                .hasMessageContaining("AppSync down").hasMessageContaining("restart the task");
        assertThat(lambda.calls).hasSize(2);
    }

    @Test
    void put_functionErrorPersists_logBehavior_goesOnToTheNextBatch() {
        start(Map.of("aws.lambda.function.error.retries", "0", "behavior.on.error", "log",
                "aws.lambda.batch.size", "1"));
        lambda.script.add(FakeLambda.Answer.functionError("bad record"));

        task.put(List.of(record("t", 0, 0, null, "a"), record("t", 0, 1, null, "b")));

        assertThat(lambda.calls).hasSize(2);
    }

    @Test
    void put_asyncInvocation_sendsEventInvocationType() {
        start(Map.of("aws.lambda.invocation.type", "async"));
        task.put(List.of(record("t", 0, 0, null, "a")));

        assertThat(lambda.calls.get(0).invocationType()).isEqualTo("Event");
    }

    @Test
    void start_unknownRecordConverter_namesThePropertyAndTheChoices() {
        assertThatThrownBy(() -> start(Map.of("record.converter.class", "AvroConverter")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("record.converter.class")
                .hasMessageContaining("EscapedJsonKeyValueConverter");
    }

    @Test
    void start_shippedPlatformConfigKeys_areAllKnownToTheSink() throws Exception {
        JsonNode shipped = MAPPER.readTree(java.nio.file.Path.of(System.getProperty("cdc.repo.root", ".."),
                "confluent-lambda-sink-config/connectors/lambda-sink-platform.json").toFile()).get("config");
        List<String> unknown = new ArrayList<>();
        shipped.fieldNames().forEachRemaining(key -> {
            boolean framework = key.equals("connector.class") || key.equals("tasks.max") || key.equals("topics")
                    || key.endsWith(".converter") || key.startsWith("errors.");
            if (!framework && !LambdaSinkConfig.CONFIG_DEF.names().contains(key)) {
                unknown.add(key);
            }
        });
        assertThat(unknown).as("properties of lambda-sink-platform.json this sink does not read").isEmpty();
    }
}
