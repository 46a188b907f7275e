/**
 * The AppSync data-plane client: one GraphQL request in, one {@link com.cdcappsync.upsert.appsync.GraphQlResponse}
 * out, with SigV4 or API-key auth and capped exponential backoff with full jitter.
 *
 * <p>Entry point: {@link com.cdcappsync.upsert.appsync.AppSyncClient#builder()}. Failures that the caller
 * cannot act on per record (transport, HTTP status, unparseable body, exhausted retries) are thrown as
 * {@link com.cdcappsync.upsert.appsync.AppSyncException}; GraphQL field errors such as a failed version
 * guard ({@code DynamoDB:ConditionalCheckFailedException}) are returned in
 * {@link com.cdcappsync.upsert.appsync.GraphQlResponse#errors()} for the caller to classify.
 *
 * <p>Package-private classes are the implementation; each JDK or simulator quirk lives in its own
 * class whose Javadoc says why ({@code HttpClientFactory}, {@code RestrictedHeaders},
 * {@code ThreadLocalJitter}).
 */
package com.cdcappsync.upsert.appsync;
