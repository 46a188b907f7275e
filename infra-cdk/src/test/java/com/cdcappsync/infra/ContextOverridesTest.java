package com.cdcappsync.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.infra.config.InfraConfigException;
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

/** Context changes what the issue says it may: stage, table names, retention of data, sizing, access, alarms. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContextOverridesTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:ops-alerts";
    private static final String TRUSTED = "arn:aws:iam::444455556666:role/confluent-provider-integration";

    private SynthesizedStack synth;

    @BeforeAll
    void synthesize(@TempDir Path workDir) {
        synth = SynthesizedStack.synthesize(workDir, Map.ofEntries(
                Map.entry("stage", "prod"),
                Map.entry("tableName.Product", "shop-products"),
                Map.entry("retainData", "false"),
                Map.entry("memorySize", 2048),
                Map.entry("timeoutSeconds", "30"),
                Map.entry("logRetentionDays", "90"),
                Map.entry("apiKeyExpiryDays", "30"),
                Map.entry("fieldLogLevel", "all"),
                Map.entry("javaToolOptions", ""),
                Map.entry("handlerEnv.FAIL_ON_REJECTED", "true"),
                Map.entry("handlerEnv.METRICS_NAMESPACE", "Shop/Live"),
                Map.entry("connectorTrustedPrincipalArn", TRUSTED),
                Map.entry("connectorExternalId", "cc-external-id-123"),
                Map.entry("alarmTopicArn", TOPIC)));
    }

    @Test
    void stage_prod_namesStackAndResources() {
        assertThat(synth.stack().getStackName()).isEqualTo("CdcAppSync-prod");
        synth.template().hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName",
                "cdc-appsync-prod-upsert"));
        synth.template().hasResourceProperties("AWS::AppSync::GraphQLApi", Map.of("Name", "cdc-appsync-prod"));
    }

    @Test
    void tableName_givenForOneType_usedThereStagePrefixElsewhere() {
        synth.template().hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", "shop-products"));
        synth.template().hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName",
                "cdc-appsync-prod-PublicCategory"));
    }

    @Test
    void retainData_false_tablesDeletedWithTheStack() {
        synth.resources("AWS::DynamoDB::Table").values().forEach(table -> {
            assertThat(table.path("DeletionPolicy").asText()).isEqualTo("Delete");
            assertThat(table.path("UpdateReplacePolicy").asText()).isEqualTo("Delete");
        });
    }

    @Test
    void sizing_given_appliedToFunctionAndLogs() {
        synth.template().hasResourceProperties("AWS::Lambda::Function", Map.of("MemorySize", 2048, "Timeout", 30));
        synth.resources("AWS::Logs::LogGroup").values().forEach(group ->
                assertThat(group.path("Properties").path("RetentionInDays").asInt()).isEqualTo(90));
    }

    @Test
    void apiSettings_given_fieldLogLevelAndKeyExpiry() {
        assertThat(synth.only("AWS::AppSync::GraphQLApi").path("Properties").path("LogConfig")
                .path("FieldLogLevel").asText()).isEqualTo("ALL");
        long expires = synth.only("AWS::AppSync::ApiKey").path("Properties").path("Expires").asLong();
        long expected = Instant.now().plus(Duration.ofDays(30)).getEpochSecond();
        assertThat(expires).isBetween(expected - Duration.ofDays(1).toSeconds(), expected);
    }

    @Test
    void environment_handlerEnvAndNoJavaToolOptions_passedThrough() {
        JsonNode variables = synth.only("AWS::Lambda::Function").path("Properties").path("Environment")
                .path("Variables");
        assertThat(variables.path("FAIL_ON_REJECTED").asText()).isEqualTo("true");
        assertThat(variables.has("JAVA_TOOL_OPTIONS")).isFalse();
        assertThat(variables.path("APPSYNC_AUTH").asText()).isEqualTo("iam");
    }

    @Test
    void alarms_metricsNamespaceOverridden_watchTheNamespaceTheFunctionWrites() {
        JsonNode variables = synth.only("AWS::Lambda::Function").path("Properties").path("Environment")
                .path("Variables");
        assertThat(variables.path("METRICS_NAMESPACE").asText()).isEqualTo("Shop/Live");
        synth.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Namespace", "Shop/Live",
                "MetricName", "LagMs"));
        synth.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Namespace", "Shop/Live",
                "MetricName", "Rejected"));
        assertThat(synth.resources("AWS::CloudWatch::Alarm").values())
                .noneMatch(alarm -> alarm.path("Properties").path("Namespace").asText().equals("CdcAppSync"));
    }

    @Test
    void connectorRole_trustedPrincipalAndExternalId_inTrustPolicy() {
        JsonNode role = synth.resources("AWS::IAM::Role").values().stream()
                .filter(r -> r.path("Properties").path("AssumeRolePolicyDocument").toString().contains(TRUSTED))
                .findFirst().orElseThrow();
        JsonNode statement = role.path("Properties").path("AssumeRolePolicyDocument").path("Statement").get(0);
        assertThat(statement.path("Principal").path("AWS").asText()).isEqualTo(TRUSTED);
        assertThat(statement.path("Condition").path("StringEquals").path("sts:ExternalId").asText())
                .isEqualTo("cc-external-id-123");
    }

    @Test
    void alarms_topicGiven_everyAlarmNotifiesIt() {
        synth.template().resourceCountIs("AWS::CloudWatch::Alarm", 6);
        synth.template().allResourcesProperties("AWS::CloudWatch::Alarm", Map.of("AlarmActions", List.of(TOPIC)));
    }

    @Test
    void tableName_forATypeNotInApiJson_failsNamingTheTypes(@TempDir Path workDir) {
        assertThatThrownBy(() -> SynthesizedStack.synthesize(workDir,
                Map.of("tableName.Prodcut", "x-products")))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("tableName.Prodcut names no api.json type "
                        + "(types: Product, ProductVariant, PublicCategory, ProductPublicCategory)");
    }
}
