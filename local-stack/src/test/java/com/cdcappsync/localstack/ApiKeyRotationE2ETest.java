package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.upsert.appsync.AppSyncAuth;
import com.cdcappsync.upsert.appsync.AppSyncClient;
import com.cdcappsync.upsert.appsync.GraphQlRequest;
import com.cdcappsync.upsert.appsync.GraphQlResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * RUNBOOK.md "API key rotation", rehearsed on the local stack: the steps a deploy of {@code websiteApiKeys} takes
 * (a second key next to the first, then the first removed) with websites on each key, so that no website is refused
 * at any step. What AWS does to a WebSocket already open with a key that is then deleted is not documented; it is
 * not asserted here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyRotationE2ETest {

    private static final String NEW_KEY = "da2-local-website-2027-key";
    private static final String QUERY = "query { listPublicCategories(websiteId: \"1\", limit: 1) { items { id } } }";
    private static final String PRODUCTS = "subscription { onUpsertProduct { id name } }";

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private E2eStack e2e;
    private String oldKey;

    @BeforeAll
    void start() {
        e2e = new E2eStack();
        oldKey = e2e.stack.apiKey();
    }

    @AfterAll
    void stop() {
        e2e.close();
    }

    @Test
    void deployApiKeys_addThenRemove_everyWebsiteServedAtEachStep() throws Exception {
        LocalStack stack = e2e.stack;
        e2e.resync();

        // Step 1: a second key next to the first. Both read and subscribe; the page's config gets the new one.
        stack.deployApiKeys(List.of(oldKey, NEW_KEY));
        assertThat(stack.apiKeys()).containsExactly(oldKey, NEW_KEY);
        assertThat(stack.apiKey()).isEqualTo(NEW_KEY);
        assertThat(pageConfig().path("apiKey").asText()).isEqualTo(NEW_KEY);
        assertThat(query(oldKey).errors()).as("a website still on the old key").isEmpty();
        assertThat(query(NEW_KEY).errors()).as("a website on the new key").isEmpty();
        try (RealtimeClient moved = subscribeProducts(NEW_KEY)) {
            e2e.assertNoMessageSinceLastOne(); // the old key's subscription, opened before step 1, still receives
            assertThat(moved.next(E2eStack.WAIT)).as("the new key's subscription receives").isNotNull()
                    .satisfies(event -> assertThat(event.field()).isEqualTo("onUpsertProduct"));

            // Step 3: the old key removed. Requests and new connections with it are refused; the new key works.
            stack.deployApiKeys(List.of(NEW_KEY));
            assertThatThrownBy(() -> query(oldKey)).as("the removed key")
                    .hasMessageContaining("HTTP 401").hasMessageContaining("Invalid API key");
            assertThat(query(NEW_KEY).errors()).isEmpty();
            assertThatThrownBy(() -> subscribeProducts(oldKey).close()).as("a new connection with the removed key")
                    .isInstanceOf(IllegalStateException.class);
            int id = 9500;
            assertThat(e2e.invokeOne(e2e.fixtures.single("noschemas-precise", Fixtures.PRODUCT_1_SNAPSHOT, id)))
                    .isEqualTo("applied");
            RealtimeClient.Event event = moved.next(E2eStack.WAIT);
            assertThat(event).as("the new key's subscription after the old key went").isNotNull();
            assertThat(event.payload().path("id").asText()).isEqualTo(Integer.toString(id));
        } finally {
            stack.deployApiKeys(List.of(oldKey)); // leave the stack as the other tests expect it
        }
        assertThat(query(oldKey).errors()).isEmpty();
    }

    @Test
    void deployApiKeys_badSet_refusedAndTheKeysUnchanged() {
        LocalStack stack = e2e.stack;
        List<String> before = stack.apiKeys();

        assertThatThrownBy(() -> stack.deployApiKeys(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one or more distinct, non-blank keys");
        assertThatThrownBy(() -> stack.deployApiKeys(List.of(NEW_KEY, NEW_KEY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stack.deployApiKeys(List.of(NEW_KEY, " ")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(stack.apiKeys()).isEqualTo(before);
        assertThatThrownBy(() -> query(NEW_KEY)).as("never deployed").hasMessageContaining("Invalid API key");
        assertThat(query(before.getLast()).errors()).isEmpty();
    }

    private GraphQlResponse query(String key) {
        try (AppSyncClient website = AppSyncClient.builder().endpoint(e2e.stack.graphQlUrl())
                .auth(AppSyncAuth.apiKey(key)).maxAttempts(1).build()) {
            return website.execute(GraphQlRequest.of(QUERY));
        }
    }

    private RealtimeClient subscribeProducts(String key) {
        RealtimeClient client = RealtimeClient.connect(e2e.stack.realtimeUrl(), e2e.stack.graphQlUrl(), key,
                E2eStack.WAIT);
        try {
            client.subscribe(PRODUCTS, mapper.createObjectNode(), "onUpsertProduct", E2eStack.WAIT);
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private JsonNode pageConfig() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(e2e.stack.livePageUrl()
                .resolve(LivePageServer.CONFIG_PATH)).build(), HttpResponse.BodyHandlers.ofString());
        return mapper.readTree(answer.body());
    }
}
