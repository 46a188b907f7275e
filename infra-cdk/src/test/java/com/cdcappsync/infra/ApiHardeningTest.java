package com.cdcappsync.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.infra.config.InfraConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/**
 * The public API's hardening (issue 19, item 6): introspection off unless {@code graphqlIntrospection=true}; an AWS
 * WAF web ACL with a rate-based rule per IP only when {@code wafRateLimit} is given, its limit within AWS WAF's
 * 10 to 2,000,000,000; the API key's expiry on the hour, as AppSync keeps it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiHardeningTest {

    private SynthesizedStack defaults;
    private SynthesizedStack hardened;

    @BeforeAll
    void synthesize(@TempDir Path workDir) {
        defaults = SynthesizedStack.synthesize(workDir.resolve("defaults"), Map.of());
        hardened = SynthesizedStack.synthesize(workDir.resolve("hardened"), Map.of("graphqlIntrospection", "true",
                "wafRateLimit", 2000, "stage", "prod"));
    }

    @Test
    void introspection_default_disabled() {
        assertThat(defaults.only("AWS::AppSync::GraphQLApi").path("Properties").path("IntrospectionConfig").asText())
                .isEqualTo("DISABLED");
    }

    @Test
    void introspection_contextTrue_enabled() {
        assertThat(hardened.only("AWS::AppSync::GraphQLApi").path("Properties").path("IntrospectionConfig").asText())
                .isEqualTo("ENABLED");
    }

    @Test
    void waf_default_none() {
        assertThat(defaults.resources("AWS::WAFv2::WebACL")).isEmpty();
        assertThat(defaults.resources("AWS::WAFv2::WebACLAssociation")).isEmpty();
    }

    @Test
    void waf_rateLimitGiven_regionalWebAclWithRateRuleAndMetrics() {
        JsonNode acl = hardened.only("AWS::WAFv2::WebACL").path("Properties");
        assertThat(acl.path("Name").asText()).isEqualTo("cdc-appsync-prod-api");
        assertThat(acl.path("Scope").asText()).isEqualTo("REGIONAL");
        assertThat(acl.path("DefaultAction").has("Allow")).isTrue();
        assertVisible(acl.path("VisibilityConfig"), "cdc-appsync-prod-api");

        assertThat(acl.path("Rules")).hasSize(1);
        JsonNode rule = acl.path("Rules").get(0);
        assertThat(rule.path("Action").has("Block")).isTrue();
        assertVisible(rule.path("VisibilityConfig"), "cdc-appsync-prod-api-rate-limit");
        JsonNode rate = rule.path("Statement").path("RateBasedStatement");
        assertThat(rate.path("Limit").asLong()).isEqualTo(2000);
        assertThat(rate.path("AggregateKeyType").asText()).isEqualTo("IP");
        assertThat(rate.path("EvaluationWindowSec").asInt()).isEqualTo(300);
        JsonNode signed = rate.path("ScopeDownStatement").path("NotStatement").path("Statement")
                .path("ByteMatchStatement");
        assertThat(signed.path("FieldToMatch").path("SingleHeader").path("Name").asText()).isEqualTo("authorization");
        assertThat(signed.path("PositionalConstraint").asText()).isEqualTo("STARTS_WITH");
        assertThat(signed.path("SearchString").asText()).isEqualTo("AWS4-HMAC-SHA256");
    }

    @Test
    void waf_rateLimitGiven_associatedWithTheGraphqlApi() {
        JsonNode association = hardened.only("AWS::WAFv2::WebACLAssociation").path("Properties");
        assertThat(association.path("ResourceArn").path("Fn::GetAtt").toString())
                .isEqualTo("[\"" + hardened.onlyId("AWS::AppSync::GraphQLApi") + "\",\"Arn\"]");
        assertThat(association.path("WebACLArn").path("Fn::GetAtt").toString())
                .isEqualTo("[\"" + hardened.onlyId("AWS::WAFv2::WebACL") + "\",\"Arn\"]");
    }

    @Test
    void waf_rateLimitGiven_cdkNagAndCdkReportNothing() {
        Annotations annotations = Annotations.fromStack(hardened.stack());
        annotations.hasNoError("*", Match.anyValue());
        annotations.hasNoWarning("*", Match.anyValue());
    }

    @Test
    void waf_rateLimitOutsideAwsWafBounds_failsSynthesisNamingTheSettingAndRange(@TempDir Path dir) {
        for (Object value : List.of("9", 2_000_000_001L, "-5", "lots", "1.5")) {
            assertThatThrownBy(() -> SynthesizedStack.synthesize(dir.resolve("w" + value.hashCode()),
                    Map.of("wafRateLimit", value))).as(value.toString())
                    .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems()).hasSize(1))
                    .hasMessageContaining("context wafRateLimit='" + value + "': expected a whole number from 10 to "
                            + "2000000000")
                    .hasMessageContaining("AWS WAF's rate-based rule limit");
        }
    }

    @Test
    void waf_rateLimitAtAwsWafBounds_accepted(@TempDir Path dir) {
        SynthesizedStack lowest = SynthesizedStack.synthesize(dir, Map.of("wafRateLimit", "10"));
        assertThat(lowest.only("AWS::WAFv2::WebACL").path("Properties").path("Rules").get(0).path("Statement")
                .path("RateBasedStatement").path("Limit").asLong()).isEqualTo(10);
        assertThat(com.cdcappsync.infra.config.StackConfig.fromContext(Map.of("wafRateLimit", "2000000000"))
                .apiProtection().wafRateLimit()).hasValue(2_000_000_000L);
    }

    @Test
    void apiKey_expiry_onTheHourAsAppSyncKeepsIt() {
        long expires = defaults.only("AWS::AppSync::ApiKey").path("Properties").path("Expires").asLong();
        assertThat(expires % Duration.ofHours(1).toSeconds()).isZero();
    }

    @Test
    void apiKey_expiryDaysOutside1To365_failsSynthesisWithTheRangeAndTheValue(@TempDir Path dir) {
        for (String value : List.of("0", "366")) {
            assertThatThrownBy(() -> SynthesizedStack.synthesize(dir.resolve("k" + value), Map.of("apiKeyExpiryDays",
                    value))).as(value).isInstanceOf(InfraConfigException.class)
                    .hasMessageContaining("context apiKeyExpiryDays='" + value + "': expected a whole number from 1 "
                            + "to 365");
        }
    }

    private static void assertVisible(JsonNode visibility, String metricName) {
        assertThat(visibility.path("CloudWatchMetricsEnabled").asBoolean()).isTrue();
        assertThat(visibility.path("SampledRequestsEnabled").asBoolean()).isTrue();
        assertThat(visibility.path("MetricName").asText()).isEqualTo(metricName);
    }
}
