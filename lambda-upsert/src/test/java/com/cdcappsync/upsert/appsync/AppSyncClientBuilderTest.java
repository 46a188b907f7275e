package com.cdcappsync.upsert.appsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link AppSyncClientBuilder#build()} checks every option and reports all problems at once. */
class AppSyncClientBuilderTest {

    private static final URI ENDPOINT = URI.create("https://abc.appsync-api.eu-west-1.amazonaws.com/graphql");

    private static AppSyncClientBuilder valid() {
        return AppSyncClient.builder().endpoint(ENDPOINT).auth(AppSyncAuth.apiKey("da2-abcdefghijklmnop"));
    }

    @Test
    void build_missingEndpointAndAuth_reportsBothInOneException() {
        assertThatThrownBy(() -> AppSyncClient.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2 problems)")
                .hasMessageContaining("endpoint: required")
                .hasMessageContaining("auth: required")
                .hasMessageContaining("got null")
                .hasMessageContaining("Fix: call endpoint(URI)");
    }

    @Test
    void build_negativeOrZeroDurations_rejectedNamingOptionAndValue() {
        AppSyncClientBuilder builder = valid()
                .connectTimeout(Duration.ofSeconds(-1))
                .requestTimeout(Duration.ZERO)
                .baseBackoff(Duration.ofMillis(-5))
                .maxBackoff(Duration.ofSeconds(-2));

        assertThatThrownBy(builder::build)
                .hasMessageContaining("(4 problems)")
                .hasMessageContaining("connectTimeout: expected a duration greater than 0")
                .hasMessageContaining("got PT-1S")
                .hasMessageContaining("requestTimeout: expected a duration greater than 0")
                .hasMessageContaining("got PT0S")
                .hasMessageContaining("baseBackoff: expected a duration of 0 or more and at most PT15M, got PT-0.005S")
                .hasMessageContaining("maxBackoff: expected a duration of 0 or more and at most PT15M, got PT-2S");
    }

    @Test
    void build_durationsAboveLambdaMaximum_rejected() {
        assertThatThrownBy(valid().requestTimeout(Duration.ofMinutes(16))::build)
                .hasMessageContaining("requestTimeout")
                .hasMessageContaining("got PT16M");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 21})
    void build_maxAttemptsOutOfRange_rejected(int maxAttempts) {
        assertThatThrownBy(valid().maxAttempts(maxAttempts)::build)
                .hasMessageContaining("maxAttempts: expected 1 (no retry) to 20, got " + maxAttempts);
    }

    @Test
    void build_maxBackoffBelowBaseBackoff_rejected() {
        AppSyncClientBuilder builder = valid().baseBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1));

        assertThatThrownBy(builder::build)
                .hasMessageContaining("maxBackoff: expected at least baseBackoff (PT2S), got PT1S");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host/graphql", "graphql", "https:///graphql"})
    void build_endpointNotAbsoluteHttp_rejected(String endpoint) {
        assertThatThrownBy(valid().endpoint(URI.create(endpoint))::build)
                .hasMessageContaining("endpoint: expected an absolute http(s) URL");
    }

    @Test
    void build_endpointWithUserInfo_rejectedWithoutEchoingIt() {
        URI endpoint = URI.create("https://user:hunter2@abc.appsync-api.eu-west-1.amazonaws.com/graphql?k=v");

        assertThatThrownBy(valid().endpoint(endpoint)::build)
                .hasMessageContaining("without user info")
                .hasMessageContaining("got https://abc.appsync-api.eu-west-1.amazonaws.com/graphql.")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void build_userAgentWithLineBreak_rejected() {
        assertThatThrownBy(valid().userAgent("agent\r\nx-api-key: injected")::build)
                .hasMessageContaining("userAgent: expected a non-blank string of printable ASCII");
    }

    @Test
    void build_nullHooks_rejected() {
        AppSyncClientBuilder builder = valid().sleeper(null).random(null).clock(null).connectTimeout(null);

        assertThatThrownBy(builder::build)
                .hasMessageContaining("(4 problems)")
                .hasMessageContaining("sleeper: expected a Sleeper, got null")
                .hasMessageContaining("random: expected a thread-safe RandomGenerator, got null")
                .hasMessageContaining("clock: expected Clock.systemUTC(), got null")
                .hasMessageContaining("connectTimeout: expected a duration greater than 0");
    }

    @Test
    void build_validOptions_buildsClientWithoutSecretsInToString() {
        try (AppSyncClient client = valid().maxAttempts(1).baseBackoff(Duration.ZERO).build()) {
            assertThat(client.toString()).contains(ENDPOINT.toString()).doesNotContain("abcdefghijklmnop");
        }
    }

    @Test
    void defaults_matchDocumentedValues() {
        AppSyncClientBuilder defaults = AppSyncClient.builder();

        assertThat(defaults.endpoint).isNull();
        assertThat(defaults.auth).isNull();
        assertThat(defaults.connectTimeout).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.requestTimeout).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.maxAttempts).isEqualTo(5);
        assertThat(defaults.baseBackoff).isEqualTo(Duration.ofMillis(100));
        assertThat(defaults.maxBackoff).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.userAgent).startsWith("cdc-appsync/");
        assertThat(defaults.clock).isEqualTo(Clock.systemUTC());
        // SnapStart: a CSPRNG, which Lambda keeps unique per restored environment (snapstart-uniqueness).
        assertThat(defaults.random).isInstanceOf(SecureRandom.class);
    }

    @Test
    void versionFor_plainHttp_isHttp11_andHttps_isHttp2() {
        assertThat(DefaultAppSyncClient.versionFor(URI.create("http://127.0.0.1:20002/graphql")))
                .isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(DefaultAppSyncClient.versionFor(ENDPOINT)).isEqualTo(HttpClient.Version.HTTP_2);
    }

    @Test
    void hostHeader_defaultPortOmitted_otherPortKept() {
        assertThat(RequestSigner.hostHeader(ENDPOINT)).isEqualTo("abc.appsync-api.eu-west-1.amazonaws.com");
        assertThat(RequestSigner.hostHeader(URI.create("https://h:443/graphql"))).isEqualTo("h");
        assertThat(RequestSigner.hostHeader(URI.create("http://h:80/graphql"))).isEqualTo("h");
        assertThat(RequestSigner.hostHeader(URI.create("http://h:8443/graphql"))).isEqualTo("h:8443");
    }
}
