package com.cdcappsync.pipeline;

import com.cdcappsync.connectors.RenderConnectorConfig;
import com.cdcappsync.connectors.RenderOptions;
import com.cdcappsync.localstack.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Renders the shipped connector templates with {@code bin/render-connector-config}'s renderer, as a user does
 * (README of confluent-lambda-sink-config, "Render and register"), writes the secrets their {@code ${file:...}}
 * references read, and registers them through Kafka Connect's REST API. Two changes to the rendered sink, and
 * only these: the connector class (this project's stand-in for Confluent's, which cannot be downloaded) and the
 * endpoint override (the local Invoke API); plus the caller's overrides.
 */
final class Connectors {

    private final ConnectRest rest;
    private final Path dir;
    private final PipelineOptions options;
    private final Consumer<String> progress;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Path> files = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    Connectors(ConnectRest rest, Path dir, PipelineOptions options, Consumer<String> progress) {
        this.rest = rest;
        this.dir = dir;
        this.options = options;
        this.progress = progress;
    }

    void register(Database database, String bootstrap, LocalStack stack) {
        Path secrets = writeSecrets(database);
        Path outputs = writeStackOutputs(stack);
        Path out = dir.resolve("connector-configs");
        files.addAll(RenderConnectorConfig.render(RenderOptions.parse("--outputs", outputs.toString(),
                "--connector", "debezium-odoo-source", "--connector", "lambda-sink-platform",
                "--set", "ReplicationFactor=1", "--set", "SecretsDir=" + secrets,
                "--set", "KafkaBootstrapServers=" + bootstrap, "--out", out.toString())));
        JsonNode source = read(files.get(0));
        JsonNode sink = read(files.get(1));
        ObjectNode sourceConfig = ((ObjectNode) source.get("config").deepCopy());
        options.sourceOverrides().forEach(sourceConfig::put);
        ObjectNode sinkConfig = ((ObjectNode) sink.get("config").deepCopy());
        sinkConfig.put("connector.class", LocalPipeline.SINK_CLASS);
        sinkConfig.put("aws.lambda.endpoint.override", stack.invokeEndpoint().toString());
        options.sinkOverrides().forEach(sinkConfig::put);
        put(source.get("name").asText(), sourceConfig);
        put(sink.get("name").asText(), sinkConfig);
    }

    private void put(String name, ObjectNode config) {
        progress.accept("registering connector " + name + " (" + config.get("connector.class").asText() + ") ...");
        rest.putConfig(name, config);
        rest.awaitRunning(name, options.startupTimeout());
        names.add(name);
        progress.accept("connector " + name + " RUNNING");
    }

    /**
     * The files the templates' {@code ${file:SecretsDir/...}} references read, as a secret store would write: in a
     * folder only this user may enter (the work folder itself is open to PostgreSQL's system user), each file 0600.
     */
    private Path writeSecrets(Database database) {
        Path secrets = dir.resolve("secrets");
        try {
            Files.createDirectories(secrets);
            Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwx------"));
            writeSecret(secrets.resolve("odoo-postgres.properties"), String.join("\n",
                    "host=" + database.host(), "port=" + database.port(), "dbname=" + database.database(),
                    "user=" + database.debeziumUser(), "password=" + database.debeziumPassword(),
                    "sslmode=disable", ""));
            writeSecret(secrets.resolve("confluent-license.properties"), "license=\n");
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the connector secrets in " + secrets, e);
        }
    }

    private static void writeSecret(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    /** What {@code cdk deploy --outputs-file} would write for a stack whose function is the local one. */
    private Path writeStackOutputs(LocalStack stack) {
        Path outputs = dir.resolve("cdk-outputs.json");
        String arn = stack.functionAliasArn();
        ObjectNode file = mapper.createObjectNode();
        file.putObject("CdcAppSync-local").put("FunctionAliasArn", arn).put("Region", LocalStack.REGION);
        try {
            Files.writeString(outputs, file.toString());
            return outputs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outputs, e);
        }
    }

    private JsonNode read(Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rendered " + file, e);
        }
    }

    List<Path> files() {
        return List.copyOf(files);
    }

    /** A FAILED connector or task, or null. */
    String problem() {
        for (String name : names) {
            ConnectRest.Answer answer = rest.get("/connectors/" + name + "/status");
            if (answer.status() == 200) {
                String failure = ConnectRest.failure(rest.parse(answer.body()));
                if (failure != null) {
                    String first = failure.lines().findFirst().orElse(failure);
                    return "connector " + name + " FAILED: " + first + System.lineSeparator() + "  restart it: curl -X "
                            + "POST '" + rest.base() + "connectors/" + name
                            + "/restart?includeTasks=true&onlyFailed=true'";
                }
            }
        }
        return null;
    }

}
