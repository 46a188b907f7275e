package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.cli.UsageException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher's command line alone (no stack started). */
class LauncherArgumentsTest {

    @Test
    void parse_severalProblems_reportsEveryOne() {
        assertThatThrownBy(() -> LauncherArguments.parse(new String[] {"--verfy", "--web-port", "70000",
                "--lambda-mode", "provisioned", "--no-replay", "--verify", "--timeout"}))
                .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.problems())
                        .hasSize(5)
                        .anySatisfy(p -> assertThat(p).isEqualTo("Unknown option: '--verfy'"))
                        .anySatisfy(p -> assertThat(p).startsWith("Missing required parameter for option '--timeout'"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("--web-port must be a number from 0 to 65535, "
                                + "got '70000'"))
                        .anySatisfy(p -> assertThat(p).startsWith("--lambda-mode: "))
                        .anySatisfy(p -> assertThat(p).startsWith("--no-replay cannot be combined")));
    }

    @Test
    void parse_simulatorApiKey_isTheKeyTheSimulatedApiAccepts() {
        LauncherArguments parsed = LauncherArguments.parse(new String[] {"--simulator-api-key", "da2-other",
                "--timeout", "45", "--verify"});

        assertThat(parsed.simulatorApiKey).isEqualTo("da2-other");
        assertThat(parsed.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(parsed.verify()).isTrue();
    }

    @Test
    void parse_apiKey_isNotAnOptionOfTheLauncher() {
        // --api-key is bin/cdc-appsync's: the key a client sends. One name, one meaning.
        assertThatThrownBy(() -> LauncherArguments.parse(new String[] {"--api-key", "k"}))
                .isInstanceOf(UsageException.class).hasMessageContaining("Unknown option");
    }

    @Test
    void usage_listsEveryOptionWithItsValue() {
        assertThat(LauncherArguments.usage()).startsWith("Usage: bin/local-stack [--verify]")
                .contains("--simulator-api-key KEY", "--function-memory MB", "heap = 85%", "-h, --help",
                        "--bind-host ADDRESS", "--trust-external-key ACCESS_KEY_ID",
                        TrustedExternalKey.SECRET_VARIABLE);
    }

    @Test
    void parse_bindHost_defaultLoopbackGivenAddressKept() {
        LocalStackOptions defaults = LauncherArguments.parse(new String[] {}).options(Map.of(), System.out);
        LocalStackOptions all = LauncherArguments.parse(new String[] {"--bind-host", "0.0.0.0"})
                .options(Map.of(), System.out);

        assertThat(defaults.bindHost().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(all.bindHost().isAnyLocalAddress()).isTrue();
    }

    @Test
    void parse_bindHostNotOfThisMachineOrAName_refusedWithTheReason() {
        assertThatThrownBy(() -> LauncherArguments.parse(new String[] {"--bind-host", "192.0.2.254"}))
                .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p).startsWith("--bind-host 192.0.2.254 is not an address of this "
                                + "machine")));
        assertThatThrownBy(() -> LauncherArguments.parse(new String[] {"--bind-host", "host.docker.internal"}))
                .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p).contains("host names are not accepted")));
    }

    @Test
    void parse_trustExternalKey_secretFromTheEnvironmentOnly() {
        LauncherArguments parsed = LauncherArguments.parse(new String[] {"--trust-external-key", "LKIAFUNCTION"});

        LocalStackOptions options = parsed.options(Map.of(TrustedExternalKey.SECRET_VARIABLE, "s3cret"), System.out);

        assertThat(options.trustedExternalKey()).isEqualTo(new TrustedExternalKey("LKIAFUNCTION", "s3cret"));
        assertThat(LauncherArguments.parse(new String[] {}).options(Map.of(), System.out).trustedExternalKey())
                .as("off by default").isNull();
        assertThatThrownBy(() -> parsed.options(Map.of(), System.out))
                .hasMessageContaining("needs its secret in the environment variable "
                        + TrustedExternalKey.SECRET_VARIABLE);
    }
}
