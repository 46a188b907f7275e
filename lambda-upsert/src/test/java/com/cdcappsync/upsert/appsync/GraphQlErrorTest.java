package com.cdcappsync.upsert.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tolerant classification of GraphQL errors, one test per rendering we have seen or expect. */
class GraphQlErrorTest {

    @Test
    void isConditionalCheckFailed_appSyncErrorType_true() {
        GraphQlError error = GraphQlError.of("The conditional request failed (Service: DynamoDb, Status Code: 400)",
                "DynamoDB:ConditionalCheckFailedException");

        assertThat(error.isConditionalCheckFailed()).isTrue();
        assertThat(error.isThrottling()).isFalse();
        assertThat(error.isUnauthorized()).isFalse();
    }

    @Test
    void isConditionalCheckFailed_bareExceptionName_true() {
        assertThat(GraphQlError.of("x", "ConditionalCheckFailedException").isConditionalCheckFailed()).isTrue();
    }

    @Test
    void isConditionalCheckFailed_nullTypeWithSimulatorMessage_true() {
        assertThat(GraphQlError.of("The conditional request failed", null).isConditionalCheckFailed()).isTrue();
        assertThat(GraphQlError.of("The Conditional Request Failed", " ").isConditionalCheckFailed()).isTrue();
    }

    @Test
    void isConditionalCheckFailed_otherTypeEvenWithMatchingMessage_false() {
        GraphQlError error = GraphQlError.of("The conditional request failed", "MappingTemplate");

        assertThat(error.isConditionalCheckFailed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DynamoDB:ThrottlingException", "throttled", "DynamoDB:RequestLimitExceeded",
            "LimitExceededException", "DynamoDB:ProvisionedThroughputExceededException", "TooManyRequestsException"})
    void isThrottling_throttlingTypes_true(String errorType) {
        assertThat(GraphQlError.of("slow down", errorType).isThrottling()).isTrue();
    }

    @Test
    void isThrottling_nullOrOtherType_false() {
        assertThat(GraphQlError.of("Rate exceeded", null).isThrottling()).isFalse();
        assertThat(GraphQlError.of("x", "DynamoDB:ConditionalCheckFailedException").isThrottling()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Unauthorized", "UnauthorizedException", "DynamoDB:AccessDeniedException"})
    void isUnauthorized_authTypes_true(String errorType) {
        assertThat(GraphQlError.of("Not Authorized to access upsertProduct on type Mutation", errorType)
                .isUnauthorized()).isTrue();
    }

    @Test
    void isUnauthorized_nullTypeWithNotAuthorizedMessage_true() {
        assertThat(GraphQlError.of("Not Authorized to access upsertProduct on type Mutation", null)
                .isUnauthorized()).isTrue();
        assertThat(GraphQlError.of("boom", null).isUnauthorized()).isFalse();
    }

    @Test
    void constructor_nulls_normalised() {
        GraphQlError error = new GraphQlError(null, null, null);

        assertThat(error.message()).isEmpty();
        assertThat(error.path().isNull()).isTrue();
    }
}
