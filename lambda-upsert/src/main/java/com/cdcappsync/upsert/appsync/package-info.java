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
 * <p>Public: the client interface, its builder ({@link com.cdcappsync.upsert.appsync.AppSyncClientBuilder}: every
 * option, default and limit), {@link com.cdcappsync.upsert.appsync.AppSyncAuth}, the request, response and error
 * values and the exception. Package-private classes are the implementation: the retry loop
 * ({@code DefaultAppSyncClient}, with the JDK/simulator HTTP quirk), signing ({@code RequestSigner}, with the
 * SDK's default credentials chain and the JDK restricted-header quirk), backoff with jitter ({@code Backoff}),
 * the wire format and answer classification ({@code GraphQlWire}) and the error texts ({@code FailureMessages}).
 */
package com.cdcappsync.upsert.appsync;
