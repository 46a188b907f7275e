package com.cdcappsync.apimanifest;

import java.util.List;

/**
 * One {@code tables} entry of {@code graphql-schema/api.json}: a GraphQL type stored in its own DynamoDB table.
 * Every key but {@code indexes} is required (see {@link ApiManifest} for why {@code ttlAttribute} is).
 *
 * @param type the GraphQL type, e.g. {@code Product}
 * @param dataSource the AppSync data source name its resolvers use, e.g. {@code ProductTable}; the local stack
 *                   also names its DynamoDB Local table so
 * @param partitionKey the table's partition key attribute (a string), e.g. {@code id}
 * @param ttlAttribute the tombstone expiry attribute DynamoDB TTL reads (epoch seconds), e.g. {@code expiresAt}
 * @param indexes its global secondary indexes, possibly none
 */
public record TableSpec(String type, String dataSource, String partitionKey, String ttlAttribute,
                        List<IndexSpec> indexes) {

    /** Copies the index list. */
    public TableSpec {
        indexes = List.copyOf(indexes);
    }

    /** A table without secondary indexes. */
    public TableSpec(String type, String dataSource, String partitionKey, String ttlAttribute) {
        this(type, dataSource, partitionKey, ttlAttribute, List.of());
    }
}
