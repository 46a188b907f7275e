package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/web-config}: the live page's config.json for a deployed API, from the file {@code cdk deploy
 * --outputs-file} writes. Its output has the very keys and values the local stack serves at {@code /config.json}.
 * Runs the script with Node.js, which the local stack needs anyway.
 */
class WebConfigScriptTest {

    private static final String GRAPHQL = "https://abc123.appsync-api.eu-west-1.amazonaws.com/graphql";
    private static final String REALTIME = "wss://abc123.appsync-realtime-api.eu-west-1.amazonaws.com/graphql";
    private static final String OUTPUTS = """
            {"CdcAppSync-prod": {"GraphQlUrl": "%s", "RealtimeUrl": "%s", "ApiKeyId": "da2-prodkey", "ApiId": "abc123",
              "Region": "eu-west-1"},
             "CDKToolkit": {"BucketName": "x"}}""".formatted(GRAPHQL, REALTIME);

    @TempDir
    Path dir;
    private final ObjectMapper mapper = new ObjectMapper();

    private record Run(int status, String out, String err) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        Path script = RepositoryLayout.locate(null).root().resolve("bin/web-config");
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("bin/web-config finished").isTrue();
        return new Run(process.exitValue(), out, Files.readString(dir.resolve("stderr.txt")));
    }

    private Path outputs(String json) throws IOException {
        return Files.writeString(dir.resolve("cdk-outputs.json"), json);
    }

    @Test
    void onlyCdcAppSyncStack_printsTheConfigTheLocalStackServesForItsOwnEndpoints() throws Exception {
        Run run = run(outputs(OUTPUTS).toString());

        assertThat(run.status()).as(run.err()).isZero();
        byte[] local = new LivePageServer.PageConfig(URI.create(GRAPHQL), URI.create(REALTIME), "da2-prodkey",
                RealtimeAuth.SUBPROTOCOL)
                .toJson(mapper);
        assertThat(mapper.readTree(run.out())).isEqualTo(mapper.readTree(local));
    }

    @Test
    void stageAndOut_writesTheFile() throws Exception {
        Path config = dir.resolve("site/config.json");

        Run run = run(outputs(OUTPUTS).toString(), "--stage", "prod", "--out", config.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("wrote " + config + " for stack CdcAppSync-prod");
        assertThat(mapper.readTree(config.toFile()).get("apiKey").asText()).isEqualTo("da2-prodkey");
    }

    @Test
    void noWebsiteId_writesWebsite1() throws Exception {
        Run run = run(outputs(OUTPUTS).toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(mapper.readTree(run.out()).get("websiteId").asText()).isEqualTo("1");
    }

    @Test
    void websiteId_isWrittenAsTheLocalStackWritesIt() throws Exception {
        Run run = run(outputs(OUTPUTS).toString(), "--website-id", "2");

        assertThat(run.status()).as(run.err()).isZero();
        byte[] local = new LivePageServer.PageConfig(URI.create(GRAPHQL), URI.create(REALTIME), "da2-prodkey",
                RealtimeAuth.SUBPROTOCOL, "2")
                .toJson(mapper);
        assertThat(mapper.readTree(run.out())).isEqualTo(mapper.readTree(local));
    }

    @Test
    void websiteIdNotAPositiveInteger_exits2NamingIt() throws Exception {
        for (String bad : List.of("0", "-1", "one", "1.5", "")) {
            Run run = run(outputs(OUTPUTS).toString(), "--website-id", bad);

            assertThat(run.status()).as(bad).isEqualTo(2);
            assertThat(run.err()).as(bad).contains("--website-id");
        }
    }

    @Test
    void unknownStage_exits2NamingTheStacksFound() throws Exception {
        Run run = run(outputs(OUTPUTS).toString(), "--stage", "dev");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("has no stack CdcAppSync-dev").contains("CdcAppSync-prod, CDKToolkit");
    }

    @Test
    void severalStacksWithoutStage_exits2AskingForIt() throws Exception {
        Run run = run(outputs("{\"CdcAppSync-dev\": {}, \"CdcAppSync-prod\": {}}").toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("several CdcAppSync stacks").contains("pass --stage STAGE");
    }

    @Test
    void missingOutput_exits2NamingIt() throws Exception {
        Run run = run(outputs("{\"CdcAppSync-dev\": {\"GraphQlUrl\": \"" + GRAPHQL + "\"}}").toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("lacks RealtimeUrl, ApiKeyId");
    }

    @Test
    void missingFile_exits2WithTheCdkCommand() throws Exception {
        Run run = run(dir.resolve("nope.json").toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read").contains("--outputs-file");
    }
}
