package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request AppSync refuses before running any resolver, answered as AppSync answers it: the status, the
 * {@code x-amzn-ErrorType} header and {@code {"errors":[{"errorType":..,"message":..}]}}. Shapes and messages
 * follow AppSync's own answers (see the local-stack README, "SigV4 and IAM, checked"):
 * <ul>
 *   <li>401 {@code UnauthorizedException} "Valid authorization header not provided."
 *       (aws-amplify/amplify-js#4373);</li>
 *   <li>403 {@code InvalidSignatureException} for a bad or expired signature (amplify-js#2422, AWS's SigV4
 *       messages);</li>
 *   <li>403 {@code UnrecognizedClientException} / {@code ExpiredTokenException} for unknown or expired
 *       credentials;</li>
 *   <li>400 {@code MalformedHttpRequestException} for an empty or unparsable body (graphql/graphql-over-http#81,
 *       written by the AppSync team);</li>
 *   <li>429 {@code TooManyRequestsException} when throttling ({@link AppSyncFaults}): AWS does not document the
 *       data plane's throttling answer; this is the status and type AWS services answer a throttled request with
 *       (AppSync's own control plane: "Too Many Requests (Service: AppSync, Status Code: 429)", quoted in
 *       aws-amplify/amplify-cli#14100), and the handler treats a throttling {@code errorType} in a 200 answer the
 *       same way (lambda-upsert's {@code GraphQlError.isThrottling}).</li>
 * </ul>
 *
 * @param status the HTTP status
 * @param errorType AppSync's {@code errorType}, also sent as {@code x-amzn-ErrorType}
 * @param message the message, AWS's wording where AWS's is known
 */
record AppSyncRefusal(int status, String errorType, String message) {

    static AppSyncRefusal unauthorized(String message) {
        return new AppSyncRefusal(401, "UnauthorizedException", message);
    }

    static AppSyncRefusal incompleteSignature(String message) {
        return new AppSyncRefusal(403, "IncompleteSignatureException", message);
    }

    static AppSyncRefusal invalidSignature(String message) {
        return new AppSyncRefusal(403, "InvalidSignatureException", message);
    }

    static AppSyncRefusal unrecognizedClient(String localReason) {
        return new AppSyncRefusal(403, "UnrecognizedClientException",
                "The security token included in the request is invalid. (local stack: " + localReason + ")");
    }

    static AppSyncRefusal expiredToken() {
        return new AppSyncRefusal(403, "ExpiredTokenException",
                "The security token included in the request is expired");
    }

    static AppSyncRefusal malformed(String message) {
        return new AppSyncRefusal(400, "MalformedHttpRequestException", message);
    }

    static AppSyncRefusal throttled() {
        return new AppSyncRefusal(429, "TooManyRequestsException",
                "Rate exceeded (local stack: throttle-appsync is on; thaw-appsync ends it)");
    }

    /** The response body. */
    byte[] body(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.putArray("errors").addObject().put("errorType", errorType).put("message", message);
        try {
            return mapper.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error document: " + e.getMessage(), e);
        }
    }
}
