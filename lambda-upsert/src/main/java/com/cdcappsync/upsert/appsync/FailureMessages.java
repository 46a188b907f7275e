package com.cdcappsync.upsert.appsync;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The texts of {@link AppSyncException}: what happened and what to check. Never includes keys,
 * tokens, signatures or request variables.
 */
final class FailureMessages {

    private static final int ERROR_MESSAGE_CHARS = 300;
    private static final int MAX_CAUSE_DEPTH = 8;

    private FailureMessages() {
    }

    /** The endpoint without user info, query or fragment, which may hold secrets: scheme, host, port, path. */
    static String redacted(URI endpoint) {
        if (endpoint == null) {
            return "null";
        }
        if (endpoint.getHost() == null) {
            return endpoint.getScheme() == null ? "<relative URL>" : endpoint.getScheme() + ":<no host>";
        }
        String port = endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort();
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        return endpoint.getScheme() + "://" + endpoint.getHost() + port + path;
    }

    /** The exception message for a failed {@code execute}. */
    static String describe(String endpoint, GraphQlWire.Failed failure, int attempts) {
        StringBuilder text = new StringBuilder("AppSync request to ").append(endpoint)
                .append(" failed after ").append(attempts).append(attempts == 1 ? " attempt: " : " attempts: ")
                .append(failure.statusCode() == AppSyncException.NO_RESPONSE
                        ? "no HTTP response" : "HTTP " + failure.statusCode());
        if (!failure.errors().isEmpty()) {
            text.append("; first error: ").append(describe(failure.errors().get(0)));
            if (failure.errors().size() > 1) {
                text.append(" (and ").append(failure.errors().size() - 1).append(" more)");
            }
        }
        text.append(". ").append(failure.hint());
        text.append(failure.retryable()
                ? " Retrying the batch later may succeed."
                : " Retrying will not help until this is fixed.");
        return text.toString();
    }

    /**
     * The message when the invocation's deadline stopped a request: how much time was left of what, how many
     * attempts were made, the last failure if any, and the fix. Starts with {@link Deadline#REASON}.
     */
    static String outOfTime(String endpoint, Deadline deadline, int attempts, GraphQlWire.Failed last) {
        String sent = attempts == 0 ? "no attempt sent" : attempts + (attempts == 1 ? " attempt" : " attempts")
                + " sent, the last: " + (last.statusCode() == AppSyncException.NO_RESPONSE ? "no HTTP response"
                : "HTTP " + last.statusCode()) + " (" + last.hint() + ")";
        return deadline.stopped() + ", before an AppSync request to " + endpoint + " could end; " + sent
                + ". The invocation fails so that the caller does not move past the record. If AppSync is healthy, "
                + "raise the function's timeout or lower"
                + " HTTP_REQUEST_TIMEOUT / RETRY_MAX_ATTEMPTS (lambda-upsert README, Time budget).";
    }

    /** The message when no request could be sent (auth headers could not be made). */
    static String notSent(String endpoint, RuntimeException cause) {
        return "AppSync request to " + endpoint + " was not sent: " + cause.getMessage();
    }

    static String forStatus(int status) {
        return switch (status) {
            case 400 -> "AppSync rejected the request as malformed. Check the query and variables against the"
                    + " API's schema; if the error mentions a signature, token or credentials, check the API key /"
                    + " IAM credentials and the API's auth modes.";
            case 401, 403 -> "AppSync refused the credentials. Check the API key (not expired, of this API) or"
                    + " the IAM credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, and an"
                    + " identity allowed appsync:GraphQL on this API and field), and that the API's auth modes"
                    + " include the one this client uses (API_KEY or AWS_IAM).";
            case 404 -> "Nothing answers at this URL. Check the endpoint: it must be the API's GraphQL URL,"
                    + " ending in /graphql.";
            case 408 -> "The server timed out reading the request; usually transient.";
            case 429 -> "AppSync is throttling (request rate quota of the API). Lower the publisher's concurrency"
                    + " or ask for a higher quota.";
            default -> status >= 500 && status < 600
                    ? "AppSync answered with a server error; usually transient. If it persists, check the"
                            + " resolver's data source and the AWS Health Dashboard."
                    : "Unexpected HTTP status for a GraphQL POST. Check that the endpoint is the AppSync"
                            + " GraphQL URL and that no proxy stands in between.";
        };
    }

    static String forThrottledErrors() {
        return "AppSync or its data source (e.g. DynamoDB) is throttling. Lower the publisher's concurrency or"
                + " raise the API's quota / the table's capacity.";
    }

    static String forInvalidBody(byte[] body) {
        return "The endpoint answered with a body that is not a GraphQL JSON response (expected an object"
                + " with \"data\" or \"errors\"); first " + GraphQlWire.SNIPPET_CHARS + " characters: "
                + GraphQlWire.snippet(body) + ". Check that the endpoint is the AppSync GraphQL URL, not a"
                + " proxy or a web page.";
    }

    static String forTransport(Exception failure, Duration connectTimeout, Duration requestTimeout) {
        String what;
        if (failure instanceof HttpConnectTimeoutException) {
            what = "Could not connect within connectTimeout (" + connectTimeout + ")";
        } else if (failure instanceof HttpTimeoutException) {
            what = "No answer within requestTimeout (" + requestTimeout + ")";
        } else if (failure instanceof ConnectException) {
            what = "Could not connect (is anything listening at that host and port?)";
        } else {
            what = "The connection failed before a complete answer arrived";
        }
        return what + " (" + rootCause(failure) + "). Check the endpoint URL, the network path (DNS, VPC,"
                + " NAT, security groups) and the connectTimeout / requestTimeout options.";
    }

    static String forInterrupted() {
        return "The calling thread was interrupted (the invocation is shutting down or timed out).";
    }

    private static String describe(GraphQlError error) {
        String message = error.message().strip();
        message = message.length() <= ERROR_MESSAGE_CHARS
                ? message.replaceAll("\\.+$", "")
                : message.substring(0, ERROR_MESSAGE_CHARS) + "...";
        return (error.errorType() == null ? "" : error.errorType() + ": ") + message;
    }

    private static String rootCause(Throwable failure) {
        StringBuilder chain = new StringBuilder(failure.getClass().getSimpleName());
        String message = failure.getMessage();
        Class<?> previous = failure.getClass();
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            if (cause.getClass() != previous) {
                chain.append(" <- ").append(cause.getClass().getSimpleName());
                previous = cause.getClass();
            }
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? chain.toString() : chain + ": " + message;
    }
}
