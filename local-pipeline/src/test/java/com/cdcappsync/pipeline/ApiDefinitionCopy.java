package com.cdcappsync.pipeline;

import com.cdcappsync.localstack.RepositoryLayout;
import com.cdcappsync.scaffold.ScaffoldCli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the API definition (graphql-schema/: schema.graphql, api.json, resolvers/) and of the packaged mapping
 * in a folder of the test's own, edited as a user edits the repository's files before a deployment. The
 * repository's files are never written.
 */
final class ApiDefinitionCopy {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path apiDir;
    private final Path mapping;

    private ApiDefinitionCopy(Path apiDir, Path mapping) {
        this.apiDir = apiDir;
        this.mapping = mapping;
    }

    /** Copies the repository's API definition and packaged mapping into {@code into}. */
    static ApiDefinitionCopy of(RepositoryLayout layout, Path into) throws IOException {
        Path api = into.resolve("graphql-schema");
        try (Stream<Path> files = Files.walk(layout.schemaDir())) {
            for (Path file : files.toList()) {
                Files.copy(file, api.resolve(layout.schemaDir().relativize(file).toString()));
            }
        }
        Path mapping = into.resolve("odoo-products.json");
        Files.copy(layout.root().resolve("lambda-upsert/src/main/resources/mappings/odoo-products.json"), mapping);
        return new ApiDefinitionCopy(api, mapping);
    }

    Path apiDir() {
        return apiDir;
    }

    Path mapping() {
        return mapping;
    }

    /**
     * What {@code bin/cdc-appsync scaffold --dry-run --table TABLE=Type} prints for these copies, checking that it
     * succeeded and wrote nothing.
     */
    String scaffoldDryRun(String jdbcUrl, String table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path schema = apiDir.resolve("schema.graphql");
        String before = Files.readString(schema) + Files.readString(mapping);
        int status = ScaffoldCli.run(new String[] {"--jdbc-url", jdbcUrl, "--table", table, "--dry-run",
            "--mapping", mapping.toString(), "--schema-file", schema.toString(), "--api-file",
            apiDir.resolve("api.json").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        if (status != 0 || !before.equals(Files.readString(schema) + Files.readString(mapping))) {
            throw new AssertionError("scaffold --dry-run exited " + status + " or wrote files: " + out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Runs {@code bin/cdc-appsync scaffold --table TABLE=Type} on these copies; what it printed. */
    String scaffold(String jdbcUrl, String table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ScaffoldCli.run(new String[] {"--jdbc-url", jdbcUrl, "--table", table,
            "--mapping", mapping.toString(), "--schema-file", apiDir.resolve("schema.graphql").toString(),
            "--api-file", apiDir.resolve("api.json").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new AssertionError("scaffold exited " + status + ": " + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The resolver templates' text (step 2 of the runbook: do they list fields?). */
    List<String> resolverTemplates() throws IOException {
        try (Stream<Path> files = Files.list(apiDir.resolve("resolvers"))) {
            return files.map(ApiDefinitionCopy::read).toList();
        }
    }

    /**
     * Step 1: adds {@code field} (e.g. {@code websiteMetaTitle: String}) to the block that opens with
     * {@code header} (e.g. {@code type Product @aws_api_key @aws_iam}, {@code input ProductInput}).
     */
    void addToSchema(String header, String field) throws IOException {
        Path schema = apiDir.resolve("schema.graphql");
        String text = Files.readString(schema);
        String opening = header + " {\n";
        int at = text.indexOf(opening);
        if (at < 0) {
            throw new IllegalArgumentException("no block '" + header + "' in " + schema);
        }
        int insert = at + opening.length();
        Files.writeString(schema, text.substring(0, insert) + "  " + field + "\n" + text.substring(insert));
    }

    /** Step 4: a copy of {@code from} with {@code field} added to the fields of {@code table}'s entry. */
    static String mappingWithField(String from, String table, String field, ObjectNode spec) throws IOException {
        ObjectNode root = (ObjectNode) MAPPER.readTree(from);
        for (JsonNode entry : root.get("tables")) {
            if (entry.path("table").asText().equals(table)) {
                ((ObjectNode) entry.get("fields")).set(field, spec);
                return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            }
        }
        throw new IllegalArgumentException("no entry for table " + table + " in the mapping");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
