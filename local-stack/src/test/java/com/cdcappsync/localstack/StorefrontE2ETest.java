package com.cdcappsync.localstack;

import static com.cdcappsync.localstack.Fixtures.Storefront.CHAIR_REPUBLISH;
import static com.cdcappsync.localstack.Fixtures.Storefront.CHAIR_SNAPSHOT;
import static com.cdcappsync.localstack.Fixtures.Storefront.CHAIR_UNPUBLISH;
import static com.cdcappsync.localstack.Fixtures.Storefront.DESK_SNAPSHOT;
import static com.cdcappsync.localstack.Fixtures.Storefront.DESK_VARIANT_SNAPSHOT;
import static com.cdcappsync.localstack.Fixtures.Storefront.BLACK_SNAPSHOT;
import static com.cdcappsync.localstack.Fixtures.Storefront.RED_BARCODE;
import static com.cdcappsync.localstack.Fixtures.Storefront.RED_DELETE;
import static com.cdcappsync.localstack.Fixtures.Storefront.RED_INSERT;
import static com.cdcappsync.localstack.Fixtures.Storefront.RED_TOMBSTONE;
import static com.cdcappsync.localstack.Fixtures.Storefront.WHITE_ARCHIVE;
import static com.cdcappsync.localstack.Fixtures.Storefront.WHITE_SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The storefront scenario's real Debezium batches (variants and website publication, schemas off and decimals as
 * text, as the shipped connector sends them; fixtures/debezium-storefront/SCENARIO.md) through the Invoke API,
 * the handler with the packaged mapping, the simulator's resolvers and DynamoDB Local, to the WebSocket
 * subscriber. The batches are the scenario's lines as delivered, so the function coalesces each batch to the
 * newest change of each item.
 */
class StorefrontE2ETest extends StackPerClassTest {

    private static long lsn(JsonNode record) {
        return Fixtures.lsn(record);
    }

    private long lsn(int line) {
        return lsn(e2e.fixtures.storefront(Fixtures.Storefront.SETTING, line));
    }

    /** The next {@code count} messages by "field id" (items of one batch are published concurrently). */
    private Map<String, JsonNode> messages(int count) throws InterruptedException {
        Map<String, JsonNode> byItem = new HashMap<>();
        for (int i = 0; i < count; i++) {
            RealtimeClient.Event event = e2e.nextMessage();
            assertThat(event.type()).as("message %s", event.payload()).isEqualTo("data");
            byItem.put(event.field() + " " + event.payload().path("id").asText(), event.payload());
        }
        return byItem;
    }

    /** getProductVariant with the website's key: the id when the API shows the variant, else null. */
    private boolean shown(int variant) {
        return !e2e.asWebsite("{ getProductVariant(id: \"" + variant + "\", websiteId: \"1\") { id } }").data()
                .get("getProductVariant").isNull();
    }

    private List<String> variantsOf(int product) {
        JsonNode got = e2e.asWebsite("{ getProduct(id: \"" + product + "\", websiteId: \"1\") { variants(limit: 100) "
                + "{ items { id } } } }").data().get("getProduct");
        List<String> ids = new ArrayList<>();
        if (!got.isNull()) {
            got.get("variants").get("items").forEach(v -> ids.add(v.get("id").asText()));
        }
        return ids;
    }

    @Test
    void storefrontBatches_variantsAndPublication_reachTheSubscriber() throws Exception {
        // the snapshot's templates: 21 published, 22 never published (a tombstone)
        assertThat(e2e.invoke(e2e.fixtures.storefrontBatch(CHAIR_SNAPSHOT, DESK_SNAPSHOT)))
                .extracting(r -> r.path("status").asText()).containsExactly("applied", "applied");
        assertThat(messages(2)).containsOnlyKeys("onUpsertProduct 21", "onDeleteProduct 22");

        // the variants' snapshot + steps a-c in one invocation: per item, only its newest change is sent
        List<JsonNode> variants = e2e.invoke(e2e.fixtures.storefrontBatch(BLACK_SNAPSHOT, WHITE_SNAPSHOT,
                DESK_VARIANT_SNAPSHOT, RED_INSERT, RED_BARCODE, WHITE_ARCHIVE));
        assertThat(variants).extracting(r -> r.path("status").asText()).doesNotContain("rejected", "failed");
        Map<String, JsonNode> messages = messages(4);
        assertThat(messages).containsOnlyKeys("onUpsertProductVariant 41", "onDeleteProductVariant 42",
                "onUpsertProductVariant 43", "onUpsertProductVariant 44");
        JsonNode red = messages.get("onUpsertProductVariant 44");
        assertThat(red.get("productId").asText()).isEqualTo("21");
        assertThat(red.get("deleted").asBoolean()).isFalse();
        assertThat(red.get("version").asLong()).as("the newest change (step b)").isEqualTo(lsn(RED_BARCODE));
        JsonNode hiddenProductsVariant = messages.get("onUpsertProductVariant 43");
        assertThat(hiddenProductsVariant.get("deleted").asBoolean()).as("variant of unpublished 22").isTrue();
        assertThat(hiddenProductsVariant.get("productId").isNull()).as("names no hidden product").isTrue();
        assertThat(messages.get("onDeleteProductVariant 42").get("version").asLong()).isEqualTo(lsn(WHITE_ARCHIVE));
        assertThat(e2e.item("ProductVariant", 42).get("deleted").bool()).as("archived").isTrue();
        assertThat(e2e.item("ProductVariant", 43).get("productId").s()).as("stored, for when 22 is published")
                .isEqualTo("22");
        assertThat(e2e.item("Product", 22).get("deleted").bool()).as("never published").isTrue();
        assertThat(shown(41)).isTrue();
        assertThat(shown(43)).as("its product is not on the site").isFalse();
        assertThat(variantsOf(21)).containsExactlyInAnyOrder("41", "44");

        // d: unpublish -> the product leaves the site, and its variants with it
        assertThat(e2e.invoke(e2e.fixtures.storefrontBatch(CHAIR_UNPUBLISH))).extracting(r -> r.path("status")
                .asText()).containsExactly("applied");
        assertThat(e2e.nextMessage("onDeleteProduct", 21).get("version").asLong()).isEqualTo(lsn(CHAIR_UNPUBLISH));
        assertThat(e2e.asWebsite("{ getProduct(id: \"21\", websiteId: \"1\") { id } }").data().get("getProduct")
                .isNull()).isTrue();
        assertThat(shown(41)).as("variant of an unpublished product").isFalse();
        assertThat(shown(44)).isFalse();

        // e, f: republish (its variants come back) and delete the red variant (its Kafka tombstone is ignored)
        assertThat(e2e.invoke(e2e.fixtures.storefrontBatch(CHAIR_REPUBLISH, RED_DELETE, RED_TOMBSTONE)))
                .extracting(r -> r.path("status").asText()).containsExactly("applied", "applied", "ignored");
        messages = messages(2);
        assertThat(messages).containsOnlyKeys("onUpsertProduct 21", "onDeleteProductVariant 44");
        assertThat(messages.get("onUpsertProduct 21").get("version").asLong()).isEqualTo(lsn(CHAIR_REPUBLISH));
        Map<String, AttributeValue> chair = e2e.item("Product", 21);
        assertThat(chair.get("deleted").bool()).isFalse();
        assertThat(chair.get("listPrice").s()).isEqualTo("129.00");
        assertThat(e2e.item("ProductVariant", 44).get("deleted").bool()).isTrue();
        assertThat(shown(41)).as("back with its product").isTrue();
        assertThat(variantsOf(21)).containsExactly("41");
        e2e.assertNoMessageSinceLastOne();
    }
}
