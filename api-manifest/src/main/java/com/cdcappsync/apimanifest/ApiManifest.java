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
import java.util.Optional;
import java.util.Set;

/**
 * {@code graphql-schema/api.json}: the tables and resolvers that infra-cdk deploys and the local stack runs, read
 * by this one reader so that both agree. A new table needs an entry there, not Java.
 *
 * <p>Rules (also in api.json's {@code description}):
 * <ul>
 *   <li>every key of a {@code tables} entry is required, {@code ttlAttribute} included: the delete resolver keeps
 *       a tombstone with an expiry time instead of removing the item, and without DynamoDB TTL on that attribute
 *       tombstones would pile up forever;</li>
 *   <li>types, data sources and resolved fields are unique; a resolver names a declared data source and template
 *       files inside the schema folder that exist;</li>
 *   <li>keys other than those read here (such as {@code description}) are ignored.</li>
 * </ul>
 * The {@code Mutation} fields with a resolver are what the function is granted ({@link #mutationFields()}): CDK's
 * IAM grant and the local stack's IAM check both come from that list.
 *
 * @param tables one per stored GraphQL type, in file order
 * @param resolvers one per resolved field, in file order
 */
public record ApiManifest(List<TableSpec> tables, List<ResolverSpec> resolvers) {

    /** The manifest's file name inside the schema folder. */
    public static final String FILE_NAME = "api.json";

    /** Copies the lists. */
    public ApiManifest {
        tables = List.copyOf(tables);
        resolvers = List.copyOf(resolvers);
    }

    /**
     * Reads and checks {@code api.json} in the given folder.
     *
     * @param schemaDir the {@code graphql-schema/} folder
     * @return the manifest
     * @throws ApiManifestException listing every problem, each with the fix
     */
    public static ApiManifest load(Path schemaDir) {
        Path file = schemaDir.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ApiManifestException("Cannot read " + file, List.of("not valid JSON: " + e.getOriginalMessage()
                    + line + "; fix the file"));
        } catch (IOException e) {
            throw new ApiManifestException("Cannot read " + file, List.of(e + "; expected graphql-schema/"
                    + FILE_NAME + " of this repository: check the path and that the file is readable"));
        }
        List<String> problems = new ArrayList<>();
        List<TableSpec> tables = new ArrayList<>();
        for (JsonNode node : array(root, "tables", problems)) {
            String where = "tables[" + tables.size() + "]";
            tables.add(new TableSpec(text(node, "type", where, problems), text(node, "dataSource", where, problems),
                    text(node, "partitionKey", where, problems), text(node, "ttlAttribute", where, problems)));
        }
        List<ResolverSpec> resolvers = new ArrayList<>();
        for (JsonNode node : array(root, "resolvers", problems)) {
            String where = "resolvers[" + resolvers.size() + "]";
            resolvers.add(new ResolverSpec(text(node, "typeName", where, problems),
                    text(node, "fieldName", where, problems), text(node, "dataSource", where, problems),
                    text(node, "request", where, problems), text(node, "response", where, problems)));
        }
        if (problems.isEmpty()) {
            checkConsistency(schemaDir, tables, resolvers, problems);
        }
        if (!problems.isEmpty()) {
            throw new ApiManifestException("Invalid " + file, problems);
        }
        return new ApiManifest(tables, resolvers);
    }

    /** @return the table a data source name stands for, if declared */
    public Optional<TableSpec> tableOf(String dataSource) {
        return tables.stream().filter(t -> t.dataSource().equals(dataSource)).findFirst();
    }

    /**
     * @return the table that stores {@code type}, e.g. {@code Product} → {@code ProductTable}
     * @throws IllegalArgumentException naming the declared types when none stores it
     */
    public TableSpec tableOfType(String type) {
        return tables.stream().filter(t -> t.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("api.json has no table for type " + type
                        + "; it declares " + tables.stream().map(TableSpec::type).toList()));
    }

    /**
     * The function's grant: the {@code Mutation} fields with a resolver, in file order. CDK grants
     * {@code appsync:GraphQL} on exactly these ({@code types/Mutation/fields/<name>}), and the local stack refuses
     * an IAM request for any other top-level field.
     *
     * @return the field names
     */
    public List<String> mutationFields() {
        return resolvers.stream().filter(r -> r.typeName().equals("Mutation")).map(ResolverSpec::fieldName)
                .toList();
    }

    private static void checkConsistency(Path dir, List<TableSpec> tables, List<ResolverSpec> resolvers,
                                         List<String> problems) {
        Set<String> types = new HashSet<>();
        Set<String> dataSources = new HashSet<>();
        for (TableSpec table : tables) {
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
        }
        if (tables.isEmpty()) {
            problems.add("tables: no entry; declare one per stored type: {\"type\", \"dataSource\", "
                    + "\"partitionKey\", \"ttlAttribute\"}");
        }
        Set<String> fields = new HashSet<>();
        for (ResolverSpec resolver : resolvers) {
            if (!fields.add(resolver.qualifiedField())) {
                problems.add("resolvers: " + resolver.qualifiedField() + " has two resolvers; keep one");
            }
            if (!dataSources.contains(resolver.dataSource())) {
                problems.add("resolvers: " + resolver.qualifiedField() + " uses dataSource " + resolver.dataSource()
                        + ", which no tables entry declares (declared: " + String.join(", ", dataSources.stream()
                        .sorted().toList()) + "); add the table or fix the name");
            }
            checkTemplate(dir, resolver, resolver.request(), problems);
            checkTemplate(dir, resolver, resolver.response(), problems);
        }
    }

    private static void checkTemplate(Path dir, ResolverSpec resolver, String relative, List<String> problems) {
        Path base = dir.toAbsolutePath().normalize();
        Path file = base.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !file.startsWith(base)) {
            problems.add("resolvers: " + resolver.qualifiedField() + " names " + relative + ", outside the schema "
                    + "folder; give a path relative to it, such as resolvers/get.request.vtl");
        } else if (!Files.isRegularFile(file)) {
            problems.add("resolvers: " + resolver.qualifiedField() + " names " + relative + ", but " + file
                    + " does not exist; add the template or fix the path");
        }
    }

    private static List<JsonNode> array(JsonNode root, String key, List<String> problems) {
        JsonNode node = root.path(key);
        if (!node.isArray()) {
            problems.add("the top-level key \"" + key + "\" must be an array of objects; add it");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    private static String text(JsonNode node, String key, String where, List<String> problems) {
        JsonNode value = node.path(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(where + ": \"" + key + "\" must be a non-empty string; add it");
            return "";
        }
        return value.asText();
    }
}
