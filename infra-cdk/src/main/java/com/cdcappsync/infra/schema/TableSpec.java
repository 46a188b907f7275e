package com.cdcappsync.infra.schema;

/**
 * One {@code tables} entry of {@code graphql-schema/api.json}: a GraphQL type stored in its own DynamoDB table.
 *
 * @param type the GraphQL type, e.g. {@code Product}
 * @param dataSource the AppSync data source name its resolvers use, e.g. {@code ProductTable}
 * @param partitionKey the table's partition key attribute (a string), e.g. {@code id}
 * @param ttlAttribute the tombstone expiry attribute DynamoDB TTL reads, e.g. {@code expiresAt}
 */
public record TableSpec(String type, String dataSource, String partitionKey, String ttlAttribute) {
}
