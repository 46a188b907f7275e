package com.cdcappsync.localstack;

import static com.cdcappsync.localstack.Fixtures.PRODUCT_1_SNAPSHOT;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_2_ARCHIVE;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_2_SNAPSHOT;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_3_DELETE;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_3_FOR_SALE_AGAIN;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_3_INSERT;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_3_NOT_FOR_SALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.upsert.appsync.GraphQlError;
import com.cdcappsync.upsert.appsync.GraphQlResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a website sees with the API key: it cannot write (mutations are IAM only), and queries list only live
 * items, page by page. Real events (schemas off, decimals as strings). Also the live page the stack serves, and
 * the API accepting requests from its origin (CORS).
 */
class ApiSurfaceE2ETest extends StackPerClassTest {

    private static final String SETTING = "noschemas-string";
    @Override
    protected void seed() throws Exception {
        writeLiveArchivedDeletedAndReshownProducts();
    }

    /** 311 live, 312 archived, 313 deleted, 314 hidden then for sale again (live). */
    private void writeLiveArchivedDeletedAndReshownProducts() throws Exception {
        int[][] steps = {{PRODUCT_1_SNAPSHOT, 311}, {PRODUCT_2_SNAPSHOT, 312}, {PRODUCT_2_ARCHIVE, 312},
            {PRODUCT_3_INSERT, 313}, {PRODUCT_3_DELETE, 313}, {PRODUCT_3_INSERT, 314},
            {PRODUCT_3_NOT_FOR_SALE, 314}, {PRODUCT_3_FOR_SALE_AGAIN, 314}};
        for (int[] step : steps) {
            assertThat(e2e.invokeOne(e2e.fixtures.single(SETTING, step[0], step[1]))).isEqualTo("applied");
            e2e.nextMessage();
        }
    }

    @Test
    void mutation_withTheApiKey_isRefusedAndWritesNothing() throws Exception {
        GraphQlResponse response = e2e.asWebsite("mutation { upsertProduct(input: {id: \"399\", "
                + "version: \"1000000000000\", name: \"defaced\"}) { id name } }");

        GraphQlError error = response.errors().getFirst();
        assertThat(error.errorType()).isEqualTo("Unauthorized");
        assertThat(error.isUnauthorized()).isTrue();
        assertThat(response.data().path("upsertProduct").isNull()).isTrue();
        assertThat(e2e.item("Product", 399)).isEmpty();
        e2e.assertNoMessageSinceLastOne();
    }

    @Test
    void deleteMutation_withTheApiKey_isRefusedAndLeavesTheItemLive() throws Exception {
        GraphQlResponse response = e2e.asWebsite("mutation { deleteProduct(input: {id: \"311\", "
                + "version: \"1000000000000\"}) { id } }");

        assertThat(response.errors()).singleElement().satisfies(e -> assertThat(e.isUnauthorized()).isTrue());
        assertThat(e2e.item("Product", 311).get("deleted").bool()).isFalse();
        e2e.assertNoMessageSinceLastOne();
    }

    @Test
    void listProducts_liveArchivedAndDeletedRows_listsOnlyTheLiveOnes() {
        JsonNode page = e2e.asWebsite("{ listProducts(websiteId: \"1\", limit: 100) { items { id name deleted } "
                + "nextToken } }").data().get("listProducts");

        assertThat(ids(page.get("items"))).contains("311", "314").doesNotContain("312", "313");
        assertThat(page.get("items")).allSatisfy(item -> assertThat(item.get("deleted").asBoolean()).isFalse());
        assertThat(page.get("nextToken").isNull()).isTrue();
    }

    @Test
    void listProducts_onePerPage_followsNextTokenAndStillHidesTombstones() {
        List<String> seen = new ArrayList<>();
        String token = null;
        for (int pages = 0; pages < 20; pages++) {
            String after = token == null ? "" : ", nextToken: \"" + token + "\"";
            JsonNode page = e2e.asWebsite("{ listProducts(websiteId: \"1\", limit: 1" + after
                    + ") { items { id } nextToken } }").data().get("listProducts");
            seen.addAll(ids(page.get("items")));
            if (page.get("nextToken").isNull()) {
                break;
            }
            token = page.get("nextToken").asText();
        }

        assertThat(seen).contains("311", "314").doesNotContain("312", "313").doesNotHaveDuplicates();
    }

    @Test
    void getProduct_tombstones_areNullAndLiveItemsAreWhole() {
        JsonNode data = e2e.asWebsite("{ live: getProduct(id: \"311\", websiteId: \"1\") { id name listPrice deleted } "
                + "archived: getProduct(id: \"312\", websiteId: \"1\") { id } "
                + "deleted: getProduct(id: \"313\", websiteId: \"1\") { id } }").data();

        assertThat(data.get("live").get("name").asText()).isEqualTo("Desk");
        assertThat(data.get("live").get("listPrice").asText()).isEqualTo("12.50");
        assertThat(data.get("archived").isNull()).isTrue();
        assertThat(data.get("deleted").isNull()).isTrue();
    }

    @Test
    void listProducts_limitOutOfRange_refusedWithTheRange() {
        for (int limit : new int[] {0, -1, 101, 1000}) {
            GraphQlResponse response = e2e.asWebsite("{ listProducts(websiteId: \"1\", limit: " + limit
                    + ") { items { id } } }");

            assertThat(response.errors()).as("limit %d", limit).singleElement().satisfies(e -> {
                assertThat(e.errorType()).isEqualTo("BadRequest");
                assertThat(e.message()).contains("limit must be between 1 and 100, got " + limit);
            });
        }
    }

    @Test
    void getAndList_anotherWebsite_showNothingOfThisWebsitesProducts() {
        JsonNode data = e2e.asWebsite("{ get: getProduct(id: \"311\", websiteId: \"2\") { id } "
                + "list: listProducts(websiteId: \"2\", limit: 100) { items { id } } }").data();

        assertThat(data.get("get").isNull()).as("product 311 is on website 1 only").isTrue();
        assertThat(data.get("list").get("items")).isEmpty();
    }

    @Test
    void queries_withoutAWebsite_refusedByTheSchema() {
        GraphQlResponse response = e2e.asWebsite("{ listProducts(limit: 10) { items { id } } }");

        assertThat(response.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.message()).contains("websiteId"));
    }

    @Test
    void livePage_isServedWithThisStacksConfig_andTheApiAcceptsItsOrigin() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI page = e2e.stack.livePageUrl();

        HttpResponse<String> index = http.send(HttpRequest.newBuilder(page).build(), BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(index.body()).contains("<script type=\"module\" src=\"live-products.js\">");
        JsonNode config = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(page.resolve("config.json"))
                .build(), BodyHandlers.ofString()).body());
        assertThat(config.get("graphqlUrl").asText()).isEqualTo(e2e.stack.graphQlUrl().toString());
        assertThat(config.get("realtimeUrl").asText()).isEqualTo(e2e.stack.realtimeUrl().toString());
        assertThat(config.get("apiKey").asText()).isEqualTo(e2e.stack.apiKey());

        // The page's origin is not the API's (another port): the browser asks first, and the API must say yes.
        String origin = "http://127.0.0.1:" + page.getPort();
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(e2e.stack.graphQlUrl())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key").build(), BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isBetween(200, 299);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValueSatisfying(
                allowed -> assertThat(allowed).isIn("*", origin));
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    void realtime_subprotocolForm_notReadByTheSimulator() {
        // The Amplify simulator reads the auth header from the query only (decodeHeaderFromQueryParam), so the
        // local stack's page uses realtimeAuth "query". If a later simulator reads the subprotocol, this fails:
        // then switch the local stack to RealtimeAuth.SUBPROTOCOL too.
        assertThatThrownBy(() -> RealtimeClient.connect(e2e.stack.realtimeUrl(), e2e.stack.graphQlUrl(),
                e2e.stack.apiKey(), RealtimeAuth.SUBPROTOCOL, Duration.ofSeconds(10)).close())
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("timed out");
    }

    @Test
    void realtime_queryForm_acknowledgedByTheSimulator() {
        try (RealtimeClient client = RealtimeClient.connect(e2e.stack.realtimeUrl(), e2e.stack.graphQlUrl(),
                e2e.stack.apiKey(), RealtimeAuth.QUERY, Duration.ofSeconds(10))) {
            assertThat(client.subscribe("subscription { onUpsertPublicCategory { id } }",
                    new ObjectMapper().createObjectNode(), "onUpsertPublicCategory", Duration.ofSeconds(10)))
                    .isNotBlank();
        }
    }

    @Test
    void corsPreflight_throughTheGateway_answeredAsForABrowser() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(e2e.stack.graphQlUrl())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://127.0.0.1:9002").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-api-key").build();

        HttpResponse<String> answer;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            answer = client.send(preflight, BodyHandlers.ofString());
        }

        assertThat(answer.statusCode()).isBetween(200, 204);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        assertThat(answer.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
                .containsIgnoringCase("x-api-key");
    }
}
