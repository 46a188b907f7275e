package com.cdcappsync.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.appsync.FieldLogLevel;
import software.amazon.awscdk.services.logs.RetentionDays;

class StackConfigTest {

    @Test
    void fromContext_empty_defaults() {
        StackConfig config = StackConfig.fromContext(Map.of());

        assertThat(config.stage()).isEqualTo("dev");
        assertThat(config.stackName()).isEqualTo("CdcAppSync-dev");
        assertThat(config.tableName("Product")).isEqualTo("cdc-appsync-dev-Product");
        assertThat(config.retainData()).isTrue();
        assertThat(config.memorySizeMb()).isEqualTo(1024);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.logRetention()).isEqualTo(RetentionDays.ONE_MONTH);
        assertThat(config.apiKeyExpiry()).isEqualTo(Duration.ofDays(365));
        assertThat(config.fieldLogLevel()).isEqualTo(FieldLogLevel.ERROR);
        assertThat(config.javaToolOptions()).isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        assertThat(config.handlerEnvironment()).isEmpty();
        assertThat(config.connectorTrustedPrincipalArn()).isEmpty();
        assertThat(config.connectorExternalId()).isEmpty();
        assertThat(config.alarmTopicArn()).isEmpty();
        assertThat(config.lambdaJar()).isEmpty();
        assertThat(config.graphqlSchemaDir()).isEmpty();
    }

    @Test
    void fromContext_numbersAsJsonNumbers_readAsWholeNumbers() {
        StackConfig config = StackConfig.fromContext(Map.of("memorySize", 2048.0, "logRetentionDays", 0));

        assertThat(config.memorySizeMb()).isEqualTo(2048);
        assertThat(config.logRetention()).isEqualTo(RetentionDays.INFINITE);
    }

    @Test
    void fromContext_featureFlagsAndCliKeys_ignored() {
        StackConfig config = StackConfig.fromContext(Map.of("@aws-cdk/aws-iam:minimizePolicies", true,
                "cli-telemetry", false, "aws:cdk:enable-path-metadata", true));

        assertThat(config.stage()).isEqualTo("dev");
    }

    @Test
    void fromContext_severalInvalidValues_allReportedAtOnceWithTheFix() {
        assertThatThrownBy(() -> StackConfig.fromContext(Map.of("stage", "9lives", "memorySize", "lots",
                "timeoutSeconds", 901, "logRetentionDays", 31, "fieldLogLevel", "VERBOSE", "retainData", "yes")))
                .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems()).hasSize(6))
                .hasMessageContaining("Invalid CDK context (6 problems)")
                .hasMessageContaining("context stage='9lives': expected 1-20 letters, digits or -, starting with "
                        + "a letter (fix or remove it; the default is dev)")
                .hasMessageContaining("context memorySize='lots': expected a whole number from 128 to 10240")
                .hasMessageContaining("context timeoutSeconds='901'")
                .hasMessageContaining("context logRetentionDays='31'")
                .hasMessageContaining("context fieldLogLevel='VERBOSE': expected NONE | ERROR | INFO | DEBUG | ALL")
                .hasMessageContaining("context retainData='yes': expected true or false");
    }

    @Test
    void fromContext_typoInAKey_reportedWithTheKnownKeys() {
        assertThatThrownBy(() -> StackConfig.fromContext(Map.of("memorysize", "2048")))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("context memorysize is not a setting of this app (known: stage, ")
                .hasMessageContaining("memorySize");
    }

    @Test
    void fromContext_tableNames_perType() {
        StackConfig config = StackConfig.fromContext(Map.of("stage", "prod", "tableName.Product", "shop-products"));

        assertThat(config.tableName("Product")).isEqualTo("shop-products");
        assertThat(config.tableName("Category")).isEqualTo("cdc-appsync-prod-Category");
    }

    @Test
    void fromContext_invalidTableName_rejected() {
        assertThatThrownBy(() -> StackConfig.fromContext(Map.of("tableName.Product", "a b")))
                .hasMessageContaining("context tableName.Product='a b': expected 3-255 of A-Z a-z 0-9 _ . -");
    }

    @Test
    void fromContext_handlerEnvOwnedByTheStackOrLambda_rejected() {
        assertThatThrownBy(() -> StackConfig.fromContext(Map.of("handlerEnv.APPSYNC_API_KEY", "da2-secret",
                "handlerEnv.AWS_REGION", "eu-west-1", "handlerEnv.FAIL_ON_REJECTED", "true")))
                .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining("handlerEnv.APPSYNC_API_KEY")
                .hasMessageContaining("must never be put in a template")
                .hasMessageContaining("handlerEnv.AWS_REGION")
                .hasMessageNotContaining("da2-secret");
    }

    @Test
    void fromContext_timeoutShorterThanTheDefaultRetries_refusedWithBothNumbersAndTheFix() {
        assertThatThrownBy(() -> StackConfig.fromContext(Map.of("timeoutSeconds", 20)))
                .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems()).hasSize(1))
                .hasMessageContaining("context timeoutSeconds = 20 s is shorter than one mutation's retries need: "
                        + "RETRY_MAX_ATTEMPTS=5 × HTTP_REQUEST_TIMEOUT=5.0 s + backoffs of up to 1.5 s")
                .hasMessageContaining("plus DEADLINE_RESERVE=3.0 s = 29.5 s")
                .hasMessageContaining("raise timeoutSeconds to at least 30")
                .hasMessageContaining("lower handlerEnv.RETRY_MAX_ATTEMPTS or handlerEnv.HTTP_REQUEST_TIMEOUT");
    }

    @Test
    void fromContext_handlerEnvRetriesLongerThanTheDeployedTimeout_refused() {
        assertThatThrownBy(() -> StackConfig.fromContext(Map.of("handlerEnv.HTTP_REQUEST_TIMEOUT", "10s")))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("context timeoutSeconds = 45 s is shorter")
                .hasMessageContaining("HTTP_REQUEST_TIMEOUT=10.0 s")
                .hasMessageContaining("= 54.5 s");
    }

    @Test
    void fromContext_shortTimeoutWithRetriesThatFit_accepted() {
        StackConfig config = StackConfig.fromContext(Map.of("timeoutSeconds", 10,
                "handlerEnv.HTTP_REQUEST_TIMEOUT", "1s", "handlerEnv.RETRY_MAX_ATTEMPTS", 3));

        // 3 × 1 s + backoff caps 0.1 + 0.2 s + reserve 3 s = 6.3 s.
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void fromContext_handlerEnvTheHandlerWouldRefuse_refusedAtSynth() {
        assertThatThrownBy(() -> StackConfig.fromContext(Map.of("handlerEnv.RETRY_MAX_ATTEMPTS", "many")))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("context handlerEnv.RETRY_MAX_ATTEMPTS='many'")
                .hasMessageContaining("the function would refuse it at cold start");
    }

    @Test
    void fromContext_handlerEnv_passedThrough() {
        StackConfig config = StackConfig.fromContext(Map.of("handlerEnv.FAIL_ON_REJECTED", true,
                "handlerEnv.PUBLISH_CONCURRENCY", 32));

        assertThat(config.handlerEnvironment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "FAIL_ON_REJECTED", "true", "PUBLISH_CONCURRENCY", "32"));
    }

    @Test
    void fromContext_handlerEnvTypoOrBadValue_rejectedWithTheHandlersOwnNamesAndCheck() {
        assertThatThrownBy(() -> StackConfig.fromContext(Map.of("handlerEnv.PUBLISH_CONCURENCY", "8",
                "handlerEnv.RETRY_MAX_ATTEMPTS", "zero")))
                .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining("handlerEnv.PUBLISH_CONCURENCY")
                .hasMessageContaining("one of ")
                .hasMessageContaining("PUBLISH_CONCURRENCY")
                .hasMessageContaining("handlerEnv.RETRY_MAX_ATTEMPTS")
                .hasMessageContaining("zero");
    }

    @Test
    void builder_handlerEnvironmentUnknownName_rejected() {
        assertThatThrownBy(() -> StackConfig.builder().handlerEnvironment(Map.of("MAPING_PATH", "/x")).build())
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("handlerEnvironment.MAPING_PATH")
                .hasMessageContaining("MAPPING_PATH");
    }

    @Test
    void handlerSettingNames_theHandlersRegistryLessWhatTheStackSets() {
        assertThat(StackConfig.handlerSettingNames())
                .contains("PUBLISH_CONCURRENCY", "METRICS_NAMESPACE", "WEBSITES")
                .doesNotContain("APPSYNC_GRAPHQL_URL", "APPSYNC_AUTH", "APPSYNC_API_KEY", "AWS_REGION");
    }

    @Test
    void metricsNamespace_followsTheHandlerSetting() {
        assertThat(StackConfig.fromContext(Map.of()).metricsNamespace()).isEqualTo("CdcAppSync");
        assertThat(StackConfig.fromContext(Map.of("handlerEnv.METRICS_NAMESPACE", "Shop/Live")).metricsNamespace())
                .isEqualTo("Shop/Live");
    }

    @Test
    void fromContext_connectorAndAlarmArns_validated() {
        assertThatThrownBy(() -> StackConfig.fromContext(Map.of("connectorTrustedPrincipalArn", "confluent",
                "alarmTopicArn", "ops", "connectorExternalId", "x")))
                .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems()).hasSize(3));

        StackConfig config = StackConfig.fromContext(Map.of(
                "connectorTrustedPrincipalArn", "arn:aws:iam::123456789012:role/confluent",
                "connectorExternalId", "abc-123", "alarmTopicArn", "arn:aws:sns:eu-west-1:123456789012:ops"));
        assertThat(config.connectorTrustedPrincipalArn()).contains("arn:aws:iam::123456789012:role/confluent");
        assertThat(config.connectorExternalId()).contains("abc-123");
        assertThat(config.alarmTopicArn()).contains("arn:aws:sns:eu-west-1:123456789012:ops");
    }

    @Test
    void fromContext_emptyJavaToolOptions_none() {
        assertThat(StackConfig.fromContext(Map.of("javaToolOptions", "")).javaToolOptions()).isEmpty();
    }

    @Test
    void readme_contextTable_matchesTheRegistry() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("<!-- context:start -->");
        int end = readme.indexOf("<!-- context:end -->");
        assertThat(start).as("README.md has <!-- context:start -->").isNotNegative();
        assertThat(end).isGreaterThan(start);
        List<String> rows = readme.substring(start, end).lines().filter(l -> l.startsWith("| `")).toList();

        assertThat(rows).containsExactlyElementsOf(ContextSettings.ALL.stream().map(ContextSetting::markdownRow)
                .toList());
    }

    @Test
    void builder_defaultsThenChanges_keepTheRest() {
        StackConfig config = StackConfig.builder().stage("prod").memorySizeMb(2048).build();

        assertThat(config.stage()).isEqualTo("prod");
        assertThat(config.memorySizeMb()).isEqualTo(2048);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.toBuilder().retainData(false).build().memorySizeMb()).isEqualTo(2048);
    }

    @Test
    void constructor_invalidValues_rejectedWithEveryProblem() {
        StackConfig.Builder builder = StackConfig.builder().stage("9bad").memorySizeMb(64)
                .timeout(Duration.ofMinutes(20)).handlerEnvironment(Map.of("APPSYNC_API_KEY", "x"))
                .alarmTopicArn(java.util.Optional.of("not-an-arn"));

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InfraConfigException.class,
                e -> assertThat(e.problems()).hasSize(5))
                .hasMessageContaining("stage = 9bad").hasMessageContaining("memorySizeMb = 64")
                .hasMessageContaining("timeout = PT20M").hasMessageContaining("APPSYNC_API_KEY")
                .hasMessageContaining("alarmTopicArn = not-an-arn");
    }
}
