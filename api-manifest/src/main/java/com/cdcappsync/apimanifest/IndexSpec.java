package com.cdcappsync.apimanifest;

/**
 * One {@code indexes} entry of an {@code api.json} table: a global secondary index on one string attribute,
 * projecting every attribute, so that a resolver can {@code Query} a table by something other than its id (the
 * variants of a product, say) instead of scanning it. CDK and the local stack create it from this one entry.
 *
 * @param name the index name a resolver's {@code "index"} names, e.g. {@code byProduct}
 * @param partitionKey the attribute it is keyed by (a string), e.g. {@code productId}
 */
public record IndexSpec(String name, String partitionKey) {
}
