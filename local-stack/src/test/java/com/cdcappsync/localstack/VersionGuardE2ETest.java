package com.cdcappsync.localstack;

import static com.cdcappsync.localstack.Fixtures.PRODUCT_1_PRICE_UPDATE_TOAST;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_1_SNAPSHOT;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_1_TRANSLATION_TOAST;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_3_DELETE;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_3_FOR_SALE_AGAIN;
import static com.cdcappsync.localstack.Fixtures.PRODUCT_3_INSERT;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.appsync.AppSyncAuth;
import com.cdcappsync.upsert.appsync.AppSyncClient;
import com.cdcappsync.upsert.appsync.GraphQlError;
import com.cdcappsync.upsert.appsync.GraphQlRequest;
import com.cdcappsync.upsert.appsync.GraphQlResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The resolvers' version guard, end to end: a duplicate or older event is stale (no write, no subscription
 * message), a delete keeps a tombstone that a late older upsert cannot bring back, and the simulator's rendering
 * of the guard's failure is what the handler counts as stale. Real events (schemas off, precise decimals).
 */
class VersionGuardE2ETest extends StackPerClassTest {

    private static final String SETTING = "noschemas-precise";
    private String apply(int line, int id) {
        return e2e.invokeOne(e2e.fixtures.single(SETTING, line, id));
    }

    @Test
    void duplicate_sameEventTwice_isStaleWithNoWriteAndNoMessage() throws Exception {
        assertThat(apply(PRODUCT_1_SNAPSHOT, 201)).isEqualTo("applied");
        e2e.nextMessage("onUpsertProduct", 201);
        Map<String, AttributeValue> before = e2e.item("Product", 201);

        assertThat(apply(PRODUCT_1_SNAPSHOT, 201)).isEqualTo("stale");

        assertThat(e2e.item("Product", 201)).isEqualTo(before);
        e2e.assertNoMessageSinceLastOne();
    }

    @Test
    void olderEvent_afterANewerOne_isStaleAndKeepsTheNewerValues() throws Exception {
        assertThat(apply(PRODUCT_1_TRANSLATION_TOAST, 202)).isEqualTo("applied");
        e2e.nextMessage("onUpsertProduct", 202);
        Map<String, AttributeValue> before = e2e.item("Product", 202);

        assertThat(apply(PRODUCT_1_PRICE_UPDATE_TOAST, 202)).isEqualTo("stale");
        assertThat(apply(PRODUCT_1_SNAPSHOT, 202)).isEqualTo("stale");

        Map<String, AttributeValue> after = e2e.item("Product", 202);
        assertThat(after).isEqualTo(before);
        assertThat(after.get("version").n()).isEqualTo(Long.toString(
                Fixtures.lsn(e2e.fixtures.record(SETTING, PRODUCT_1_TRANSLATION_TOAST))));
        assertThat(after).doesNotContainKey("description");
        e2e.assertNoMessageSinceLastOne();
    }

    @Test
    void lateOlderUpsert_afterADelete_doesNotBringTheRowBack() throws Exception {
        apply(PRODUCT_3_INSERT, 203);
        assertThat(apply(PRODUCT_3_DELETE, 203)).isEqualTo("applied");
        e2e.nextMessage("onUpsertProduct", 203);
        e2e.nextMessage("onDeleteProduct", 203);

        assertThat(apply(PRODUCT_3_FOR_SALE_AGAIN, 203)).isEqualTo("stale");
        assertThat(apply(PRODUCT_3_DELETE, 203)).isEqualTo("stale");

        Map<String, AttributeValue> item = e2e.item("Product", 203);
        assertThat(item.get("deleted").bool()).isTrue();
        assertThat(item.get("version").n()).isEqualTo(Long.toString(
                Fixtures.lsn(e2e.fixtures.record(SETTING, PRODUCT_3_DELETE))));
        assertThat(e2e.asWebsite("{ getProduct(id: \"203\", websiteId: \"1\") { id } }").data().get("getProduct")
                .isNull()).isTrue();
        e2e.assertNoMessageSinceLastOne();
    }

    @Test
    void staleMutation_asTheSimulatorRendersIt_isWhatTheHandlerCountsAsStale() throws Exception {
        assertThat(apply(PRODUCT_1_SNAPSHOT, 204)).isEqualTo("applied");
        e2e.nextMessage("onUpsertProduct", 204);
        ObjectNode variables = new ObjectMapper().createObjectNode();
        variables.putObject("input").put("id", "204").put("version", "1").put("name", "older");
        AppSyncAuth iam = AppSyncAuth.iam(LocalStack.REGION,
                new IssuedCredentialsSource(e2e.stack.credentialsAuthority()));

        GraphQlResponse response;
        try (AppSyncClient handlerSide = AppSyncClient.builder().endpoint(e2e.stack.graphQlUrl()).auth(iam).build()) {
            response = handlerSide.execute(new GraphQlRequest(
                    "mutation U($input: ProductInput!) { upsertProduct(input: $input) { id version } }", variables));
        }

        assertThat(response.data().get("upsertProduct").isNull()).isTrue();
        GraphQlError error = response.errors().getFirst();
        assertThat(error.errorType()).isEqualTo("DynamoDB:ConditionalCheckFailedException");
        assertThat(error.message()).containsIgnoringCase("conditional request failed");
        assertThat(error.isConditionalCheckFailed()).isTrue();
        assertThat(e2e.item("Product", 204).get("name").s()).isEqualTo("Desk");
        e2e.assertNoMessageSinceLastOne();
    }

    @Test
    void staleRecord_inTheHandlersAnswer_namesTheGuard() throws Exception {
        apply(PRODUCT_3_INSERT, 205);
        e2e.nextMessage("onUpsertProduct", 205);

        JsonNode result = e2e.invoke(e2e.fixtures.single(SETTING, PRODUCT_3_INSERT, 205)).getFirst();

        assertThat(result.get("status").asText()).isEqualTo("stale");
        assertThat(result.get("reason").asText()).isNotBlank();
        e2e.assertNoMessageSinceLastOne();
    }
}
