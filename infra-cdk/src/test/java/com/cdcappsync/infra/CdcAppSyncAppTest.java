package com.cdcappsync.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.infra.config.InfraConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdcAppSyncAppTest {

    @Test
    void requireLambdaJar_missing_namesTheBuildCommand(@TempDir Path dir) {
        assertThatThrownBy(() -> CdcAppSyncApp.requireLambdaJar(dir.resolve("lambda-upsert.jar")))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("The Lambda jar is missing")
                .hasMessageContaining("lambda-upsert.jar does not exist; build it from the repository root with "
                        + "./mvnw -B -pl lambda-upsert package")
                .hasMessageContaining("-c lambdaJar=PATH");
    }

    @Test
    void requireLambdaJar_present_returnsIt(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("lambda-upsert.jar"), "PK");

        assertThat(CdcAppSyncApp.requireLambdaJar(jar)).isEqualTo(jar);
    }

    @Test
    void defaultLambdaJar_isWhereTheLambdaBuildPutsIt() throws IOException {
        String lambdaPom = Files.readString(SynthesizedStack.REPOSITORY_ROOT.resolve("lambda-upsert/pom.xml"));

        assertThat(CdcAppSyncApp.DEFAULT_LAMBDA_JAR).isEqualTo(Path.of("lambda-upsert/target/lambda-upsert.jar"));
        assertThat(lambdaPom).contains("<finalName>lambda-upsert</finalName>");
    }

    @Test
    void cdkJson_app_runsTheLauncherWithTelemetryAndNoticesOff() throws IOException {
        var cdkJson = SynthesizedStack.MAPPER.readTree(Files.readString(Path.of("cdk.json")));

        assertThat(cdkJson.path("app").asText()).isEqualTo("sh cdk-app.sh");
        assertThat(cdkJson.path("notices").asBoolean(true)).isFalse();
        assertThat(cdkJson.path("context").path("cli-telemetry").asBoolean(true)).isFalse();
        assertThat(Files.readString(Path.of("cdk-app.sh"))).contains(CdcAppSyncApp.class.getName());
    }
}
