package com.cdcappsync.upsert;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.adapter.RecordLocation;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.cdcappsync.upsert.mapping.Mappings;
import com.cdcappsync.upsert.publish.SendResult;
import com.cdcappsync.upsert.response.RecordOutcome;
import com.cdcappsync.upsert.response.RecordStatus;
import com.cdcappsync.upsert.response.RejectReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 5, "Sizes": a product whose 300 KB description cannot fit AppSync's subscription message limit is
 * rejected on its own (or cut, where the mapping says {@code maxBytes}); the rest of the batch is applied. The batch
 * (Debezium envelopes in a Confluent sink array) and the mapping are the test's own, so that the packaged ones may
 * change.
 */
class SizeLimitPipelineTest {

    /** About 300 KB of HTML with accents and emoji (4-byte characters) throughout. */
    private static final String DESCRIPTION = "<p>Très solide 😀 lampe</p>".repeat(10_000);
    private static final String TOPIC = "odoo.public.product_template";

    private final List<MappedChange> sent = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    private UpsertPipeline pipeline(String descriptionOptions) throws Exception {
        Mappings mappings = new MappingLoader().parse(Json.MAPPER.readTree("{\"tables\":[{"
                + "\"table\":\"product_template\",\"type\":\"Product\",\"fields\":{"
                + "\"name\":{\"column\":\"name\",\"convert\":\"translation\",\"language\":\"en_US\"},"
                + "\"description\":{\"column\":\"description\",\"convert\":\"translation\",\"language\":\"en_US\""
                + descriptionOptions + "}}}]}"), "test");
        return UpsertPipeline.builder().config(HandlerConfig.fromEnvironment(Map.<String, String>of()::get, false))
                .mappings(mappings).log(log::add).sender(c -> {
                    sent.add(c);
                    return new SendResult.Applied(null);
                }).build();
    }

    /** Products 1, 2 and 3 at offsets 41, 42 and 43 of partition 0; product 2 has the big description. */
    private static JsonNode batch() {
        ArrayNode batch = Json.MAPPER.createArrayNode();
        for (int id = 1; id <= 3; id++) {
            ObjectNode payload = batch.addObject().putObject("payload").put("timestamp", 1_795_314_279_268L)
                    .put("topic", TOPIC).put("partition", 0).put("offset", 40 + id);
            payload.putObject("key").put("id", id);
            ObjectNode value = payload.putObject("value");
            value.putNull("before");
            value.putObject("after").put("id", id).put("name", "{\"en_US\": \"Lamp " + id + "\"}")
                    .put("description", id == 2 ? "{\"en_US\": " + quoted(DESCRIPTION) + "}" : "<p>Small</p>");
            value.putObject("source").put("connector", "postgresql").put("name", "odoo")
                    .put("ts_ms", 1_795_314_278_507L).put("db", "odoo").put("schema", "public")
                    .put("table", "product_template").put("lsn", 26_480_456L + id);
            value.put("op", "c").put("ts_ms", 1_795_314_278_888L);
        }
        return batch;
    }

    private static String quoted(String text) {
        try {
            return Json.MAPPER.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void process_300KbDescription_rejectedWithLocationAndReasonWhileTheRestApplies() throws Exception {
        assertThat(DESCRIPTION.getBytes(StandardCharsets.UTF_8).length).isBetween(300_000, 310_000);
        BatchResult result;
        try (UpsertPipeline pipeline = pipeline("")) {
            result = pipeline.process(batch());
        }

        RecordOutcome.Rejected rejected = (RecordOutcome.Rejected) result.outcomes().get(1);
        assertThat(rejected.location()).isEqualTo(new RecordLocation(TOPIC, "0", "42"));
        assertThat(rejected.reason()).isEqualTo(RejectReason.TOO_LARGE);
        assertThat(rejected.reason().code()).isEqualTo("too-large");
        assertThat(rejected.detail())
                .startsWith("upsertProduct for a Product does not fit: the subscription message would take up to ")
                .contains("over AppSync's subscription payload limit of 240,000 bytes", "largest fields 'description' ")
                .contains("fix: let the mapping cut field 'description' of table 'product_template' with \"maxBytes\"",
                        "\"description\": {\"column\": \"description\", \"convert\": \"translation\", "
                                + "\"language\": \"en_US\", \"maxBytes\": 65536}")
                .doesNotContain("Très", "lampe");
        assertThat(result.outcomes()).extracting(RecordOutcome::status)
                .containsExactly(RecordStatus.APPLIED, RecordStatus.REJECTED, RecordStatus.APPLIED);
        assertThat(sent).extracting(MappedChange::itemKey).containsExactlyInAnyOrder("Product#1", "Product#3");
        JsonNode line = Json.MAPPER.readTree(log.getFirst());
        assertThat(line.get("Rejected").asInt()).isEqualTo(1);
        assertThat(line.get("problems").get(0).get("offset").asText()).isEqualTo("42");
    }

    @Test
    void handle_300KbDescription_answersTheRecordRejectedWithoutFailingTheBatch() throws Exception {
        JsonNode answer;
        try (UpsertPipeline pipeline = pipeline("")) {
            answer = pipeline.handle(batch());
        }

        JsonNode payload = answer.get(1).get("payload");
        assertThat(payload.get("topic").asText()).isEqualTo(TOPIC);
        assertThat(payload.get("offset").asLong()).isEqualTo(42);
        assertThat(payload.get("result").get("status").asText()).isEqualTo("rejected");
        assertThat(payload.get("result").get("reason").asText()).isEqualTo("too-large");
        assertThat(answer.get(0).get("payload").get("result").get("status").asText()).isEqualTo("applied");
        assertThat(answer.get(2).get("payload").get("result").get("status").asText()).isEqualTo("applied");
    }

    @Test
    void process_300KbDescriptionMarkedMaxBytes_cutAndApplied() throws Exception {
        BatchResult result;
        try (UpsertPipeline pipeline = pipeline(",\"maxBytes\":65536")) {
            result = pipeline.process(batch());
        }

        assertThat(result.outcomes()).extracting(RecordOutcome::status).containsOnly(RecordStatus.APPLIED);
        MappedChange product2 = sent.stream().filter(c -> c.itemKey().equals("Product#2")).findFirst().orElseThrow();
        String kept = product2.variables().get("input").get("description").asText();
        assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isBetween(65_536 - 3, 65_536);
        assertThat(DESCRIPTION).startsWith(kept);
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
    }
}
