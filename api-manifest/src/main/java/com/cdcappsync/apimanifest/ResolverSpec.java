package com.cdcappsync.apimanifest;

/**
 * One {@code resolvers} entry of {@code graphql-schema/api.json}: a unit VTL resolver.
 *
 * @param typeName the GraphQL type, e.g. {@code Mutation}
 * @param fieldName the field, e.g. {@code upsertProduct}
 * @param dataSource the data source it runs against (a {@link TableSpec#dataSource()})
 * @param request the request mapping template, relative to {@code graphql-schema/}
 * @param response the response mapping template, relative to {@code graphql-schema/}
 */
public record ResolverSpec(String typeName, String fieldName, String dataSource, String request, String response) {

    /** @return {@code Type.field}, as error messages and construct ids name it */
    public String qualifiedField() {
        return typeName + "." + fieldName;
    }
}
