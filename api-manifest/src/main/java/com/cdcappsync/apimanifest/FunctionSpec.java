package com.cdcappsync.apimanifest;

/**
 * One {@code functions} entry of {@code graphql-schema/api.json}: an AppSync pipeline function (a VTL request and
 * response template run against one data source), which pipeline resolvers name in order.
 *
 * @param name the function's name, unique, e.g. {@code parentProduct}
 * @param dataSource the data source it runs against (a {@link TableSpec#dataSource()})
 * @param request the request mapping template, relative to {@code graphql-schema/}
 * @param response the response mapping template, relative to {@code graphql-schema/}
 */
public record FunctionSpec(String name, String dataSource, String request, String response) {
}
