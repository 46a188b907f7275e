package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void build_apiDirAndMapping_defaultsAreTheRepositorysAndTheMappingBecomesMappingPath(@TempDir Path dir)
            throws Exception {
        Path mapping = Files.writeString(dir.resolve("mapping.json"), "{}");
        LocalStackOptions defaults = LocalStackOptions.builder().build();
        LocalStackOptions given = LocalStackOptions.builder().mapping(mapping).build();

        assertThat(defaults.apiDir()).isEqualTo(defaults.layout().schemaDir());
        assertThat(defaults.mapping()).isEmpty();
        assertThat(given.handlerEnvironment()).containsEntry("MAPPING_PATH", mapping.toAbsolutePath().toString());
        assertThat(given.mapping()).contains(mapping.toAbsolutePath());
        assertThat(given.toBuilder().build().mapping()).as("toBuilder keeps it").contains(mapping.toAbsolutePath());
    }

    @Test
    void build_twoMappingsOrAnApiDirWithoutManifest_rejectedNamingTheFix(@TempDir Path dir) throws Exception {
        Path mapping = Files.writeString(dir.resolve("mapping.json"), "{}");

        assertThatThrownBy(() -> LocalStackOptions.builder().mapping(mapping)
                .handlerEnvironment(Map.of("MAPPING_PATH", "/elsewhere.json")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two mapping files given")
                .hasMessageContaining("pass only one");
        assertThatThrownBy(() -> LocalStackOptions.builder().mapping(dir.resolve("missing.json")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> LocalStackOptions.builder().apiDir(dir).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no api.json");
    }

    @Test
    void parse_lambdaMode_caseInsensitiveAndUnknownNamed() {
        assertThat(LambdaMode.parse("SnapStart")).isEqualTo(LambdaMode.SNAPSTART);
        assertThatThrownBy(() -> LambdaMode.parse("on-demand"))
                .hasMessage("lambda mode must be one of snapstart, plain, got 'on-demand'");
    }
}
