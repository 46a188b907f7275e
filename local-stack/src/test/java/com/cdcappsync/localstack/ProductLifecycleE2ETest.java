package com.cdcappsync.localstack;

import static com.cdcappsync.localstack.Fixtures.PRODUCT_1_PRICE_UPDATE_TOAST;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_1_SNAPSHOT;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_1_TRANSLATION_TOAST;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_2_ARCHIVE;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_2_SNAPSHOT;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_3_DELETE;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_3_FOR_SALE_AGAIN;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_3_INSERT;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_3_NOT_FOR_SALE;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_3_TOMBSTONE;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_4_REINSERT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A product's life, from real Debezium events (schemas on, precise decimals), through the Invoke API, the
 * handler, the simulator's VTL resolvers and DynamoDB Local, to a WebSocket subscriber: every step is checked
 * in the store and in the subscription message, which must carry the whole object. Each test uses its own row
 * id, replaying the scenario lines it needs, and consumes exactly the messages it caused.
 *
 * <p>The fixtures' large, TOASTed column is {@code description} (Odoo's internal notes, which the packaged mapping
 * never publishes). To follow a TOASTed column end to end, this class deploys the packaged mapping with that column
 * read into {@code websiteDescription} (in a real shop, a large website description is TOASTed the same way).
 */
class ProductLifecycleE2ETest extends StackPerClassTest {

    @TempDir
    static Path mappingDir;

    @Override
    protected E2eStack newStack() throws Exception {
        Path packaged = RepositoryLayout.locate(null).root()
                .resolve("lambda-upsert/src/main/resources/mappings/odoo-products.json");
        Path mapping = mappingDir.resolve("description-as-website-description.json");
        Files.writeString(mapping, Files.readString(packaged).replace("{\"column\": \"website_description\",",
                "{\"column\": \"description\","));
        return new E2eStack(b -> b.mapping(mapping));
    }

    private static final String SETTING = "schemas-precise";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private String apply(int line, int id) {
        return e2e.invokeOne(e2e.fixtures.single(SETTING, line, id));
    }

    private long lsn(int line) {
        return Fixtures.lsn(e2e.fixtures.record(SETTING, line));
    }

    private String snapshotDescription() {
        JsonNode value = e2e.fixtures.record(SETTING, PRODUCT_1_SNAPSHOT).path("payload").path("value");
        return value.path("payload").path("after").path("description").asText();
    }

    @Test
    void snapshot_firstEventOfARow_storesItAndPublishesTheWholeObject() throws Exception {
        assertThat(apply(PRODUCT_1_SNAPSHOT, 101)).isEqualTo("applied");

        Map<String, AttributeValue> item = e2e.item("Product", 101);
        assertThat(item.get("name").s()).isEqualTo("Desk");
        // AWSJSON arguments reach the resolver parsed (in AppSync as in the simulator): a map in DynamoDB.
        assertThat(item.get("nameTranslations").m()).containsOnlyKeys("en_US", "fr_FR")
                .containsEntry("fr_FR", AttributeValue.fromS("Bureau"));
        assertThat(item.get("listPrice").s()).isEqualTo("12.50");
        assertThat(item.get("websiteDescription").s()).hasSize(10_240).isEqualTo(snapshotDescription());
        assertThat(item.get("version").n()).isEqualTo(Long.toString(lsn(PRODUCT_1_SNAPSHOT)));
        assertThat(item.get("deleted").bool()).isFalse();
        assertThat(item).doesNotContainKey("expiresAt");

        JsonNode message = e2e.nextMessage("onUpsertProduct", 101);
        assertThat(message.get("name").asText()).isEqualTo("Desk");
        assertThat(message.get("listPrice").asText()).isEqualTo("12.50");
        assertThat(message.get("writeDate").asText()).isEqualTo("2024-03-01T10:15:30.123456Z");
        assertThat(message.get("version").asLong()).isEqualTo(lsn(PRODUCT_1_SNAPSHOT));
        assertThat(message.get("deleted").asBoolean()).isFalse();
    }

    @Test
    void insert_newRow_isStoredAndPublished() throws Exception {
        assertThat(apply(PRODUCT_3_INSERT, 103)).isEqualTo("applied");

        Map<String, AttributeValue> item = e2e.item("Product", 103);
        assertThat(item.get("name").s()).isEqualTo("Lamp \"Arc\"");
        assertThat(item.get("listPrice").s()).isEqualTo("19.99");
        JsonNode message = e2e.nextMessage("onUpsertProduct", 103);
        assertThat(MAPPER.readTree(message.get("nameTranslations").asText()).get("fr_FR").asText())
                .isEqualTo("Lampe été");
        assertThat(message.get("version").asLong()).isEqualTo(lsn(PRODUCT_3_INSERT));
    }

    @Test
    void update_withToastPlaceholder_writesTheChangeAndKeepsTheStoredDescription() throws Exception {
        apply(PRODUCT_1_SNAPSHOT, 106);
        e2e.nextMessage("onUpsertProduct", 106);

        assertThat(apply(PRODUCT_1_PRICE_UPDATE_TOAST, 106)).isEqualTo("applied");

        Map<String, AttributeValue> item = e2e.item("Product", 106);
        assertThat(item.get("listPrice").s()).isEqualTo("14.00");
        assertThat(item.get("websiteDescription").s()).isEqualTo(snapshotDescription())
                .isNotEqualTo("__debezium_unavailable_value");
        assertThat(item.get("version").n()).isEqualTo(Long.toString(lsn(PRODUCT_1_PRICE_UPDATE_TOAST)));
        JsonNode message = e2e.nextMessage("onUpsertProduct", 106);
        assertThat(message.get("listPrice").asText()).isEqualTo("14.00");
        assertThat(message.get("websiteDescription").asText()).isEqualTo(snapshotDescription());
    }

    @Test
    void translationChange_frenchName_updatesTheTranslationsAndKeepsTheSiteName() throws Exception {
        apply(PRODUCT_1_SNAPSHOT, 107);
        apply(PRODUCT_1_PRICE_UPDATE_TOAST, 107);
        e2e.nextMessage("onUpsertProduct", 107);
        e2e.nextMessage("onUpsertProduct", 107);

        assertThat(apply(PRODUCT_1_TRANSLATION_TOAST, 107)).isEqualTo("applied");

        Map<String, AttributeValue> item = e2e.item("Product", 107);
        assertThat(item.get("nameTranslations").m()).containsEntry("fr_FR", AttributeValue.fromS("Bureau en chêne"));
        assertThat(item.get("name").s()).isEqualTo("Desk");
        JsonNode message = e2e.nextMessage("onUpsertProduct", 107);
        assertThat(MAPPER.readTree(message.get("nameTranslations").asText()))
                .isEqualTo(MAPPER.readTree("{\"en_US\":\"Desk\",\"fr_FR\":\"Bureau en chêne\"}"));
        assertThat(message.get("version").asLong()).isEqualTo(lsn(PRODUCT_1_TRANSLATION_TOAST));
    }

    @Test
    void archive_activeFalse_becomesATombstoneAndADeleteMessage() throws Exception {
        apply(PRODUCT_2_SNAPSHOT, 108);
        e2e.nextMessage("onUpsertProduct", 108);

        assertThat(apply(PRODUCT_2_ARCHIVE, 108)).isEqualTo("applied");

        Map<String, AttributeValue> item = e2e.item("Product", 108);
        assertThat(item.get("deleted").bool()).isTrue();
        assertThat(item.get("name").s()).isEqualTo("Chair");
        assertExpiresInThirtyDays(item);
        JsonNode message = e2e.nextMessage("onDeleteProduct", 108);
        assertThat(message.get("deleted").asBoolean()).isTrue();
        assertThat(message.path("name").isMissingNode() || message.path("name").isNull())
                .as("a removal carries no data of the row that left the site: %s", message).isTrue();
        assertThat(message.get("version").asLong()).isEqualTo(lsn(PRODUCT_2_ARCHIVE));
        assertThat(e2e.asWebsite("{ getProduct(id: \"108\", websiteId: \"1\") { id }"
                + " }").data().get("getProduct").isNull()).isTrue();
    }

    @Test
    void delete_row_becomesATombstoneAndItsKafkaTombstoneIsIgnored() throws Exception {
        apply(PRODUCT_3_INSERT, 111);
        e2e.nextMessage("onUpsertProduct", 111);

        assertThat(apply(PRODUCT_3_DELETE, 111)).isEqualTo("applied");
        assertThat(apply(PRODUCT_3_TOMBSTONE, 111)).isEqualTo("ignored");

        Map<String, AttributeValue> item = e2e.item("Product", 111);
        assertThat(item.get("deleted").bool()).isTrue();
        assertThat(item.get("version").n()).isEqualTo(Long.toString(lsn(PRODUCT_3_DELETE)));
        assertExpiresInThirtyDays(item);
        JsonNode message = e2e.nextMessage("onDeleteProduct", 111);
        assertThat(message.get("deleted").asBoolean()).isTrue();
        assertThat(message.get("version").asLong()).isEqualTo(lsn(PRODUCT_3_DELETE));
        e2e.assertNoMessageSinceLastOne();
    }

    @Test
    void reinsert_hiddenThenForSaleAgain_comesBackWhole() throws Exception {
        apply(PRODUCT_3_INSERT, 110);
        assertThat(apply(PRODUCT_3_NOT_FOR_SALE, 110)).isEqualTo("applied");
        e2e.nextMessage("onUpsertProduct", 110);
        e2e.nextMessage("onDeleteProduct", 110);

        assertThat(apply(PRODUCT_3_FOR_SALE_AGAIN, 110)).isEqualTo("applied");

        Map<String, AttributeValue> item = e2e.item("Product", 110);
        assertThat(item.get("deleted").bool()).isFalse();
        assertThat(item).doesNotContainKey("expiresAt");
        JsonNode message = e2e.nextMessage("onUpsertProduct", 110);
        assertThat(message.get("deleted").asBoolean()).isFalse();
        assertThat(message.get("name").asText()).isEqualTo("Lamp \"Arc\"");
        assertThat(e2e.asWebsite("{ getProduct(id: \"110\", websiteId: \"1\") { id name }"
                + " }").data().get("getProduct").get("name")
                .asText()).isEqualTo("Lamp \"Arc\"");
    }

    @Test
    void reinsert_deletedRowRecreatedUnderANewId_isANewLiveItemBesideTheTombstone() throws Exception {
        apply(PRODUCT_3_INSERT, 112);
        apply(PRODUCT_3_DELETE, 112);
        e2e.nextMessage("onUpsertProduct", 112);
        e2e.nextMessage("onDeleteProduct", 112);

        assertThat(apply(PRODUCT_4_REINSERT, 113)).isEqualTo("applied");

        assertThat(e2e.item("Product", 113).get("listPrice").s()).isEqualTo("1250.125");
        assertThat(e2e.item("Product", 112).get("deleted").bool()).isTrue();
        JsonNode message = e2e.nextMessage("onUpsertProduct", 113);
        assertThat(message.get("name").asText()).isEqualTo("Lamp \"Arc\"");
        assertThat(message.get("version").asLong()).isEqualTo(lsn(PRODUCT_4_REINSERT));
    }

    private static void assertExpiresInThirtyDays(Map<String, AttributeValue> item) {
        long expiresAt = Long.parseLong(item.get("expiresAt").n());
        long expected = Instant.now().plus(30, ChronoUnit.DAYS).getEpochSecond();
        assertThat(expiresAt).isBetween(expected - 3600, expected + 60);
    }
}
