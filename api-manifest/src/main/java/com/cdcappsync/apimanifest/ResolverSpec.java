package com.cdcappsync.apimanifest;

import java.util.List;

/**
 * One {@code resolvers} entry of {@code graphql-schema/api.json}: a VTL unit resolver on one data source, or a
 * pipeline resolver that runs the named {@link FunctionSpec functions} in order between its own request ("before")
 * and response ("after") templates, which is how one field reads two tables (a variant and its product).
 *
 * @param typeName the GraphQL type, e.g. {@code Mutation}
 * @param fieldName the field, e.g. {@code upsertProduct}
 * @param dataSource the data source a unit resolver runs against (a {@link TableSpec#dataSource()}); null for a
 *                   pipeline resolver
 * @param request the request (pipeline: before) mapping template, relative to {@code graphql-schema/}
 * @param response the response (pipeline: after) mapping template, relative to {@code graphql-schema/}
 * @param pipeline the functions a pipeline resolver runs, in order; empty for a unit resolver
 */
public record ResolverSpec(String typeName, String fieldName, String dataSource, String request, String response,
                           List<String> pipeline) {

    /** Copies the function list. */
    public ResolverSpec {
        pipeline = List.copyOf(pipeline);
    }

    /** A unit resolver. */
    public ResolverSpec(String typeName, String fieldName, String dataSource, String request, String response) {
        this(typeName, fieldName, dataSource, request, response, List.of());
    }

    /** @return true for a pipeline resolver */
    public boolean isPipeline() {
        return !pipeline.isEmpty();
    }

    /** @return {@code Type.field}, as error messages and construct ids name it */
    public String qualifiedField() {
        return typeName + "." + fieldName;
    }
}
