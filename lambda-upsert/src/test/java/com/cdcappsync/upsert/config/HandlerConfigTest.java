package com.cdcappsync.upsert.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerConfigTest {

    @Test
    void fromEnvironment_nothingSetForADryRun_usesEveryDefault() {
        HandlerConfig config = HandlerConfig.fromEnvironment(Map.<String, String>of()::get, false);

        assertThat(config.authMode()).isEqualTo(AuthMode.IAM);
        assertThat(config.concurrency()).isEqualTo(16);
        assertThat(config.coalesce()).isTrue();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.maxAttempts()).isEqualTo(5);
        assertThat(config.baseDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.maxDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.deadlineReserve()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.failOnRejected()).isFalse();
        assertThat(config.versionFallback()).isEqualTo(VersionFallback.KAFKA_OFFSET);
        assertThat(config.toastPlaceholder()).isEqualTo("__debezium_unavailable_value");
        assertThat(config.metricsNamespace()).isEqualTo("CdcAppSync");
        assertThat(config.mappingPath()).isNull();
    }

    @Test
    void fromEnvironment_everySettingGiven_isReadTyped() {
        HandlerConfig config = HandlerConfig.fromEnvironment(Map.ofEntries(
                Map.entry("APPSYNC_GRAPHQL_URL", "https://abc.appsync-api.eu-west-1.amazonaws.com/graphql"),
                Map.entry("APPSYNC_AUTH", "api-key"), Map.entry("APPSYNC_API_KEY", "da2-x"),
                Map.entry("MAPPING_PATH", "/opt/m.json"), Map.entry("PUBLISH_CONCURRENCY", "64"),
                Map.entry("PUBLISH_COALESCE", "false"), Map.entry("HTTP_CONNECT_TIMEOUT", "PT1S"),
                Map.entry("HTTP_REQUEST_TIMEOUT", "1500ms"), Map.entry("RETRY_MAX_ATTEMPTS", "1"),
                Map.entry("RETRY_BASE_DELAY", "1s"), Map.entry("RETRY_MAX_DELAY", "1m"),
                Map.entry("FAIL_ON_REJECTED", "yes"), Map.entry("VERSION_FALLBACK", "none"),
                Map.entry("DEADLINE_RESERVE", "1500ms"))::get, true);

        assertThat(config.endpoint()).isEqualTo(URI.create("https://abc.appsync-api.eu-west-1.amazonaws.com/graphql"));
        assertThat(config.authMode()).isEqualTo(AuthMode.API_KEY);
        assertThat(config.mappingPath()).isEqualTo(Path.of("/opt/m.json"));
        assertThat(config.concurrency()).isEqualTo(64);
        assertThat(config.coalesce()).isFalse();
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.maxDelay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.deadlineReserve()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.failOnRejected()).isTrue();
        assertThat(config.versionFallback()).isEqualTo(VersionFallback.NONE);
        assertThat(config.toString()).doesNotContain("da2-x");
    }

    @Test
    void fromEnvironment_manyProblems_reportsThemAllOnceWithoutTheSecret() {
        Map<String, String> env = Map.of("APPSYNC_GRAPHQL_URL", "ftp://x", "APPSYNC_AUTH", "api-key",
                "PUBLISH_CONCURRENCY", "1000", "RETRY_MAX_ATTEMPTS", "many", "HTTP_CONNECT_TIMEOUT", "-1s",
                "FAIL_ON_REJECTED", "perhaps", "RETRY_BASE_DELAY", "10s", "RETRY_MAX_DELAY", "1s");

        assertThatThrownBy(() -> HandlerConfig.fromEnvironment(env::get, true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(7))
                .hasMessageContaining("APPSYNC_GRAPHQL_URL='ftp://x': expected an absolute http(s) URL")
                .hasMessageContaining("PUBLISH_CONCURRENCY='1000': expected a whole number from 1 to 256")
                .hasMessageContaining("RETRY_MAX_ATTEMPTS='many'")
                .hasMessageContaining("HTTP_CONNECT_TIMEOUT='-1s'")
                .hasMessageContaining("FAIL_ON_REJECTED='perhaps': expected true or false")
                .hasMessageContaining("APPSYNC_API_KEY is not set but APPSYNC_AUTH=api-key")
                .hasMessageContaining("RETRY_BASE_DELAY (PT10S) must not exceed RETRY_MAX_DELAY (PT1S)");
    }

    @Test
    void fromEnvironment_deadlineReserveOutOfRange_namesTheRangeAndTheDefault() {
        assertThatThrownBy(() -> HandlerConfig.fromEnvironment(Map.of("DEADLINE_RESERVE", "200ms")::get, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DEADLINE_RESERVE (PT0.2S): expected a duration from 1s to 60s")
                .hasMessageContaining("the default is 3s");
    }

    @Test
    void fromEnvironment_iamWithoutRegionOrEndpoint_saysWhatToSet() {
        assertThatThrownBy(() -> HandlerConfig.fromEnvironment(Map.<String, String>of()::get, true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("APPSYNC_GRAPHQL_URL is not set")
                .hasMessageContaining("AWS_REGION is not set but APPSYNC_AUTH=iam");
    }

    @Test
    void builder_defaults_areTheRegistryDefaults() {
        HandlerConfig built = HandlerConfig.builder().requireEndpoint(false).build();
        HandlerConfig read = HandlerConfig.fromEnvironment(Map.<String, String>of()::get, false);

        assertThat(built.toString()).isEqualTo(read.toString());
        assertThat(built.requestTimeout()).isEqualTo(read.requestTimeout());
        assertThat(built.metricsNamespace()).isEqualTo("CdcAppSync");
    }

    @Test
    void builder_invalidValues_reportsEveryProblemAtOnce() {
        HandlerConfig.Builder builder = HandlerConfig.builder().endpoint(URI.create("ftp://x")).concurrency(0)
                .maxAttempts(21).connectTimeout(Duration.ZERO).baseDelay(Duration.ofSeconds(9))
                .maxDelay(Duration.ofSeconds(1)).authMode(AuthMode.API_KEY).versionFallback(null);

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(7))
                .hasMessageContaining("APPSYNC_GRAPHQL_URL: expected an absolute http(s) URL")
                .hasMessageContaining("PUBLISH_CONCURRENCY (0): expected a whole number from 1 to 256")
                .hasMessageContaining("RETRY_MAX_ATTEMPTS (21)")
                .hasMessageContaining("HTTP_CONNECT_TIMEOUT (PT0S): expected a positive duration")
                .hasMessageContaining("RETRY_BASE_DELAY (PT9S) must not exceed")
                .hasMessageContaining("APPSYNC_API_KEY is not set but APPSYNC_AUTH=api-key")
                .hasMessageContaining("VERSION_FALLBACK is not set");
    }

    @Test
    void toBuilder_changedValue_keepsTheRestAndChecksAgain() {
        HandlerConfig config = HandlerConfig.builder().endpoint(URI.create("https://x.example/graphql"))
                .region("eu-west-1").concurrency(8).build();

        HandlerConfig changed = config.toBuilder().coalesce(false).build();

        assertThat(changed.concurrency()).isEqualTo(8);
        assertThat(changed.region()).isEqualTo("eu-west-1");
        assertThat(changed.coalesce()).isFalse();
        assertThatThrownBy(() -> config.toBuilder().concurrency(300).build()).isInstanceOf(ConfigException.class);
    }
}
