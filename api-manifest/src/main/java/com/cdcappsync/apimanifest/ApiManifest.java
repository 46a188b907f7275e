package com.cdcappsync.apimanifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code graphql-schema/api.json}: the tables, pipeline functions and resolvers that infra-cdk deploys and the local
 * stack runs, read by this one reader so that both agree. A new table needs an entry there, not Java.
 *
 * <p>Rules (also in api.json's {@code description}):
 * <ul>
 *   <li>every key of a {@code tables} entry is required, {@code ttlAttribute} included: the delete resolver keeps
 *       a tombstone with an expiry time instead of removing the item, and without DynamoDB TTL on that attribute
 *       tombstones would pile up forever; {@code indexes} (global secondary indexes) is optional;</li>
 *   <li>types, data sources, index names within a table, function names and resolved fields are unique; a unit
 *       resolver names a declared data source, a pipeline resolver ({@code "pipeline": [...]}) names declared
 *       functions and no data source; every template file named exists inside the schema folder;</li>
 *   <li>keys other than those read here (such as {@code description}) are ignored.</li>
 * </ul>
 * The {@code Mutation} fields with a resolver are what the function is granted ({@link #mutationFields()}): CDK's
 * IAM grant and the local stack's IAM check both come from that list.
 *
 * @param tables one per stored GraphQL type, in file order
 * @param functions the pipeline functions, in file order
 * @param resolvers one per resolved field, in file order
 */
public record ApiManifest(List<TableSpec> tables, List<FunctionSpec> functions, List<ResolverSpec> resolvers) {

    /** The manifest's file name inside the schema folder. */
    public static final String FILE_NAME = "api.json";

    /** Copies the lists. */
    public ApiManifest {
        tables = List.copyOf(tables);
        functions = List.copyOf(functions);
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
        return ManifestReader.read(schemaDir);
    }

    /** @return the table a data source name stands for, if declared */
    public Optional<TableSpec> tableOf(String dataSource) {
        return tables.stream().filter(t -> t.dataSource().equals(dataSource)).findFirst();
    }

    /** @return the pipeline function of that name, if declared */
    public Optional<FunctionSpec> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
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
}
