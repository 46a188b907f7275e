package com.cdcappsync.apimanifest;

/**
 * One {@code tables} entry of {@code graphql-schema/api.json}: a GraphQL type stored in its own DynamoDB table.
 * Every key is required (see {@link ApiManifest} for why {@code ttlAttribute} is).
 *
 * @param type the GraphQL type, e.g. {@code Product}
 * @param dataSource the AppSync data source name its resolvers use, e.g. {@code ProductTable}; the local stack
 *                   also names its DynamoDB Local table so
 * @param partitionKey the table's partition key attribute (a string), e.g. {@code id}
 * @param ttlAttribute the tombstone expiry attribute DynamoDB TTL reads (epoch seconds), e.g. {@code expiresAt}
 */
public record TableSpec(String type, String dataSource, String partitionKey, String ttlAttribute) {
}
