package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stack's options: only the builder makes them, so every instance is checked. */
class LocalStackOptionsTest {

    @Test
    void build_defaults_theFunctionAsDeployed() {
        LocalStackOptions options = LocalStackOptions.builder().build();

        assertThat(options.lambdaMode()).isEqualTo(LambdaMode.SNAPSTART);
        assertThat(options.functionTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(options.functionMemoryMb()).isEqualTo(1024);
        assertThat(options.invokePort()).isEqualTo(LocalStackOptions.DEFAULT_INVOKE_PORT);
    }

    @Test
    void build_functionTimeoutOverFifteenMinutes_rejectedNamingTheOption() {
        assertThatThrownBy(() -> LocalStackOptions.builder().functionTimeout(Duration.ofMinutes(16)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("function timeout must be 1 s to 15 min")
                .hasMessageContaining("--function-timeout");
    }

    @Test
    void build_functionMemoryBelowLambdasMinimum_rejectedNamingTheOption() {
        assertThatThrownBy(() -> LocalStackOptions.builder().functionMemoryMb(64).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("128 to 10240 MB").hasMessageContaining("--function-memory");
    }

    @Test
    void toBuilder_changeOneOption_keepsTheOthers() {
        LocalStackOptions options = LocalStackOptions.builder().ephemeralPorts().apiKey("da2-other")
                .handlerEnvironment(Map.of("PUBLISH_COALESCE", "false")).build();

        LocalStackOptions plain = options.toBuilder().lambdaMode(LambdaMode.PLAIN).build();

        assertThat(plain.lambdaMode()).isEqualTo(LambdaMode.PLAIN);
        assertThat(plain.apiKey()).isEqualTo("da2-other");
        assertThat(plain.dynamoDbPort()).isZero();
        assertThat(plain.handlerEnvironment()).containsEntry("PUBLISH_COALESCE", "false");
        assertThat(plain.layout()).isEqualTo(options.layout());
    }

    @Test
    void parse_lambdaMode_caseInsensitiveAndUnknownNamed() {
        assertThat(LambdaMode.parse("SnapStart")).isEqualTo(LambdaMode.SNAPSTART);
        assertThatThrownBy(() -> LambdaMode.parse("on-demand"))
                .hasMessage("lambda mode must be one of snapstart, plain, got 'on-demand'");
    }
}
