package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.cli.UsageException;
import java.time.Duration;
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
                .contains("--simulator-api-key KEY", "--function-memory MB", "heap = 85%", "-h, --help");
    }
}
