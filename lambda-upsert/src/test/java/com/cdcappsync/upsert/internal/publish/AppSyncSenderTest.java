package com.cdcappsync.upsert.internal.publish;

import com.cdcappsync.upsert.publish.SendResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.appsync.AppSyncClient;
import com.cdcappsync.upsert.appsync.AppSyncException;
import com.cdcappsync.upsert.appsync.GraphQlError;
import com.cdcappsync.upsert.appsync.GraphQlRequest;
import com.cdcappsync.upsert.appsync.GraphQlResponse;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.internal.mapping.ChangeMapper;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.cdcappsync.upsert.testing.Events;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AppSyncSenderTest {

    private final MappedChange change = new ChangeMapper(new MappingLoader().loadDefault(), Json.MAPPER)
            .map(Events.upsert(0, "product_template", 1, 500, Events.product("{\"en_US\":\"Desk\"}", "1")));

    private static AppSyncClient client(Function<GraphQlRequest, GraphQlResponse> answer) {
        return new AppSyncClient() {
            @Override
            public GraphQlResponse execute(GraphQlRequest request) {
                return answer.apply(request);
            }

            @Override
            public void close() {
            }
        };
    }

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void send_dataReturned_isAppliedAndSendsTheMappedMutation() throws Exception {
        GraphQlRequest[] seen = new GraphQlRequest[1];
        JsonNode data = json("{\"upsertProduct\":{\"id\":\"1\",\"version\":500}}");
        SendResult result = new AppSyncSender(client(r -> {
            seen[0] = r;
            return new GraphQlResponse(200, data, List.of(), 1);
        })).send(change);

        assertThat(result).isEqualTo(new SendResult.Applied(data.get("upsertProduct")));
        assertThat(seen[0].query()).isEqualTo(change.query());
        assertThat(seen[0].variables()).isEqualTo(change.variables());
    }

    @Test
    void send_conditionalCheckFailed_isStale() {
        SendResult result = new AppSyncSender(client(r -> new GraphQlResponse(200, NullNode.getInstance(),
                List.of(GraphQlError.of("The conditional request failed", "DynamoDB:ConditionalCheckFailedException")),
                1))).send(change);

        assertThat(result).isInstanceOf(SendResult.Stale.class);
        assertThat(((SendResult.Stale) result).reason()).contains("version 500").contains("Product#1");
    }

    @Test
    void send_otherGraphQlError_failsWithAppSyncsWords() {
        SendResult result = new AppSyncSender(client(r -> new GraphQlResponse(200, NullNode.getInstance(),
                List.of(GraphQlError.of("Validation error of type FieldUndefined", "ValidationError")), 1)))
                .send(change);

        assertThat(((SendResult.Failed) result).reason())
                .isEqualTo("upsertProduct returned 1 error(s), first: ValidationError:"
                        + " Validation error of type FieldUndefined");
    }

    @Test
    void send_nullDataWithoutErrors_failsNamingTheLikelyCause() throws Exception {
        JsonNode data = json("{\"upsertProduct\":null}");
        SendResult result = new AppSyncSender(client(r -> new GraphQlResponse(200, data, List.of(), 1))).send(change);

        assertThat(((SendResult.Failed) result).reason()).contains("returned null without an error")
                .contains("data source");
    }

    @Test
    void send_clientGivesUp_failsWithItsMessage() {
        SendResult result = new AppSyncSender(client(r -> {
            throw AppSyncException.builder().message("HTTP 503 after 5 attempts").statusCode(503).attempts(5)
                    .retryable(true).build();
        })).send(change);

        assertThat(((SendResult.Failed) result).reason()).contains("HTTP 503 after 5 attempts");
    }
}
