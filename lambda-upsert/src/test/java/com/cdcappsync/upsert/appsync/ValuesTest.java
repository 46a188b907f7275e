package com.cdcappsync.upsert.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value types: validation, defensive copies, and toString without secrets or row data. */
class ValuesTest {

    @Test
    void graphQlRequest_nullOrBlankQuery_rejectedWithFix() {
        assertThatThrownBy(() -> new GraphQlRequest(null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got null")
                .hasMessageContaining("Fix:");
        assertThatThrownBy(() -> GraphQlRequest.of("  ")).hasMessageContaining("blank");
    }

    @Test
    void graphQlRequest_toString_hidesVariables() {
        ObjectNode variables = JsonNodeFactory.instance.objectNode();
        variables.putObject("input").put("email", "jane@example.com");

        String text = new GraphQlRequest("mutation   Upsert($input: I!)\n { upsert(input: $input) { id } }", variables)
                .toString();

        assertThat(text).contains("mutation Upsert($input: I!) { upsert", "<1 redacted>")
                .doesNotContain("jane@example.com");
    }

    @Test
    void graphQlRequest_variables_copiedAndDefaultedToEmpty() {
        ObjectNode variables = JsonNodeFactory.instance.objectNode().put("a", 1);
        GraphQlRequest request = new GraphQlRequest("query Q { q }", variables);
        variables.put("a", 2);

        assertThat(request.variables().get("a").asInt()).isEqualTo(1);
        assertThat(GraphQlRequest.of("query Q { q }").variables().isEmpty()).isTrue();
    }

    @Test
    void graphQlResponse_toString_hidesData() {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("email", "jane@example.com");
        GraphQlResponse response = new GraphQlResponse(200, data, List.of(GraphQlError.of("m", "T")), 1);

        assertThat(response.toString()).contains("data=<redacted>", "errorType=T").doesNotContain("jane");
        assertThat(response.hasErrors()).isTrue();
    }

    @Test
    void graphQlResponse_nulls_normalised() {
        GraphQlResponse response = new GraphQlResponse(200, null, null, 1);

        assertThat(response.data().isNull()).isTrue();
        assertThat(response.errors()).isEmpty();
        assertThat(response.hasErrors()).isFalse();
    }

    @Test
    void apiKey_toString_masksKey() {
        assertThat(AppSyncAuth.apiKey("da2-abcdefghijklmnopqrstuvwxyz").toString())
                .isEqualTo("ApiKey[key=da2-****]");
        assertThat(AppSyncAuth.apiKey("short").toString()).isEqualTo("ApiKey[key=****]");
    }

    @Test
    void apiKey_blank_rejected() {
        assertThatThrownBy(() -> AppSyncAuth.apiKey(" ")).hasMessageContaining("API key must not be blank");
    }

    @Test
    void iam_blankRegionOrNullCredentials_rejected() {
        assertThatThrownBy(() -> AppSyncAuth.iam("")).hasMessageContaining("region must not be blank");
        assertThatThrownBy(() -> AppSyncAuth.iam("eu-west-1", null))
                .hasMessageContaining("credentials provider must not be null");
    }

    @Test
    void appSyncException_builder_defaultsAndCopies() {
        AppSyncException failure = AppSyncException.builder().message("m").errors(null).build();

        assertThat(failure.statusCode()).isEqualTo(AppSyncException.NO_RESPONSE);
        assertThat(failure.errors()).isEmpty();
        assertThat(failure.attempts()).isZero();
        assertThat(failure.retryable()).isFalse();
    }
}
