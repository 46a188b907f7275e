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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 5, "Sizes": a product whose 300 KB description cannot fit AppSync's subscription message limit is
 * rejected on its own (or cut, where the mapping says {@code maxBytes}); the rest of the batch is applied.
 */
class SizeLimitPipelineTest {

    /** Record 4 of the sample: product_template id 3, partition 0, offset 2. */
    private static final int BIG = 4;
    /** About 300 KB of HTML with accents and emoji (4-byte characters) throughout. */
    private static final String DESCRIPTION = "<p>Très solide 😀 lampe</p>".repeat(10_000);

    private final List<MappedChange> sent = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    private UpsertPipeline pipeline(Mappings mappings) {
        return pipeline(mappings, Map.of());
    }

    private UpsertPipeline pipeline(Mappings mappings, Map<String, String> env) {
        return UpsertPipeline.builder().config(HandlerConfig.fromEnvironment(env::get, false))
                .mappings(mappings).log(log::add).sender(c -> {
                    sent.add(c);
                    return new SendResult.Applied(null);
                }).build();
    }

    private static JsonNode batchWithABigDescription() throws Exception {
        try (InputStream in = SizeLimitPipelineTest.class.getResourceAsStream("/sample/odoo-product-changes.json")) {
            ArrayNode batch = (ArrayNode) Json.MAPPER.readTree(in);
            ObjectNode after = (ObjectNode) batch.get(BIG).get("payload").get("value").get("after");
            after.put("description", "{\"en_US\": " + Json.MAPPER.writeValueAsString(DESCRIPTION) + "}");
            return batch;
        }
    }

    private static Mappings packagedWithMaxBytes(int maxBytes) throws Exception {
        try (InputStream in = MappingLoader.class.getResourceAsStream(MappingLoader.DEFAULT_RESOURCE)) {
            JsonNode root = Json.MAPPER.readTree(in);
            ((ObjectNode) root.get("tables").get(0).get("fields").get("description")).put("maxBytes", maxBytes);
            return new MappingLoader(Json.MAPPER).parse(root, "packaged + maxBytes");
        }
    }

    @Test
    void process_300KbDescription_rejectedWithLocationAndReasonWhileTheRestApplies() throws Exception {
        assertThat(DESCRIPTION.getBytes(StandardCharsets.UTF_8).length).isBetween(300_000, 310_000);
        BatchResult result;
        try (UpsertPipeline pipeline = pipeline(new MappingLoader(Json.MAPPER).loadDefault())) {
            result = pipeline.process(batchWithABigDescription());
        }

        RecordOutcome.Rejected rejected = (RecordOutcome.Rejected) result.outcomes().get(BIG);
        assertThat(rejected.location()).isEqualTo(new RecordLocation("odoo.public.product_template", "0", "2"));
        assertThat(rejected.reason()).isEqualTo(RejectReason.TOO_LARGE);
        assertThat(rejected.reason().code()).isEqualTo("too-large");
        assertThat(rejected.detail())
                .startsWith("upsertProduct for a Product does not fit: the subscription message would take up to ")
                .contains("over AppSync's subscription payload limit of 240,000 bytes", "largest fields 'description' ")
                .contains("fix: let the mapping cut field 'description' of table 'product_template' with \"maxBytes\"",
                        "\"description\": {\"column\": \"description\", \"convert\": \"translation\", "
                                + "\"language\": \"en_US\", \"maxBytes\": 65536}")
                .doesNotContain("Très", "lampe");
        assertThat(result.only(RecordOutcome.Rejected.class)).containsExactly(rejected);
        assertThat(result.count(RecordStatus.FAILED)).isZero();
        assertThat(result.count(RecordStatus.APPLIED)).isPositive();
        assertThat(sent).extracting(MappedChange::itemKey).contains("Product#1", "Product#2", "Category#1");
        assertThat(sent).allSatisfy(c -> assertThat(c.variables().toString()).doesNotContain("solide"));
        JsonNode line = Json.MAPPER.readTree(log.getFirst());
        assertThat(line.get("Rejected").asInt()).isEqualTo(1);
        assertThat(line.get("problems").get(0).get("offset").asText()).isEqualTo("2");
    }

    @Test
    void handle_300KbDescription_answersTheRecordRejectedWithoutFailingTheBatch() throws Exception {
        JsonNode answer;
        try (UpsertPipeline pipeline = pipeline(new MappingLoader(Json.MAPPER).loadDefault())) {
            answer = pipeline.handle(batchWithABigDescription());
        }

        JsonNode payload = answer.get(BIG).get("payload");
        assertThat(payload.get("topic").asText()).isEqualTo("odoo.public.product_template");
        assertThat(payload.get("offset").asLong()).isEqualTo(2);
        assertThat(payload.get("result").get("status").asText()).isEqualTo("rejected");
        assertThat(payload.get("result").get("reason").asText()).isEqualTo("too-large");
    }

    @Test
    void process_300KbDescriptionMarkedMaxBytes_cutAndApplied() throws Exception {
        BatchResult result;
        // Without coalescing, so that record 4 itself is sent (later records of product 3 hide and delete it).
        try (UpsertPipeline pipeline = pipeline(packagedWithMaxBytes(65_536), Map.of("PUBLISH_COALESCE", "false"))) {
            result = pipeline.process(batchWithABigDescription());
        }

        assertThat(result.outcomes().get(BIG).status()).isEqualTo(RecordStatus.APPLIED);
        assertThat(result.only(RecordOutcome.Rejected.class)).isEmpty();
        MappedChange product3 = sent.stream().filter(c -> c.itemKey().equals("Product#3")
                && c.variables().get("input").has("description")
                && c.variables().get("input").get("description").asText().length() > 1_000).findFirst().orElseThrow();
        String kept = product3.variables().get("input").get("description").asText();
        assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isBetween(65_536 - 3, 65_536);
        assertThat(DESCRIPTION).startsWith(kept);
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
    }
}
