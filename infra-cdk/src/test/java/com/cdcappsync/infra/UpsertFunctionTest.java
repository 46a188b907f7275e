package com.cdcappsync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.infra.constructs.UpsertFunction;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;

/** The upsert Lambda, its version, alias, asynchronous configuration and alarms, with default context. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpsertFunctionTest {

    private SynthesizedStack synth;
    private String functionId;

    @BeforeAll
    void synthesize(@TempDir Path workDir) {
        synth = SynthesizedStack.synthesize(workDir, Map.of());
        functionId = synth.onlyId("AWS::Lambda::Function");
    }

    @Test
    void function_default_java21OnArm64WithTheHandler() {
        synth.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "Handler", "com.cdcappsync.upsert.UpsertHandler::handleRequest",
                "FunctionName", "cdc-appsync-dev-upsert"));
    }

    @Test
    void function_default_sizedForABatch() {
        synth.template().hasResourceProperties("AWS::Lambda::Function", Map.of("MemorySize", 1024, "Timeout", 45));
    }

    @Test
    void function_default_snapStartOnPublishedVersions() {
        synth.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        JsonNode version = synth.only("AWS::Lambda::Version");
        assertThat(version.path("Properties").path("FunctionName").path("Ref").asText()).isEqualTo(functionId);
    }

    @Test
    void alias_live_pointsAtThePublishedVersion() {
        String versionId = synth.onlyId("AWS::Lambda::Version");
        JsonNode alias = synth.only("AWS::Lambda::Alias").path("Properties");
        assertThat(alias.path("Name").asText()).isEqualTo(UpsertFunction.ALIAS_NAME);
        assertThat(alias.path("FunctionName").path("Ref").asText()).isEqualTo(functionId);
        assertThat(alias.path("FunctionVersion").path("Fn::GetAtt").toString())
                .isEqualTo("[\"" + versionId + "\",\"Version\"]");
    }

    @Test
    void function_environment_graphqlUrlIamAuthAndFastStartOptions() {
        JsonNode variables = synth.resource(functionId).path("Properties").path("Environment").path("Variables");
        assertThat(variables.path("APPSYNC_GRAPHQL_URL").path("Fn::GetAtt").toString())
                .isEqualTo("[\"" + synth.onlyId("AWS::AppSync::GraphQLApi") + "\",\"GraphQLUrl\"]");
        assertThat(variables.path("APPSYNC_AUTH").asText()).isEqualTo("iam");
        assertThat(variables.path("JAVA_TOOL_OPTIONS").asText())
                .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        assertThat(variables.has("AWS_REGION")).as("Lambda sets AWS_REGION itself").isFalse();
        assertThat(variables.has("APPSYNC_API_KEY")).as("no secret in the template").isFalse();
        assertThat(variables.has("MAPPING_PATH")).as("the packaged mapping is the default").isFalse();
    }

    @Test
    void function_logs_ownLogGroupWithRetention() {
        String logGroupId = synth.resource(functionId).path("Properties").path("LoggingConfig").path("LogGroup")
                .path("Ref").asText();
        JsonNode logGroup = synth.resource(logGroupId).path("Properties");
        assertThat(logGroup.path("LogGroupName").asText()).isEqualTo("/aws/lambda/cdc-appsync-dev-upsert");
        assertThat(logGroup.path("RetentionInDays").asInt()).isEqualTo(30);
    }

    @Test
    void asyncInvocation_onAlias_retriesThenSendsFailuresToTheQueue() {
        String queueId = synth.onlyId("AWS::SQS::Queue");
        JsonNode config = synth.only("AWS::Lambda::EventInvokeConfig").path("Properties");
        assertThat(config.path("FunctionName").path("Ref").asText()).isEqualTo(functionId);
        assertThat(config.path("Qualifier").toString()).contains(synth.onlyId("AWS::Lambda::Alias"));
        assertThat(config.path("MaximumRetryAttempts").asInt()).isEqualTo(2);
        assertThat(config.path("MaximumEventAgeInSeconds").asInt()).isEqualTo(6 * 3600);
        assertThat(config.path("DestinationConfig").path("OnFailure").path("Destination").path("Fn::GetAtt")
                .toString()).isEqualTo("[\"" + queueId + "\",\"Arn\"]");
    }

    @Test
    void onFailureQueue_default_encryptedTlsOnlyAndKeptTwoWeeks() {
        synth.template().hasResourceProperties("AWS::SQS::Queue", Map.of(
                "SqsManagedSseEnabled", true, "MessageRetentionPeriod", 14 * 24 * 3600));
        synth.template().hasResourceProperties("AWS::SQS::QueuePolicy", Map.of("PolicyDocument", Map.of(
                "Statement", List.of(Map.of("Effect", "Deny", "Action", "sqs:*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))));
    }

    @Test
    void alarms_default_onErrorsThrottlesDeliveryFailuresAndQueueDepth() {
        synth.template().resourceCountIs("AWS::CloudWatch::Alarm", 6);
        for (String metric : List.of("Errors", "Throttles", "DestinationDeliveryFailures")) {
            synth.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "Namespace", "AWS/Lambda", "MetricName", metric, "Threshold", 1,
                    "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                    "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", functionId)))));
        }
        synth.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/SQS", "MetricName", "ApproximateNumberOfMessagesVisible", "Threshold", 1,
                "Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(synth.onlyId("AWS::SQS::Queue"), "QueueName"))))));
        synth.template().allResourcesProperties("AWS::CloudWatch::Alarm", Map.of("AlarmActions", Match.absent()));
    }

    @Test
    void alarms_default_onReplicationLagHeldFiveMinutesAndRejectedRecords() {
        synth.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "CdcAppSync", "MetricName", "LagMs", "Statistic", "Maximum", "Period", 60,
                "Threshold", 120_000, "EvaluationPeriods", 5, "DatapointsToAlarm", 5,
                "ComparisonOperator", "GreaterThanThreshold",
                "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", functionId)))));
        synth.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "CdcAppSync", "MetricName", "Rejected", "Statistic", "Sum", "Threshold", 1,
                "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", functionId)))));
    }
}
