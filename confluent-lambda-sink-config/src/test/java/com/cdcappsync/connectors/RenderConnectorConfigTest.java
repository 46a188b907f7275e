package com.cdcappsync.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command: stack outputs in, ready-to-POST configs out, and clear errors naming the key and the fix. */
class RenderConnectorConfigTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void run_devOutputs_writesBothDefaultConfigsWithAliasArnAndRegion() {
        int status = run("--outputs", Configs.DEV_OUTPUTS.toString(), "--out", dir.toString());

        assertThat(status).isZero();
        assertThat(dir.resolve("lambda-sink-platform.json")).exists();
        assertThat(dir.resolve("debezium-odoo-source.json")).exists();
        assertThat(dir.resolve("lambda-sink-cloud.json")).doesNotExist();
        JsonNode sink = Fixtures.read(dir.resolve("lambda-sink-platform.json"));
        assertThat(sink.get("name").asText()).isEqualTo("cdc-appsync-lambda-sink");
        assertThat(sink.at("/config/aws.lambda.function.name").asText()).isEqualTo(Configs.DEV_ALIAS_ARN);
        assertThat(sink.at("/config/aws.lambda.region").asText()).isEqualTo(Configs.DEV_REGION);
        assertThat(text(out)).contains("wrote ", "lambda-sink-platform.json");
    }

    @Test
    void run_cloudWithParameters_carriesAliasArnAndRegion() {
        int status = run("--outputs", Configs.DEV_OUTPUTS.toString(), "--connector", "lambda-sink-cloud",
                "--set", "ProviderIntegrationId=cspi-abc123", "--set", "KafkaServiceAccountId=sa-abc123",
                "--out", dir.toString());

        assertThat(status).isZero();
        JsonNode sink = Fixtures.read(dir.resolve("lambda-sink-cloud.json"));
        assertThat(sink.at("/config/aws.lambda.function.name").asText()).isEqualTo(Configs.DEV_ALIAS_ARN);
        assertThat(sink.at("/config/aws.lambda.region").asText()).isEqualTo(Configs.DEV_REGION);
    }

    @Test
    void run_outputMissingFunctionAliasArn_namesTheKeyAndTheFix() throws IOException {
        Path outputs = write("{\"CdcAppSync-dev\": {\"Region\": \"eu-west-1\", \"GraphQlUrl\": \"https://x\"}}");

        int status = run("--outputs", outputs.toString(), "--out", dir.resolve("out").toString());

        assertThat(status).isEqualTo(2);
        assertThat(text(err)).contains("has no output FunctionAliasArn", "cdk deploy CdcAppSync-dev --outputs-file");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void run_noOutputsFile_sinkAsksForIt() {
        int status = run("--connector", "lambda-sink-platform", "--out", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(text(err)).contains("FunctionAliasArn comes from the stack outputs: pass --outputs FILE");
    }

    @Test
    void run_sourceOnly_needsNoOutputsFile() {
        assertThat(run("--connector", "debezium-odoo-source", "--set", "ReplicationFactor=1", "--out",
                dir.toString())).isZero();
        assertThat(Fixtures.read(dir.resolve("debezium-odoo-source.json"))
                .at("/config/topic.creation.default.replication.factor").asText()).isEqualTo("1");
    }

    @Test
    void run_missingOutputsFile_saysHowToWriteIt() {
        assertThat(run("--outputs", dir.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(text(err)).contains("no outputs file at", "cdk deploy --outputs-file");
    }

    @Test
    void run_severalStacks_asksWhichOne() throws IOException {
        Path outputs = write("{\"CdcAppSync-dev\": {}, \"CdcAppSync-prod\": {}}");

        assertThat(run("--outputs", outputs.toString())).isEqualTo(2);
        assertThat(text(err)).contains("several stacks", "--stack CdcAppSync-dev");
    }

    @Test
    void run_unqualifiedFunctionArn_rejectedWithExpectedForm() throws IOException {
        Path outputs = write("{\"CdcAppSync-dev\": {\"Region\": \"eu-west-1\", \"FunctionAliasArn\": "
                + "\"arn:aws:lambda:eu-west-1:123456789012:function:Upsert\"}}");

        assertThat(run("--outputs", outputs.toString(), "--out", dir.toString())).isEqualTo(2);
        assertThat(text(err)).contains("FunctionAliasArn is 'arn:aws:lambda:eu-west-1:123456789012:function:Upsert'",
                "function:NAME:ALIAS");
    }

    @Test
    void run_aliasInAnotherRegion_rejected() throws IOException {
        Path outputs = write("{\"CdcAppSync-dev\": {\"Region\": \"us-east-1\", \"FunctionAliasArn\": "
                + "\"arn:aws:lambda:eu-west-1:123456789012:function:Upsert:live\"}}");

        assertThat(run("--outputs", outputs.toString(), "--out", dir.toString())).isEqualTo(2);
        assertThat(text(err)).contains("is in eu-west-1 but the stack's Region output is us-east-1");
    }

    @Test
    void run_cloudWithoutProviderIntegration_namesTheParameter() {
        assertThat(run("--outputs", Configs.DEV_OUTPUTS.toString(), "--connector", "lambda-sink-cloud",
                "--set", "KafkaServiceAccountId=sa-abc123", "--out", dir.toString())).isEqualTo(2);
        assertThat(text(err)).contains("ProviderIntegrationId has no default: pass --set ProviderIntegrationId=");
    }

    @Test
    void run_setUnknownOrStackOutput_rejected() {
        assertThat(run("--set", "BatchSize=100")).isEqualTo(2);
        assertThat(text(err)).contains("no such parameter", "ReplicationFactor");

        assertThat(run("--set", "FunctionAliasArn=arn:aws:lambda:eu-west-1:1:function:x:y")).isEqualTo(2);
        assertThat(text(err)).contains("is a stack output");
    }

    @Test
    void run_severalBadOptions_reportsEveryOneThenTheUsage() {
        assertThat(run("--frobnicate", "--connector", "nope", "--set", "NoEquals", "--out")).isEqualTo(2);

        assertThat(text(err)).contains("render-connector-config: Unknown option: '--frobnicate'",
                "render-connector-config: --connector nope: no such connector",
                "render-connector-config: --set NoEquals: write it as Name=Value",
                "render-connector-config: Missing required parameter for option '--out'",
                "Usage: bin/render-connector-config");
    }

    @Test
    void run_help_printsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(text(out)).contains("Usage: bin/render-connector-config", "--outputs FILE");
    }

    @Test
    void render_unknownPlaceholder_rejected() throws IOException {
        JsonNode template = Fixtures.MAPPER.readTree("{\"config\": {\"x\": \"{{NoSuchThing}}\"}}");
        TemplateRenderer renderer = new TemplateRenderer(new PlaceholderValues(null, java.util.Map.of())::resolve);

        assertThatThrownBy(() -> renderer.render(template, "t.json")).isInstanceOf(RenderException.class)
                .hasMessageContaining("t.json /config/x: the template uses {{NoSuchThing}}");
    }

    @Test
    void render_malformedPlaceholder_rejected() throws IOException {
        JsonNode template = Fixtures.MAPPER.readTree("{\"config\": {\"x\": \"{{Topic Prefix}}\"}}");
        TemplateRenderer renderer = new TemplateRenderer(key -> "v");

        assertThatThrownBy(() -> renderer.render(template, "t.json")).isInstanceOf(RenderException.class)
                .hasMessageContaining("malformed placeholder");
    }

    @Test
    void render_configProviderSyntax_isNotAPlaceholder() throws IOException {
        JsonNode template = Fixtures.MAPPER.readTree(
                "{\"a\": \"${file:/s/p.properties:password}\", \"b\": \"${env:DB_PASSWORD}\"}");

        assertThat(new TemplateRenderer(key -> "v").render(template, "t.json")).isEqualTo(template);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return RenderConnectorConfig.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "outputs", ".json"), json);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
