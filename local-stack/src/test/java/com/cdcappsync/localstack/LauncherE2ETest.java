package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job, {@code bin/local-stack --verify}, as its main class runs it: start the stack, subscribe,
 * replay the bundled sample, and exit 0 only after printing every change the subscriber received.
 */
class LauncherE2ETest {

    private static final String[] FREE_PORTS = {"--dynamodb-port", "0", "--graphql-port", "0", "--invoke-port", "0",
        "--web-port", "0"};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws InterruptedException {
        LocalStackMain main = new LocalStackMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return main.run(args, false);
    }

    private static String[] withFreePorts(String... args) {
        String[] all = new String[args.length + FREE_PORTS.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(FREE_PORTS, 0, all, args.length, FREE_PORTS.length);
        return all;
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_verifyOnTheBundledSample_exits0AfterPrintingEveryChangeReceived() throws Exception {
        int status = run(withFreePorts("--verify"));

        assertThat(status).as("stdout:%n%s%nstderr:%n%s", output(), err).isZero();
        assertThat(output())
                .contains("GraphQL URL", "real-time URL", "API key", "invoke URL")
                .containsPattern("live page       http://127\\.0\\.0\\.1:\\d+/  \\(open it in a browser; run "
                        + "without --verify to keep it up\\)")
                .contains("12 record(s): {applied=4, ignored=1, stale=7}")
                .contains("received onUpsertProduct Product#1 v26481632")
                .contains("received onDeleteProduct Product#2 v26481976")
                .contains("received onDeleteProduct Product#3 v26482800")
                .contains("received onUpsertProduct Product#4 v26483328")
                .contains("verified: the subscriber received all 4 applied change(s)")
                .contains("function        cdc-appsync-upsert  (snapstart mode")
                .containsPattern("the function ran in snapstart mode; container credentials fetched [1-9]\\d* time")
                .contains("local stack stopped");
    }

    @Test
    void run_verifyWithAReplayTheFunctionRejects_exits1NamingTheError(@TempDir Path dir) throws Exception {
        Path replay = Files.writeString(dir.resolve("sqs.json"), "{\"Records\":[{\"body\":\"not a Kafka record\"}]}");

        int status = run(withFreePorts("--verify", "--replay", replay.toString()));

        assertThat(status).isEqualTo(1);
        assertThat(output()).contains("the function failed").contains("X-Amz-Function-Error: Unhandled")
                .contains("InputShapeException").doesNotContain("verified:");
    }

    @Test
    void run_unknownArgument_exits2WithTheUsage() throws Exception {
        int status = run("--verfy");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("local-stack: Unknown option: '--verfy'")
                .contains("Usage: bin/local-stack");
    }

    @Test
    void run_unknownLambdaMode_exits2NamingTheModes() throws Exception {
        int status = run("--lambda-mode", "provisioned");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--lambda-mode: lambda mode must be one of "
                + "snapstart, plain, got 'provisioned'");
    }

    @Test
    void run_functionTimeoutOutOfLambdasRange_exits2() throws Exception {
        assertThat(run("--function-timeout", "901")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--function-timeout must be a number from 1 to 900");
    }

    @Test
    void run_noReplayWithVerify_exits2() throws Exception {
        assertThat(run("--no-replay", "--verify")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--no-replay cannot be combined");
    }
}
