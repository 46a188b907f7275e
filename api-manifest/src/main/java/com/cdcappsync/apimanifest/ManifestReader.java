package com.cdcappsync.apimanifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses and checks {@code api.json} for {@link ApiManifest#load(Path)}: every problem found, then one exception. */
final class ManifestReader {

    private final Path dir;
    private final List<String> problems = new ArrayList<>();

    private ManifestReader(Path dir) {
        this.dir = dir;
    }

    static ApiManifest read(Path schemaDir) {
        Path file = schemaDir.resolve(ApiManifest.FILE_NAME);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ApiManifestException("Cannot read " + file, List.of("not valid JSON: " + e.getOriginalMessage()
                    + line + "; fix the file"));
        } catch (IOException e) {
            throw new ApiManifestException("Cannot read " + file, List.of(e + "; expected graphql-schema/"
                    + ApiManifest.FILE_NAME + " of this repository: check the path and that the file is readable"));
        }
        ManifestReader reader = new ManifestReader(schemaDir);
        ApiManifest manifest = reader.parse(root);
        if (reader.problems.isEmpty()) {
            reader.checkConsistency(manifest);
        }
        if (!reader.problems.isEmpty()) {
            throw new ApiManifestException("Invalid " + file, reader.problems);
        }
        return manifest;
    }

    private ApiManifest parse(JsonNode root) {
        List<TableSpec> tables = new ArrayList<>();
        for (JsonNode node : array(root, "tables", true)) {
            String where = "tables[" + tables.size() + "]";
            List<IndexSpec> indexes = new ArrayList<>();
            for (JsonNode index : array(node, "indexes", false)) {
                String at = where + ".indexes[" + indexes.size() + "]";
                indexes.add(new IndexSpec(text(index, "name", at), text(index, "partitionKey", at)));
            }
            tables.add(new TableSpec(text(node, "type", where), text(node, "dataSource", where),
                    text(node, "partitionKey", where), text(node, "ttlAttribute", where), indexes));
        }
        List<FunctionSpec> functions = new ArrayList<>();
        for (JsonNode node : array(root, "functions", false)) {
            String where = "functions[" + functions.size() + "]";
            functions.add(new FunctionSpec(text(node, "name", where), text(node, "dataSource", where),
                    text(node, "request", where), text(node, "response", where)));
        }
        List<ResolverSpec> resolvers = new ArrayList<>();
        for (JsonNode node : array(root, "resolvers", true)) {
            resolvers.add(resolver(node, "resolvers[" + resolvers.size() + "]"));
        }
        return new ApiManifest(tables, functions, resolvers);
    }

    private ResolverSpec resolver(JsonNode node, String where) {
        String type = text(node, "typeName", where);
        String field = text(node, "fieldName", where);
        String request = text(node, "request", where);
        String response = text(node, "response", where);
        if (!node.has("pipeline")) {
            return new ResolverSpec(type, field, text(node, "dataSource", where), request, response);
        }
        List<String> pipeline = new ArrayList<>();
        for (JsonNode name : array(node, "pipeline", true)) {
            if (!name.isTextual() || name.asText().isBlank()) {
                problems.add(where + ": \"pipeline\" must list function names (strings); fix " + name);
            } else {
                pipeline.add(name.asText());
            }
        }
        if (pipeline.isEmpty()) {
            problems.add(where + ": \"pipeline\" is empty; name the functions it runs, or make it a unit resolver "
                    + "with a \"dataSource\"");
        }
        if (node.has("dataSource")) {
            problems.add(where + ": a pipeline resolver has no \"dataSource\" (its functions have theirs); remove it");
        }
        return new ResolverSpec(type, field, null, request, response, pipeline);
    }

    private void checkConsistency(ApiManifest manifest) {
        Set<String> types = new HashSet<>();
        Set<String> dataSources = new HashSet<>();
        for (TableSpec table : manifest.tables()) {
            if (!types.add(table.type())) {
                problems.add("tables: type " + table.type() + " is declared twice; keep one entry");
            }
            if (!dataSources.add(table.dataSource())) {
                problems.add("tables: dataSource " + table.dataSource() + " is declared twice; give each table "
                        + "its own");
            }
            if (table.ttlAttribute().equals(table.partitionKey())) {
                problems.add("tables: " + table.type() + " has ttlAttribute " + table.ttlAttribute() + ", its "
                        + "partition key; name the tombstone expiry attribute the delete resolver writes (expiresAt)");
            }
            Set<String> indexNames = new HashSet<>();
            table.indexes().stream().filter(i -> !indexNames.add(i.name())).forEach(i -> problems.add("tables: "
                    + table.type() + " declares index " + i.name() + " twice; keep one"));
        }
        if (manifest.tables().isEmpty()) {
            problems.add("tables: no entry; declare one per stored type: {\"type\", \"dataSource\", "
                    + "\"partitionKey\", \"ttlAttribute\"}");
        }
        Set<String> functionNames = new HashSet<>();
        for (FunctionSpec function : manifest.functions()) {
            String what = "functions: " + function.name();
            if (!functionNames.add(function.name())) {
                problems.add(what + " is declared twice; keep one");
            }
            checkDataSource(what, function.dataSource(), dataSources);
            checkTemplate(what, function.request());
            checkTemplate(what, function.response());
        }
        Set<String> fields = new HashSet<>();
        for (ResolverSpec resolver : manifest.resolvers()) {
            String what = "resolvers: " + resolver.qualifiedField();
            if (!fields.add(resolver.qualifiedField())) {
                problems.add(what + " has two resolvers; keep one");
            }
            if (resolver.isPipeline()) {
                resolver.pipeline().stream().filter(name -> !functionNames.contains(name)).forEach(name ->
                        problems.add(what + " runs function " + name + ", which no \"functions\" entry declares; "
                                + "add it or fix the name"));
            } else {
                checkDataSource(what, resolver.dataSource(), dataSources);
            }
            checkTemplate(what, resolver.request());
            checkTemplate(what, resolver.response());
        }
    }

    private void checkDataSource(String what, String dataSource, Set<String> declared) {
        if (!declared.contains(dataSource)) {
            problems.add(what + " uses dataSource " + dataSource + ", which no tables entry declares (declared: "
                    + String.join(", ", declared.stream().sorted().toList()) + "); add the table or fix the name");
        }
    }

    private void checkTemplate(String what, String relative) {
        Path base = dir.toAbsolutePath().normalize();
        Path file = base.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !file.startsWith(base)) {
            problems.add(what + " names " + relative + ", outside the schema folder; give a path relative to it, "
                    + "such as resolvers/get.request.vtl");
        } else if (!Files.isRegularFile(file)) {
            problems.add(what + " names " + relative + ", but " + file + " does not exist; add the template or fix "
                    + "the path");
        }
    }

    private List<JsonNode> array(JsonNode root, String key, boolean required) {
        JsonNode node = root.path(key);
        if (node.isMissingNode() && !required) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add("the key \"" + key + "\" must be an array; " + (required ? "add it" : "fix or remove it"));
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    private String text(JsonNode node, String key, String where) {
        JsonNode value = node.path(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(where + ": \"" + key + "\" must be a non-empty string; add it");
            return "";
        }
        return value.asText();
    }
}
