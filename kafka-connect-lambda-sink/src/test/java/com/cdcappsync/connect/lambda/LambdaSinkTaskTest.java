package com.cdcappsync.connect.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;

/**
 * The sink against a fake Invoke API, with what Confluent documents: the body, batches per topic-partition in offset
 * order, no retry of a batch, behavior.on.error fail/log/ignore, the result topic's records as the real connector
 * wrote them, and the dead-letter queue for invalid request content. The reporter writes to Kafka's MockProducer.
 */
class LambdaSinkTaskTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final FakeLambda lambda = new FakeLambda();
    private final MockProducer<byte[], byte[]> kafka = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final LambdaSinkTask task = new LambdaSinkTask(config -> kafka);

    @AfterEach
    void stop() {
        task.stop();
        lambda.close();
    }

    private void start(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of("name", "sink",
                "aws.lambda.function.name", "arn:aws:lambda:us-east-1:123456789012:function:fn:live",
                "aws.lambda.region", "us-east-1", "aws.lambda.batch.size", "2",
                "aws.access.key.id", "AKID", "aws.secret.access.key", "secret",
                "aws.lambda.endpoint.override", lambda.endpoint().toString(),
                "reporter.bootstrap.servers", "kafka:9092"));
        config.putAll(extra);
        task.start(config);
    }

    private static SinkRecord record(String topic, int partition, long offset, String key, Object value) {
        Schema schema = value instanceof Struct s ? s.schema() : Schema.OPTIONAL_STRING_SCHEMA;
        return new SinkRecord(topic, partition, Schema.OPTIONAL_STRING_SCHEMA, key, schema, value, offset,
                1_700_000_000_000L + offset, TimestampType.CREATE_TIME);
    }

    private static JsonNode body(FakeLambda.Call call) throws IOException {
        return MAPPER.readTree(call.body());
    }

    private List<ProducerRecord<byte[], byte[]>> written(String topic) {
        return kafka.history().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    private static List<String> realConnectorLines() throws IOException {
        try (var in = LambdaSinkTaskTest.class.getResourceAsStream("/real-connector-success-responses.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void put_stringValues_sendsConfluentBodyWithKeyAndValueAsJsonStrings() throws Exception {
        start(Map.of());
        task.put(List.of(record("odoo.public.product_template", 0, 7, "{\"id\":1}", "{\"op\":\"u\"}")));

        assertThat(lambda.calls).hasSize(1);
        FakeLambda.Call call = lambda.calls.get(0);
        assertThat(call.path()).isEqualTo("/2015-03-31/functions/"
                + "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Afn%3Alive/invocations");
        assertThat(call.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKID/")
                .contains("/us-east-1/lambda/");
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
            assertThat(body(call).findValues("partition").stream().map(JsonNode::asInt).distinct()).hasSize(1);
        }
    }

    @Test
    void put_structValue_jsonConverterNestsAnObjectAndEscapedConverterAString() throws Exception {
        Schema schema = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("name", Schema.STRING_SCHEMA)
                .build();
        Struct value = new Struct(schema).put("id", 3).put("name", "Lamp");
        start(Map.of("reporter.bootstrap.servers", "")); // no reporter: the task is started twice
        task.put(List.of(record("t", 0, 0, null, value)));
        task.stop();
        start(Map.of("reporter.bootstrap.servers", "", "record.converter.class", LambdaSinkConfig.ESCAPED_CONVERTER));
        task.put(List.of(record("t", 0, 1, null, value)));

        assertThat(body(lambda.calls.get(0)).get(0).path("payload").path("value"))
                .isEqualTo(MAPPER.readTree("{\"id\":3,\"name\":\"Lamp\"}"));
        assertThat(body(lambda.calls.get(1)).get(0).path("payload").path("value").asText())
                .isEqualTo("{\"id\":3,\"name\":\"Lamp\"}");
    }

    @Test
    void put_functionErrorWithDefaults_failsAfterOneCallWritingNothing() {
        start(Map.of());
        lambda.script.add(FakeLambda.Answer.functionError("AppSync down"));

        assertThatThrownBy(() -> task.put(List.of(record("t", 0, 5, null, "a"), record("t", 0, 6, null, "b"))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("fn:live failed (Unhandled)").hasMessageContaining("t-0 from offset 5")
                .hasMessageContaining("AppSync down").hasMessageContaining("restart the task");
        assertThat(lambda.calls).as("no retry of the batch").hasSize(1);
        assertThat(kafka.history()).as("nothing on the result or error topic").isEmpty();
    }

    @Test
    void put_functionErrorWithLog_writesEachRecordToTheErrorTopicAndGoesOn() throws Exception {
        start(Map.of("behavior.on.error", "log"));
        lambda.script.add(FakeLambda.Answer.functionError("bad record"));

        task.put(List.of(record("t", 0, 0, null, "a"), record("t", 0, 1, null, "b"), record("t", 0, 2, null, "c")));

        assertThat(lambda.calls).as("the failed batch once, then the next").hasSize(2);
        List<ProducerRecord<byte[], byte[]>> errors = written("sink-error");
        assertThat(errors).hasSize(2).allSatisfy(r -> assertThat(r.key()).isNull());
        JsonNode text = MAPPER.readTree(errors.get(1).value());
        assertThat(text.isTextual()).as("a JSON string holding JSON, as the result topic's").isTrue();
        assertThat(text.asText()).isEqualTo("{\"timestamp\":1700000000001,\"offset\":1,\"partition\":0,\"topic\":\"t\","
                + "\"error\":{\"errorMessage\":\"bad record\",\"errorType\":\"Boom\"}}");
        assertThat(written("sink-success")).as("the next batch's answer").hasSize(1);
    }

    @Test
    void put_functionErrorWithIgnore_writesNothingAndGoesOn() {
        start(Map.of("behavior.on.error", "ignore", "aws.lambda.batch.size", "1"));
        lambda.script.add(FakeLambda.Answer.functionError("bad record"));
        lambda.script.add(FakeLambda.Answer.ok("[{\"payload\":{\"offset\":1,\"result\":\"ok\"}}]"));

        task.put(List.of(record("t", 0, 0, null, "a"), record("t", 0, 1, null, "b")));

        assertThat(lambda.calls).hasSize(2);
        assertThat(written("sink-error")).isEmpty();
        assertThat(written("sink-success")).singleElement().satisfies(r -> assertThat(utf8(r.value()))
                .isEqualTo("\"{\\\"offset\\\":1,\\\"result\\\":\\\"ok\\\"}\""));
    }

    @Test
    void put_answerAlignedWithTheBatch_writesEachInnerPayloadAsTheRealConnectorDid() throws IOException {
        start(Map.of("topics", "add-topic"));
        lambda.script.add(FakeLambda.Answer.ok("[{\"payload\":{\"timestamp\":1598334450575,\"offset\":0,"
                + "\"partition\":0,\"topic\":\"add-topic\",\"result\":{\"sum\":2}}},{\"payload\":{\"timestamp\":"
                + "1598334450609,\"offset\":1,\"partition\":0,\"topic\":\"add-topic\",\"result\":{\"sum\":3}}}]"));

        task.put(List.of(record("add-topic", 0, 0, null, "a"), record("add-topic", 0, 1, null, "b")));

        // Byte for byte the first two lines kafka-docker-playground's connect-aws-lambda-sink README shows for the
        // real connector's result topic (kafka-console-consumer, which prints the value's bytes as they are).
        assertThat(written("sink-success")).extracting(r -> utf8(r.value()))
                .containsExactlyElementsOf(realConnectorLines());
        assertThat(written("sink-success")).allSatisfy(r -> assertThat(r.key()).isNull());
    }

    @Test
    void put_invalidRequestContent_sendsEachRecordToTheDeadLetterQueueAndGoesOn() {
        DeadLetterContext context = new DeadLetterContext();
        task.initialize(context);
        start(Map.of());
        lambda.script.add(FakeLambda.Answer.invalidRequestContent());

        task.put(List.of(record("t", 0, 0, null, "a"), record("t", 0, 1, null, "b"), record("t", 0, 2, null, "c")));

        assertThat(context.reported).extracting(r -> r.record().kafkaOffset()).containsExactly(0L, 1L);
        assertThat(context.reported).allSatisfy(r -> assertThat(r.error())
                .isInstanceOf(InvalidRequestContentException.class));
        assertThat(lambda.calls).as("no retry; the next batch sent").hasSize(2);
        assertThat(written("sink-error")).isEmpty();
    }

    @Test
    void put_invalidRequestContentWithoutDeadLetterQueue_failsUnderTheDefaultBehavior() {
        start(Map.of());
        lambda.script.add(FakeLambda.Answer.invalidRequestContent());

        assertThatThrownBy(() -> task.put(List.of(record("t", 0, 0, null, "a"))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("InvalidRequestContentException");
        assertThat(lambda.calls).hasSize(1);
    }

    @Test
    void put_asyncInvocation_sendsEventInvocationTypeAndReportsNothing() {
        start(Map.of("aws.lambda.invocation.type", "async"));
        task.put(List.of(record("t", 0, 0, null, "a")));

        assertThat(lambda.calls.get(0).invocationType()).isEqualTo("Event");
        assertThat(kafka.history()).isEmpty();
    }
}
