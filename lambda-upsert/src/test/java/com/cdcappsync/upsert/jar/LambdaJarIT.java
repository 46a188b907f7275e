package com.cdcappsync.upsert.jar;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.testing.ChildJvm;
import com.cdcappsync.upsert.testing.ContainerCredentialsServer;
import com.cdcappsync.upsert.testing.RecordingAppSyncServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployable jar ({@code lambda-upsert.jar}, shaded and minimised) signs with the SDK's default credentials
 * chain: with the container credentials Lambda gives SnapStart functions, and with a clear error when the chain
 * finds nothing. Run by Failsafe after {@code package}, in a child JVM whose environment holds only what the test
 * sets, so the minimised jar proves it kept every class the chain loads.
 */
class LambdaJarIT {

    private static final Path JAR = Path.of(System.getProperty("lambda.jar", "target/lambda-upsert.jar"));
    private static final Path SAMPLE = Path.of("samples/odoo-product-changes.json");

    private final ContainerCredentialsServer credentials = new ContainerCredentialsServer("token-1", "AKIDCONTAINER");
    private final RecordingAppSyncServer appSync = new RecordingAppSyncServer();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        credentials.close();
        appSync.close();
    }

    private record Result(int exit, String out, String err) {
    }

    private Result runCli(Map<String, String> env) throws Exception {
        Process process = ChildJvm.builder(home.resolve("home"), env, JAR.toString(), List.of(),
                        "com.cdcappsync.upsert.cli.UpsertCli",
                        List.of("--endpoint", appSync.url().toString(), "--region", "us-east-1"))
                .redirectInput(SAMPLE.toFile())
                .redirectOutput(home.resolve("out.txt").toFile())
                .redirectError(home.resolve("err.txt").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(home.resolve("out.txt")),
                Files.readString(home.resolve("err.txt")));
    }

    @Test
    void cli_containerCredentials_everyMutationSignedWithThem() throws Exception {
        Result result = runCli(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", credentials.uri().toString(),
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token-1"));

        assertThat(result.exit()).as("%s%n%s", result.out(), result.err()).isZero();
        assertThat(result.err()).doesNotContain("SLF4J");
        assertThat(appSync.requests()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDCONTAINER/")
                    .contains("/us-east-1/appsync/aws4_request");
            assertThat(r.securityToken()).isEqualTo("session-of-AKIDCONTAINER");
        });
        // Fetched once and cached by the SDK (the answer expires in 2099).
        assertThat(credentials.tokensSeen()).containsExactly("token-1");
    }

    @Test
    void cli_noCredentialsAnywhere_failsNamingWhatTheChainLookedAtAndTheFix() throws Exception {
        Result result = runCli(Map.of());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(appSync.requests()).isEmpty();
        assertThat(result.out() + result.err()).contains("found no AWS credentials",
                "SystemPropertyCredentialsProvider", "EnvironmentVariableCredentialsProvider",
                "ProfileCredentialsProvider", "ContainerCredentialsProvider", "Fix:",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_ACCESS_KEY_ID");
    }
}
