package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables that {@code graphql-schema/api.json} declares: one DynamoDB table per data source, with the
 * partition key and TTL attribute the CDK stack gives it. The local stack names each table after its data
 * source ({@code ProductTable}); the simulator's data sources use the same names.
 *
 * @param tables the declared tables, in file order; never empty
 */
public record ApiManifest(List<Table> tables) {

    /**
     * One table.
     *
     * @param type         the GraphQL type stored in it, e.g. {@code Product}
     * @param dataSource   the AppSync data source name, also the local table name, e.g. {@code ProductTable}
     * @param partitionKey the partition key attribute (a string), e.g. {@code id}
     * @param ttlAttribute the attribute DynamoDB TTL reads (epoch seconds), e.g. {@code expiresAt}; may be null
     */
    public record Table(String type, String dataSource, String partitionKey, String ttlAttribute) {
    }

    /** Copies the list. */
    public ApiManifest {
        tables = List.copyOf(tables);
    }

    /**
     * Reads {@code api.json}.
     *
     * @throws IllegalArgumentException naming the file and what is missing, when the manifest is incomplete
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ApiManifest read(Path apiJson, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(Files.readAllBytes(apiJson));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API manifest " + apiJson + ": " + e.getMessage()
                    + "; expected graphql-schema/api.json of this repository", e);
        }
        List<Table> tables = new ArrayList<>();
        for (JsonNode t : root.path("tables")) {
            tables.add(new Table(required(t, "type", apiJson), required(t, "dataSource", apiJson),
                    required(t, "partitionKey", apiJson), t.hasNonNull("ttlAttribute") ? t.get("ttlAttribute").asText()
                    : null));
        }
        if (tables.isEmpty()) {
            throw new IllegalArgumentException(apiJson + " declares no \"tables\"; expected one entry per data "
                    + "source: {\"type\", \"dataSource\", \"partitionKey\", \"ttlAttribute\"}");
        }
        return new ApiManifest(tables);
    }

    private static String required(JsonNode table, String field, Path file) {
        JsonNode value = table.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": a \"tables\" entry has no \"" + field + "\" (got " + table
                    + "); every table needs type, dataSource and partitionKey");
        }
        return value.asText();
    }

    /** The table that stores {@code type}, e.g. {@code Product} → {@code ProductTable}. */
    public Table tableOf(String type) {
        return tables.stream().filter(t -> t.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("api.json has no table for type " + type
                        + "; it declares " + tables.stream().map(Table::type).toList()));
    }
}
