package com.cdcappsync.upsert.response;

import com.cdcappsync.upsert.internal.response.ResponseWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.cdcappsync.upsert.BatchFailedException;
import com.cdcappsync.upsert.UpsertPipeline;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.publish.SendResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code batchItemFailures} answer checked against AWS's own sample events and event models
 * ({@code com.amazonaws:aws-lambda-java-tests} {@link EventLoader}): Kafka names a record by an object
 * {@code {"partition": "<topic>-<partition>", "offset": <n>}}, Kinesis by its sequence number
 * (sources in {@link ResponseWriter#itemIdentifier}).
 */
class PartialBatchResponseTest {

    private static final String AWS_MSK_SAMPLE = "/aws-events/msk-event.json";
    private static final String DEBEZIUM_KAFKA = "/fixtures/debezium/noschemas-precise/kafka-event.json";
    private static final String DEBEZIUM_KINESIS = "/fixtures/debezium/noschemas-precise/kinesis-event.json";

    private static UpsertPipeline pipeline(Map<String, String> env, String failingId) {
        return UpsertPipeline.builder().config(HandlerConfig.fromEnvironment(env::get, false))
                .sender(c -> c.id().equals(failingId) ? new SendResult.Failed("HTTP 503 after 5 attempts")
                        : new SendResult.Applied(null))
                .log(line -> { }).build();
    }

    private static JsonNode json(String resource) throws IOException {
        try (InputStream in = PartialBatchResponseTest.class.getResourceAsStream(resource)) {
            return Json.MAPPER.readTree(in);
        }
    }

    @Test
    void handle_awsMskSampleRejectedWithFailOnRejected_namesItByTopicPartitionAndNumericOffset() throws Exception {
        KafkaEvent.KafkaEventRecord sample = EventLoader.loadKafkaEvent(AWS_MSK_SAMPLE).getRecords()
                .get("mytopic-0").getFirst();

        JsonNode answer;
        try (UpsertPipeline pipeline = pipeline(Map.of("FAIL_ON_REJECTED", "true"), "none")) {
            answer = pipeline.handle(json(AWS_MSK_SAMPLE));
        }

        JsonNode id = answer.get("batchItemFailures").get(0).get("itemIdentifier");
        assertThat(answer.get("batchItemFailures")).hasSize(1);
        assertThat(id.isObject()).isTrue();
        assertThat(id.get("partition").asText()).isEqualTo(sample.getTopic() + "-" + sample.getPartition())
                .isEqualTo("mytopic-0");
        assertThat(id.get("offset").isIntegralNumber()).isTrue();
        assertThat(id.get("offset").asLong()).isEqualTo(sample.getOffset()).isEqualTo(15L);
    }

    @Test
    void handle_awsMskSampleRejectedByDefault_answersNoFailure() throws Exception {
        try (UpsertPipeline pipeline = pipeline(Map.of(), "none")) {
            assertThat(pipeline.handle(json(AWS_MSK_SAMPLE)).toString()).isEqualTo("{\"batchItemFailures\":[]}");
        }
    }

    @Test
    void handle_kafkaEventWithOneFailedRecord_listsExactlyThatRecordAsAwsModelNamesIt() throws Exception {
        KafkaEvent event = EventLoader.loadKafkaEvent(DEBEZIUM_KAFKA);

        JsonNode answer;
        try (UpsertPipeline pipeline = pipeline(Map.of("PUBLISH_COALESCE", "false"), "4")) {
            answer = pipeline.handle(json(DEBEZIUM_KAFKA));
        }

        assertThat(answer.get("batchItemFailures")).isNotEmpty().allSatisfy(failure -> {
            JsonNode id = failure.get("itemIdentifier");
            assertThat(event.getRecords()).containsKey(id.get("partition").asText());
            assertThat(event.getRecords().get(id.get("partition").asText()))
                    .anySatisfy(r -> assertThat(r.getOffset()).isEqualTo(id.get("offset").asLong()));
        });
    }

    @Test
    void handle_kinesisEventWithOneFailedRecord_listsItsSequenceNumberAsText() throws Exception {
        KinesisEvent event = EventLoader.loadKinesisEvent(DEBEZIUM_KINESIS);

        JsonNode answer;
        try (UpsertPipeline pipeline = pipeline(Map.of("PUBLISH_COALESCE", "false"), "4")) {
            answer = pipeline.handle(json(DEBEZIUM_KINESIS));
        }

        assertThat(answer.get("batchItemFailures")).isNotEmpty().allSatisfy(failure -> {
            JsonNode id = failure.get("itemIdentifier");
            assertThat(id.isTextual()).isTrue();
            assertThat(event.getRecords()).anySatisfy(
                    r -> assertThat(r.getKinesis().getSequenceNumber()).isEqualTo(id.asText()));
        });
    }

    @Test
    void handle_recordToRetryWithoutAnOffset_failsTheWholeInvocation() throws Exception {
        ObjectNode event = (ObjectNode) json(AWS_MSK_SAMPLE);
        ((ObjectNode) event.get("records").get("mytopic-0").get(0)).remove("offset");

        try (UpsertPipeline pipeline = pipeline(Map.of("FAIL_ON_REJECTED", "true"), "none")) {
            assertThatThrownBy(() -> pipeline.handle(event)).isInstanceOf(BatchFailedException.class)
                    .hasMessageContaining("mytopic/0@?").hasMessageContaining("offset must be");
        }
    }
}
