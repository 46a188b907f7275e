package com.cdcappsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PipelineMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws InterruptedException {
        return PipelineMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void run_help_printsUsageAndExitsZero() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--postgres-url=URL").contains("--sink=KEY=VALUE");
    }

    @Test
    void run_unknownOption_exitsTwoNamingIt() throws Exception {
        assertThat(run("--bogus", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("local-pipeline: Unknown options: '--bogus', '1'")
                .contains("Usage: bin/local-pipeline");
    }

    @Test
    void run_functionTimeoutOutsideLambdasRange_exitsTwo() throws Exception {
        assertThat(run("--function-timeout", "901")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--function-timeout must be 1 to 900 seconds (Lambda's range), got 901");
    }

    @Test
    void options_functionTimeout_reachesTheStack() {
        assertThat(PipelineArguments.parse("--function-timeout", "8").options().stack().functionTimeout())
                .isEqualTo(java.time.Duration.ofSeconds(8));
    }

    @Test
    void options_bindHost_reachesTheStackAndAForeignAddressIsRefused() throws Exception {
        assertThat(PipelineArguments.parse("--bind-host", "0.0.0.0").options().stack().bindHost()
                .isAnyLocalAddress()).isTrue();
        assertThat(PipelineArguments.parse().options().stack().bindHost().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(run("--bind-host", "192.0.2.254")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bind-host 192.0.2.254 is not an address of "
                + "this machine");
    }

    @Test
    void run_badPort_exitsTwoWithTheRange() throws Exception {
        assertThat(run("--kafka-port", "70000")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--kafka-port must be a port, 0 to 65535, got 70000");
    }

    @Test
    void run_severalProblems_reportsThemAllAtOnce() throws Exception {
        assertThat(run("--kafka-port", "70000", "--sink", "batch", "--colour", "red")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--kafka-port must be a port")
                .contains("--sink must be KEY=VALUE, got batch").contains("--colour");
    }

    @Test
    void run_sourceWithoutEquals_exitsTwoAskingForKeyValue() throws Exception {
        assertThat(run("--source", "poll.interval.ms")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--source must be KEY=VALUE");
    }

    @Test
    void run_apiDirWithoutManifestAndMissingMapping_exitsTwoNamingBoth() throws Exception {
        assertThat(run("--api-dir", "/nonexistent-api", "--mapping", "/nonexistent-mapping.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--api-dir /nonexistent-api: no api.json there")
                .contains("--mapping /nonexistent-mapping.json: no such file");
    }

    /** Issue 19 item 8: bin/local-pipeline never echoes a password, however malformed the URL. */
    @Test
    void run_malformedPostgresUrlWithPassword_neverPrintsIt() throws Exception {
        String secret = "Hunter2-main";

        assertThat(run("--postgres-url", "postgres://debezium:" + secret + "@db:5432/odoo")).isEqualTo(2);
        assertThat(run("--postgres-url", "postgresql://debezium:" + secret + "@db:5432/")).isEqualTo(2);
        assertThat(run("--postgres-ur=postgresql://debezium:" + secret + "@db/odoo")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--postgres-url: expected postgresql://USER@HOST")
                .contains("debezium:***@db").doesNotContain(secret);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(secret);
    }

    @Test
    void options_toString_masksThePasswordInTheUrl() {
        PipelineOptions options = PipelineOptions.builder().postgresUrl("postgresql://u:Hunter2-options@db/odoo")
                .build();

        assertThat(options.toString()).contains("postgresUrl=postgresql://u:***@db/odoo")
                .doesNotContain("Hunter2-options");
    }
}
