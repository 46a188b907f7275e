package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request the Lambda API refuses, answered as Lambda answers it: the status, the {@code x-amzn-ErrorType} header
 * and the JSON body {@code {"Type": "User", "Message": ...}} (Lambda's REST-JSON error shape, e.g.
 * {@code {"Message": "User: ... is not authorized to perform: lambda:InvokeFunction ..."}} as users quote it).
 * Statuses and types: the Invoke API reference (docs.aws.amazon.com/lambda/latest/api/API_Invoke.html, "Errors") and
 * Lambda's common errors (docs.aws.amazon.com/lambda/latest/api/CommonErrors.html: AccessDeniedException 403,
 * ExpiredTokenException 403, IncompleteSignature 403, UnrecognizedClientException 403).
 *
 * @param status the HTTP status
 * @param errorType Lambda's error type, also sent as {@code x-amzn-ErrorType}
 * @param message the message, AWS's wording where AWS's is known
 */
record LambdaRefusal(int status, String errorType, String message) {

    /**
     * A SigV4 refusal ({@link SigV4Verifier}): the common signature errors are the same status, type and message for
     * every AWS service; only the body's shape is Lambda's here.
     */
    static LambdaRefusal of(AppSyncRefusal signatureRefusal) {
        return new LambdaRefusal(signatureRefusal.status(), signatureRefusal.errorType(), signatureRefusal.message());
    }

    /** No {@code Authorization} header at all: AWS's JSON services answer 403 "Missing Authentication Token". */
    static LambdaRefusal missingAuthenticationToken() {
        return new LambdaRefusal(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    /** IAM found no statement allowing {@code action} on {@code resource} for the caller. */
    static LambdaRefusal accessDenied(CredentialsAuthority.Role caller, String action, String resource) {
        return new LambdaRefusal(403, "AccessDeniedException", "User: " + caller.sessionArn()
                + " is not authorized to perform: " + action + " on resource: " + resource
                + " because no identity-based policy allows the " + action + " action");
    }

    /** No such function, version or alias. */
    static LambdaRefusal notFound(String resource, String localReason) {
        return new LambdaRefusal(404, "ResourceNotFoundException", "Function not found: " + resource
                + (localReason == null ? "" : " (local stack: " + localReason + ")"));
    }

    static LambdaRefusal invalidParameter(String message) {
        return new LambdaRefusal(400, "InvalidParameterValueException", message);
    }

    static LambdaRefusal tooLarge(int limit) {
        return new LambdaRefusal(413, "RequestTooLargeException", "Request must be smaller than " + limit
                + " bytes for the InvokeFunction operation");
    }

    /** The response body. */
    byte[] body(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsBytes(mapper.createObjectNode().put("Type", "User").put("Message", message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error document: " + e.getMessage(), e);
        }
    }
}
