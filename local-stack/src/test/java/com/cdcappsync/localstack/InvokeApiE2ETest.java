package com.cdcappsync.localstack;

import static com.cdcappsync.localstack.Fixtures.PRODUCT_1_SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * The Invoke API as Lambda clients see it, through the AWS SDK's own Lambda client with an endpoint override
 * (the same REST protocol {@code aws lambda invoke --endpoint-url} speaks), signed with the connector role's
 * credentials as the connector signs: answers, function errors, versions and refusals look as they do on AWS.
 */
class InvokeApiE2ETest extends StackPerClassTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private LambdaClient lambda;

    @BeforeAll
    void connectLambdaClient() {
        lambda = LambdaClient.builder().endpointOverride(e2e.stack.invokeEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(e2e.stack.connectorCredentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    void closeLambdaClient() {
        if (lambda != null) {
            lambda.close();
        }
    }

    private String alias() {
        return e2e.stack.functionName() + ":" + LocalStack.FUNCTION_ALIAS;
    }

    private InvokeResponse invoke(String functionName, String payload) {
        return lambda.invoke(b -> b.functionName(functionName).payload(SdkBytes.fromUtf8String(payload)));
    }

    @Test
    void invoke_sdkLambdaClientWithAConfluentBatch_returnsTheAlignedResults() throws Exception {
        String batch = e2e.fixtures.single("noschemas-precise", PRODUCT_1_SNAPSHOT, 401).toString();

        InvokeResponse response = invoke(alias(), batch);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).as("the alias's version").isEqualTo("1");
        JsonNode result = MAPPER.readTree(response.payload().asUtf8String()).get(0).get("payload").get("result");
        assertThat(result.get("status").asText()).isEqualTo("applied");
        assertThat(result.get("item").asText()).isEqualTo("Product#401");
        e2e.nextMessage("onUpsertProduct", 401);
    }

    @Test
    void invoke_defaultSnapStartMode_signsWithContainerCredentialsAndTheWriteReachesDynamoDb() throws Exception {
        assertThat(e2e.stack.lambdaMode()).isEqualTo(LambdaMode.SNAPSTART);
        assertThat(e2e.stack.function().lifecycle()).containsExactly("checkpoint", "restore", "ready");

        assertThat(e2e.invokeOne(e2e.fixtures.single("noschemas-precise", PRODUCT_1_SNAPSHOT, 405)))
                .isEqualTo("applied");

        assertThat(e2e.item("Product", 405)).isNotEmpty();
        assertThat(e2e.stack.containerCredentialFetches()).isPositive();
        e2e.nextMessage("onUpsertProduct", 405);
    }

    @Test
    void invoke_functionArnWithQualifier_reachesTheSameFunction() throws Exception {
        String arn = "arn:aws:lambda:us-east-1:000000000000:function:" + e2e.stack.functionName() + ":live";
        String batch = e2e.fixtures.single("noschemas-precise", PRODUCT_1_SNAPSHOT, 402).toString();

        InvokeResponse response = invoke(arn, batch);

        assertThat(response.functionError()).isNull();
        e2e.nextMessage("onUpsertProduct", 402);
    }

    @Test
    void invoke_unknownInvocationShape_isAnUnhandledFunctionErrorWithLambdasErrorDocument() throws Exception {
        InvokeResponse response = invoke(alias(), "{\"Records\":[{\"body\":\"x\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = MAPPER.readTree(response.payload().asUtf8String());
        assertThat(error.get("errorType").asText()).isEqualTo("com.cdcappsync.upsert.adapter.InputShapeException");
        assertThat(error.get("errorMessage").asText()).contains("Confluent AWS Lambda Sink");
        e2e.assertNoMessageSinceLastOne();
    }

    @Test
    void invoke_unknownFunctionOrUnqualified_accessDeniedAsIamDecidesBeforeExistence() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> invoke("no-such-function:live", "[]"))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("AccessDeniedException"))
                .hasMessageContaining("function:no-such-function:live");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> invoke(e2e.stack.functionName(), "[]"))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.statusCode()).isEqualTo(403))
                .hasMessageContaining("lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:000000000000:"
                        + "function:" + e2e.stack.functionName() + " because");
    }

    @Test
    void getFunction_theAliasArn_answersTheConfigurationAsTheConnectorReadsIt() {
        GetFunctionResponse response = lambda.getFunction(b -> b.functionName(e2e.stack.functionAliasArn()));

        assertThat(response.configuration().functionArn()).isEqualTo(e2e.stack.functionAliasArn());
        assertThat(response.configuration().functionName()).isEqualTo(e2e.stack.functionName());
        assertThat(response.configuration().version()).isEqualTo("1");
    }

    @Test
    void invoke_dryRun_answers204WithoutRunningTheHandler() throws Exception {
        String batch = e2e.fixtures.single("noschemas-precise", PRODUCT_1_SNAPSHOT, 403).toString();

        InvokeResponse response = lambda.invoke(b -> b.functionName(alias())
                .invocationType(InvocationType.DRY_RUN).payload(SdkBytes.fromUtf8String(batch)));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(e2e.item("Product", 403)).isEmpty();
    }

    @Test
    void post_notJson_isAnUnhandledFunctionError() throws Exception {
        InvokeResponse response = invoke(alias(), "[{\"payload\":");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = MAPPER.readTree(response.payload().asUtf8String());
        assertThat(error.has("errorMessage")).isTrue();
        assertThat(error.get("errorType").asText()).contains("Json");
    }
}
