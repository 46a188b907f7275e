package com.cdcappsync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.apimanifest.TableSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;

/** The tables and the AppSync API, with default context. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TablesAndApiTest {

    private SynthesizedStack synth;

    @BeforeAll
    void synthesize(@TempDir Path workDir) {
        synth = SynthesizedStack.synthesize(workDir, Map.of());
    }

    @Test
    void tables_oneEntryPerApiJsonTable_oneStagePrefixedTableEach() {
        List<TableSpec> specs = synth.sources().manifest().tables();
        assertThat(synth.resources("AWS::DynamoDB::Table")).hasSize(specs.size());
        for (TableSpec spec : specs) {
            synth.template().hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                    "TableName", "cdc-appsync-dev-" + spec.type(),
                    "KeySchema", List.of(Map.of("AttributeName", spec.partitionKey(), "KeyType", "HASH")),
                    "AttributeDefinitions", Match.arrayWith(List.of(Map.of("AttributeName", spec.partitionKey(),
                            "AttributeType", "S")))));
        }
    }

    @Test
    void tables_indexesOfApiJson_globalSecondaryIndexesProjectingEverything() {
        for (TableSpec spec : synth.sources().manifest().tables()) {
            if (spec.indexes().isEmpty()) {
                synth.template().hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                        "TableName", "cdc-appsync-dev-" + spec.type(), "GlobalSecondaryIndexes", Match.absent()));
                continue;
            }
            synth.template().hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                    "TableName", "cdc-appsync-dev-" + spec.type(),
                    "GlobalSecondaryIndexes", spec.indexes().stream().map(index -> Map.of(
                            "IndexName", index.name(),
                            "KeySchema", List.of(Map.of("AttributeName", index.partitionKey(), "KeyType", "HASH")),
                            "Projection", Map.of("ProjectionType", "ALL"))).toList(),
                    "AttributeDefinitions", Match.arrayWith(spec.indexes().stream().map(index -> (Object) Map.of(
                            "AttributeName", index.partitionKey(), "AttributeType", "S")).toList())));
        }
        assertThat(synth.sources().manifest().tableOfType("ProductVariant").indexes()).isNotEmpty();
    }

    @Test
    void tables_default_onDemandWithPitrTtlAndEncryption() {
        for (TableSpec spec : synth.sources().manifest().tables()) {
            synth.template().hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                    "TableName", "cdc-appsync-dev-" + spec.type(),
                    "BillingMode", "PAY_PER_REQUEST",
                    "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                    "TimeToLiveSpecification", Map.of("AttributeName", spec.ttlAttribute(), "Enabled", true),
                    "SSESpecification", Map.of("SSEEnabled", true)));
        }
        synth.template().allResourcesProperties("AWS::DynamoDB::Table", Map.of(
                "ProvisionedThroughput", Match.absent()));
    }

    @Test
    void tables_default_retainedOnDeleteAndReplace() {
        synth.resources("AWS::DynamoDB::Table").values().forEach(table -> {
            assertThat(table.path("DeletionPolicy").asText()).isEqualTo("Retain");
            assertThat(table.path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
        });
    }

    @Test
    void api_default_apiKeyDefaultAndIamAdditional() {
        synth.template().hasResourceProperties("AWS::AppSync::GraphQLApi", Map.of(
                "Name", "cdc-appsync-dev",
                "AuthenticationType", "API_KEY",
                "AdditionalAuthenticationProviders", List.of(Map.of("AuthenticationType", "AWS_IAM"))));
    }

    @Test
    void apiKey_default_expiresInAboutAYear() {
        long expires = synth.only("AWS::AppSync::ApiKey").path("Properties").path("Expires").asLong();
        long expected = Instant.now().plus(Duration.ofDays(365)).getEpochSecond();
        // The template was synthesized moments before `expected` was taken, and CDK rounds the expiry:
        // allow a day below and an hour above, not a second.
        assertThat(expires).isBetween(expected - Duration.ofDays(1).toSeconds(),
                expected + Duration.ofHours(1).toSeconds());
        assertThat(synth.only("AWS::AppSync::ApiKey").path("Properties").path("ApiId").path("Fn::GetAtt").get(0)
                .asText()).isEqualTo(synth.onlyId("AWS::AppSync::GraphQLApi"));
    }

    @Test
    void api_default_logsErrorsThroughRoleScopedToItsLogGroup() {
        JsonNode logConfig = synth.only("AWS::AppSync::GraphQLApi").path("Properties").path("LogConfig");
        assertThat(logConfig.path("FieldLogLevel").asText()).isEqualTo("ERROR");
        assertThat(logConfig.path("ExcludeVerboseContent").asBoolean(true)).isFalse();
        String roleId = logConfig.path("CloudWatchLogsRoleArn").path("Fn::GetAtt").get(0).asText();

        String apiId = synth.onlyId("AWS::AppSync::GraphQLApi");
        Map.Entry<String, JsonNode> logGroup = synth.resources("AWS::Logs::LogGroup").entrySet().stream()
                .filter(e -> e.getValue().path("Properties").path("LogGroupName").toString()
                        .contains("/aws/appsync/apis/"))
                .findFirst().orElseThrow();
        assertThat(logGroup.getValue().path("Properties").path("LogGroupName").toString()).contains(apiId);
        assertThat(logGroup.getValue().path("Properties").path("RetentionInDays").asInt()).isEqualTo(30);

        assertThat(synth.resource(roleId).path("Properties").path("AssumeRolePolicyDocument").toString())
                .contains("appsync.amazonaws.com");
        assertThat(synth.resource(roleId).path("Properties").has("ManagedPolicyArns")).isFalse();
        List<JsonNode> statements = synth.statementsOfRole(roleId);
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).path("Resource").path("Fn::GetAtt").get(0).asText())
                .isEqualTo(logGroup.getKey());
        assertThat(SynthesizedStack.list(statements.get(0).path("Action")).stream().map(JsonNode::asText))
                .containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
    }

    @Test
    void dataSources_oneDynamoDbSourcePerTable_eachRoleScopedToItsTable() {
        for (TableSpec spec : synth.sources().manifest().tables()) {
            Map.Entry<String, JsonNode> dataSource = synth.resources("AWS::AppSync::DataSource").entrySet()
                    .stream().filter(e -> e.getValue().path("Properties").path("Name").asText()
                            .equals(spec.dataSource())).findFirst().orElseThrow();
            JsonNode props = dataSource.getValue().path("Properties");
            assertThat(props.path("Type").asText()).isEqualTo("AMAZON_DYNAMODB");
            String tableId = props.path("DynamoDBConfig").path("TableName").path("Ref").asText();
            assertThat(synth.resource(tableId).path("Properties").path("TableName").asText())
                    .isEqualTo("cdc-appsync-dev-" + spec.type());
            String roleId = props.path("ServiceRoleArn").path("Fn::GetAtt").get(0).asText();
            for (JsonNode statement : synth.statementsOfRole(roleId)) {
                assertThat(SynthesizedStack.list(statement.path("Resource")))
                        .allSatisfy(r -> assertThat(r.toString()).contains(tableId).doesNotContain("\"*\""));
                assertThat(SynthesizedStack.list(statement.path("Action")))
                        .allSatisfy(a -> assertThat(a.asText()).startsWith("dynamodb:").doesNotContain("*"));
            }
        }
    }
}
