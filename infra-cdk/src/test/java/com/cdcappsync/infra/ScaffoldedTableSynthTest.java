package com.cdcappsync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.infra.schema.GraphqlSources;
import com.cdcappsync.scaffold.ScaffoldCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table added by {@code bin/cdc-appsync scaffold} alone synthesizes: its DynamoDB table, its resolvers and the
 * function's grant on its mutations come from api.json with no Java change. The table is scaffolded from a real
 * Debezium event with schemas (the fixtures' schemas-precise insert, renamed to a table the stack lacks) into a
 * copy of graphql-schema/.
 */
class ScaffoldedTableSynthTest {

    @Test
    void synth_tableAddedByTheScaffold_getsItsTableResolversAndGrant(@TempDir Path workDir) throws Exception {
        Path schemaDir = copySchemaDir(workDir.resolve("graphql-schema"));
        Path mapping = workDir.resolve("mapping.json");
        Files.copy(SynthesizedStack.REPOSITORY_ROOT.resolve(
                "lambda-upsert/src/main/resources/mappings/odoo-products.json"), mapping);
        Path event = workDir.resolve("event.json");
        Files.writeString(event, tagEvent().toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ScaffoldCli.run(new String[] {"--event", event.toString(), "--table", "product_tag=ProductTag",
            "--schema-file", schemaDir.resolve("schema.graphql").toString(), "--api-file",
            schemaDir.resolve("api.json").toString(), "--mapping", mapping.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        SynthesizedStack synth = SynthesizedStack.synthesize(workDir.resolve("synth"), Map.of(), schemaDir);
        synth.template().hasResourceProperties("AWS::DynamoDB::Table",
                Map.of("TableName", "cdc-appsync-dev-ProductTag"));
        for (String[] field : new String[][] {{"Query", "getProductTag"}, {"Query", "listProductTags"},
            {"Mutation", "upsertProductTag"}, {"Mutation", "deleteProductTag"}}) {
            synth.template().hasResourceProperties("AWS::AppSync::Resolver",
                    Map.of("TypeName", field[0], "FieldName", field[1]));
        }
        assertThat(synth.json().path("Resources").toString())
                .contains("/types/Mutation/fields/upsertProductTag", "/types/Mutation/fields/deleteProductTag");
    }

    private static JsonNode tagEvent() throws Exception {
        JsonNode all = SynthesizedStack.MAPPER.readTree(SynthesizedStack.REPOSITORY_ROOT.resolve(
                "lambda-upsert/src/test/resources/fixtures/debezium/schemas-precise/confluent-object.json").toFile());
        ObjectNode record = (ObjectNode) all.get(4).deepCopy();
        ((ObjectNode) record.path("payload").path("value").path("payload").path("source")).put("table", "product_tag");
        return record;
    }

    private static Path copySchemaDir(Path target) throws Exception {
        Path source = SynthesizedStack.SCHEMA_DIR;
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        assertThat(GraphqlSources.load(target).manifest().tables()).isNotEmpty();
        return target;
    }
}
