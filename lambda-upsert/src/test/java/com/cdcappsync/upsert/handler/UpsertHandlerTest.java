package com.cdcappsync.upsert.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.upsert.BatchFailedException;
import com.cdcappsync.upsert.UpsertHandler;
import com.cdcappsync.upsert.UpsertPipeline;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.adapter.InputShapeException;
import com.cdcappsync.upsert.publish.MutationSender;
import com.cdcappsync.upsert.publish.SendResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Lambda entry point end to end, with the AppSync side replaced by a sender (faults on demand). */
class UpsertHandlerTest {

    private final List<String> log = new ArrayList<>();
    private final List<String> sentIds = new CopyOnWriteArrayList<>();

    private UpsertHandler handler(Map<String, String> env, MutationSender sender) {
        return new UpsertHandler(UpsertPipeline.builder().config(HandlerConfig.fromEnvironment(env::get, false))
                .sender(c -> {
                    sentIds.add(c.id());
                    return sender.send(c);
                }).log(log::add).build());
    }

    private static JsonNode sample() throws Exception {
        try (InputStream in = UpsertHandlerTest.class.getResourceAsStream("/sample/odoo-product-changes.json")) {
            return Json.MAPPER.readTree(in);
        }
    }

    private static JsonNode invoke(UpsertHandler handler, JsonNode invocation) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(invocation.toString().getBytes(StandardCharsets.UTF_8)), out,
                null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    @Test
    void handleRequest_confluentSample_answersAlignedResultsAndLogsOneLine() throws Exception {
        JsonNode answer = invoke(handler(Map.of(), c -> new SendResult.Applied(null)), sample());

        assertThat(answer).hasSize(12);
        assertThat(answer.get(4).get("payload").get("result").get("status").asText()).isEqualTo("applied");
        assertThat(answer.get(9).get("payload").get("result").get("status").asText()).isEqualTo("ignored");
        assertThat(log).hasSize(1);
        assertThat(Json.MAPPER.readTree(log.getFirst()).get("Applied").asInt()).isEqualTo(4);
    }

    @Test
    void handleRequest_malformedRecordAmongGoodOnes_rejectsItAndAppliesTheRest() throws Exception {
        ArrayNode batch = (ArrayNode) sample();
        ObjectNode bad = Json.MAPPER.createObjectNode();
        bad.putObject("payload").put("topic", "odoo.public.product_template").put("partition", 0).put("offset", 99)
                .put("value", "{\"op\":\"u\",\"after\":{\"id\":");
        batch.insert(3, bad);

        JsonNode answer = invoke(handler(Map.of(), c -> new SendResult.Applied(null)), batch);

        JsonNode result = answer.get(3).get("payload").get("result");
        assertThat(result.get("status").asText()).isEqualTo("rejected");
        assertThat(result.get("reason").asText()).isEqualTo("malformed");
        assertThat(result.get("detail").asText()).contains("does not parse");
        assertThat(answer.get(3).get("payload").get("offset").asLong()).isEqualTo(99);
        assertThat(sentIds).containsExactlyInAnyOrder("1", "2", "3", "4");
        JsonNode line = Json.MAPPER.readTree(log.getFirst());
        assertThat(line.get("problems").get(0).get("location").asText()).isEqualTo("odoo.public.product_template/0@99");
    }

    @Test
    void handleRequest_rejectedWithFailOnRejected_failsTheInvocation() throws Exception {
        ArrayNode batch = Json.MAPPER.createArrayNode();
        batch.addObject().putObject("payload").put("topic", "t").put("partition", 0).put("offset", 1)
                .put("value", "[1,2]");

        UpsertHandler strict = handler(Map.of("FAIL_ON_REJECTED", "true"), c -> new SendResult.Applied(null));

        assertThatThrownBy(() -> invoke(strict, batch)).isInstanceOf(BatchFailedException.class)
                .hasMessageContaining("t/0@1").hasMessageContaining("malformed");
        assertThat(invoke(handler(Map.of(), c -> new SendResult.Applied(null)), batch).get(0).get("payload")
                .get("result").get("status").asText()).isEqualTo("rejected");
    }

    @Test
    void handleRequest_aRecordFailsAfterRetries_failsTheInvocationNamingIt() {
        UpsertHandler failing = handler(Map.of(), c -> c.id().equals("4")
                ? new SendResult.Failed("HTTP 503 after 5 attempts") : new SendResult.Applied(null));

        assertThatThrownBy(() -> invoke(failing, sample())).isInstanceOf(BatchFailedException.class)
                .hasMessageContaining("1 record(s) not applied")
                .hasMessageContaining("HTTP 503 after 5 attempts")
                .hasMessageContaining("odoo.public.product_template/0@");
        assertThat(sentIds).hasSize(4);
    }

    @Test
    void handleRequest_kafkaEventWithAFailure_answersBatchItemFailuresInsteadOfThrowing() throws Exception {
        JsonNode event;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/debezium/noschemas-precise/kafka-event.json")) {
            event = Json.MAPPER.readTree(in);
        }
        UpsertHandler failing = handler(Map.of("PUBLISH_COALESCE", "false"), c -> c.id().equals("4")
                ? new SendResult.Failed("timeout") : new SendResult.Applied(null));

        JsonNode answer = invoke(failing, event);

        assertThat(answer.get("batchItemFailures")).extracting(n -> n.get("itemIdentifier").toString())
                .containsExactly("{\"partition\":\"odoo.public.product_template-0\",\"offset\":10}",
                        "{\"partition\":\"odoo.public.product_template-0\",\"offset\":11}");
    }

    @Test
    void handleRequest_staleEverywhere_isNotAFailure() throws Exception {
        JsonNode answer = invoke(handler(Map.of(), c -> new SendResult.Stale("newer stored")), sample());

        assertThat(answer).allSatisfy(n -> assertThat(n.get("payload").get("result").get("status").asText())
                .isIn("stale", "ignored"));
    }

    @Test
    void handleRequest_unknownShape_failsNamingTheAcceptedShapes() {
        UpsertHandler handler = handler(Map.of(), c -> new SendResult.Applied(null));

        assertThatThrownBy(() -> invoke(handler, Json.MAPPER.readTree("{\"Records\":[{\"body\":\"x\"}]}")))
                .isInstanceOf(InputShapeException.class).hasMessageContaining("Confluent AWS Lambda Sink")
                .hasMessageContaining("aws:kafka").hasMessageContaining("kinesis");
    }
}
