package com.cdcappsync.upsert.appsync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * Turns one HTTP exchange into an {@link AttemptOutcome}.
 *
 * <ul>
 *   <li>2xx with a GraphQL JSON body: answered, unless every error is throttling (then retryable).
 *   <li>2xx with an empty, non-JSON or non-GraphQL body: failed, not retryable.
 *   <li>408, 429, 5xx: failed, retryable.
 *   <li>any other status (400, 401, 403, 404, 3xx...): failed, not retryable.
 *   <li>{@link IOException} (refused, reset, dropped, timed out): failed, retryable.
 * </ul>
 */
final class ResponseClassifier {

    private final GraphQlJson json;
    private final AppSyncClientOptions options;

    ResponseClassifier(GraphQlJson json, AppSyncClientOptions options) {
        this.json = json;
        this.options = options;
    }

    AttemptOutcome classify(int status, byte[] body) {
        ObjectNode root = json.readObject(body);
        if (status >= 200 && status < 300) {
            return answered(status, body, root);
        }
        boolean retryable = status == 408 || status == 429 || (status >= 500 && status < 600);
        List<GraphQlError> errors = GraphQlJson.errors(root);
        String hint = FailureMessages.forStatus(status);
        if (root == null && body != null && body.length > 0) {
            hint += " Body: " + GraphQlJson.snippet(body);
        }
        return new AttemptOutcome.Failed(status, errors, retryable, hint, null);
    }

    AttemptOutcome transportFailure(IOException failure) {
        return new AttemptOutcome.Failed(AppSyncException.NO_RESPONSE, List.of(), true,
                FailureMessages.forTransport(failure, options), failure);
    }

    private static AttemptOutcome answered(int status, byte[] body, ObjectNode root) {
        if (root == null || !GraphQlJson.isGraphQlResponse(root)) {
            return new AttemptOutcome.Failed(status, List.of(), false, FailureMessages.forInvalidBody(body), null);
        }
        List<GraphQlError> errors = GraphQlJson.errors(root);
        if (!errors.isEmpty() && errors.stream().allMatch(GraphQlError::isThrottling)) {
            return new AttemptOutcome.Failed(status, errors, true, FailureMessages.forThrottledErrors(), null);
        }
        return new AttemptOutcome.Answered(status, root.get("data"), errors);
    }
}
