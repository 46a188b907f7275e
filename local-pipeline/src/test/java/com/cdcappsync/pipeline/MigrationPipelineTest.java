package com.cdcappsync.pipeline;

import static com.cdcappsync.pipeline.PipelineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.appsync.AppSyncAuth;
import com.cdcappsync.upsert.appsync.AppSyncClient;
import com.cdcappsync.upsert.appsync.AppSyncException;
import com.cdcappsync.upsert.appsync.GraphQlRequest;
import com.cdcappsync.upsert.appsync.GraphQlResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * README "What the website API shows", a deployment that already holds data: the store as the previous release left
 * it (products with the internal {@code description}, {@code categoryId} and {@code defaultCode} and no
 * {@code websiteIds}, an unpublished product still live, variants of it), each item at the version the release
 * stored (the last change's LSN, as the store holds it now). The API already answers none of them; the migration,
 * a re-snapshot of every captured table through Debezium's signal table (RUNBOOK.md, "Migrating to the website
 * rules"), then makes the store equal to the website, every shown product readable with its websites.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationPipelineTest {

    private PipelineFixture fx;
    private AppSyncClient website;

    @BeforeAll
    void start() throws Exception {
        fx = new PipelineFixture("migration");
        website = AppSyncClient.builder().endpoint(fx.stack.graphQlUrl()).auth(AppSyncAuth.apiKey(fx.stack.apiKey()))
                .maxAttempts(1).build();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            website.close();
        } finally {
            fx.closeHealthy();
        }
    }

    @Test
    @Order(1)
    void storeLeftByTheOldRules_readsAlreadyClosed() throws Exception {
        fx.execute("INSERT INTO product_template (id, name, list_price, is_published, write_date) VALUES "
                + "(6001, '{\"en_US\": \"Prototype\"}', 99, false, now()), "
                + "(6002, '{\"en_US\": \"Unreleased desk\"}', 80, false, now())");
        fx.execute("INSERT INTO product_product (id, product_tmpl_id, write_date) VALUES (6101, 6002, now())");
        assertThat(await(() -> fx.store.differences(), List::isEmpty)).as("the new rules' store").isEmpty();

        // The previous release's items: no websiteIds, internal fields, hidden products live.
        oldProduct(1, "Desk", Map.of("description", "Supplier: ACME, margin 40%", "categoryId", "2",
                "defaultCode", "DESK-001"));
        oldProduct(6001, "Prototype", Map.of("description", "Launch in May", "defaultCode", "PROTO-1"));
        oldProduct(6002, "Unreleased desk", Map.of("categoryId", "2"));
        oldVariant(6101, 6002);

        // Reads are already closed: no websiteIds, no answer; a variant only with its product shown.
        assertThat(product(1)).as("an old item has no websiteIds").isNull();
        assertThat(product(6001)).as("a hidden product left live").isNull();
        assertThat(product(2)).as("an item the new rules wrote").isNotNull();
        assertThat(listedProducts()).containsExactly("2");
        assertThat(variant(6101)).as("a variant of an unpublished product").isNull();
        assertThat(variant(1)).as("a variant of an old product item").isNull();
        assertThat(variant(3)).as("a variant of a shown product").isNotNull();
        assertThat(refusal("{ getProduct(id: \"1\", websiteId: \"1\") { id description } }"))
                .as("the old field cannot be asked for").contains("description");
        assertThat(fx.store.differences()).as("the store before the migration")
                .contains("product 6001 is hidden on the website but live in the store");

        // A re-snapshot alone does not migrate this store: its events are not newer than the versions the old
        // release stored (RUNBOOK.md, "Re-snapshot"), so they come back stale. The migration is a change of every row.
    }

    /**
     * The migration (RUNBOOK.md, "Migrating to the website rules"): a change of every captured row gives each a newer
     * version, so the function writes it again under the new rules. Runs on the store the first test left.
     */
    @Test
    @Order(2)
    void touchEveryRow_storeLeftByTheOldRules_becomesWhatTheWebsiteShows() throws Exception {
        fx.execute("BEGIN; UPDATE product_template SET write_date = write_date; "
                + "UPDATE product_product SET write_date = write_date; "
                + "UPDATE product_public_category SET write_date = write_date; "
                + "UPDATE product_public_category_product_template_rel SET product_template_id = product_template_id; "
                + "COMMIT");
        assertStoreIsTheWebsite("a change of every row");
    }

    private void assertStoreIsTheWebsite(String after) throws Exception {
        assertThat(await(() -> fx.store.differences(), List::isEmpty)).as("the store after " + after).isEmpty();
        for (String id : WebsiteState.now(fx).products().keySet()) {
            JsonNode product = await(() -> product(Integer.parseInt(id)), p -> p != null);
            assertThat(product).as("shown product %s after %s", id, after).isNotNull();
            assertThat(product.path("websiteIds").toString()).isEqualTo("[\"1\"]");
        }
        assertThat(listedProducts()).containsExactlyInAnyOrderElementsOf(WebsiteState.now(fx).products().keySet());
        assertThat(variant(1)).as("the old product's variant, shown with it again").isNotNull();
        assertThat(variant(6101)).isNull();
        assertThat(fx.store.product(6001).get("deleted").bool()).as("the hidden product, a tombstone").isTrue();
    }

    /** Overwrites a product's item as the previous release wrote it, at the version the store holds. */
    private void oldProduct(int id, String name, Map<String, String> internal) {
        Map<String, AttributeValue> stored = fx.store.product(id);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(Integer.toString(id)));
        item.put("version", stored.get("version"));
        item.put("name", AttributeValue.fromS(name));
        item.put("listPrice", stored.getOrDefault("listPrice", AttributeValue.fromS("10.00")));
        item.put("deleted", AttributeValue.fromBool(false));
        item.put("updatedAt", AttributeValue.fromS("2026-01-01T00:00:00Z"));
        internal.forEach((field, value) -> item.put(field, AttributeValue.fromS(value)));
        fx.dynamoDb.putItem(b -> b.tableName(table("Product")).item(item));
    }

    private void oldVariant(int id, int product) {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(Integer.toString(id)));
        AttributeValue version = fx.dynamoDb.getItem(b -> b.tableName(table("ProductVariant")).key(key)
                .consistentRead(true)).item().get("version");
        fx.dynamoDb.putItem(b -> b.tableName(table("ProductVariant")).item(Map.of("id", key.get("id"),
                "version", version, "productId", AttributeValue.fromS(Integer.toString(product)),
                "defaultCode", AttributeValue.fromS("V-" + id), "barcode", AttributeValue.fromS("590123412" + id),
                "deleted", AttributeValue.fromBool(false))));
    }

    private String table(String type) {
        return fx.stack.manifest().tableOfType(type).dataSource();
    }

    private JsonNode product(int id) {
        JsonNode got = asWebsite("{ getProduct(id: \"" + id + "\", websiteId: \"1\") { id name websiteIds } }")
                .data().get("getProduct");
        return got.isNull() ? null : got;
    }

    private JsonNode variant(int id) {
        JsonNode got = asWebsite("{ getProductVariant(id: \"" + id + "\", websiteId: \"1\") { id productId } }")
                .data().get("getProductVariant");
        return got.isNull() ? null : got;
    }

    private List<String> listedProducts() {
        JsonNode page = asWebsite("{ listProducts(websiteId: \"1\", limit: 100) { items { id } nextToken } }")
                .data().get("listProducts");
        assertThat(page.get("nextToken").isNull()).isTrue();
        return page.get("items").findValuesAsText("id");
    }

    /** The errors of a query the API refuses (in the answer, or as the client's exception); "[]" when none. */
    private String refusal(String query) {
        try {
            return asWebsite(query).errors().toString();
        } catch (AppSyncException e) {
            return e.errors() + " " + e.getMessage();
        }
    }

    private GraphQlResponse asWebsite(String query) {
        return website.execute(GraphQlRequest.of(query));
    }
}
