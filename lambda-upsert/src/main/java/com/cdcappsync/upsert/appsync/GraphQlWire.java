package com.cdcappsync.upsert.appsync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What goes over the wire and what came back: writes request bodies, reads answers, and turns one HTTP exchange
 * into an {@link Outcome}. One instance per client; thread-safe.
 *
 * <ul>
 *   <li>2xx with a GraphQL JSON body: answered, unless every error is throttling (then retryable).
 *   <li>2xx with an empty, non-JSON or non-GraphQL body: failed, not retryable.
 *   <li>408, 429, 5xx: failed, retryable.
 *   <li>any other status (400, 401, 403, 404, 3xx...): failed, not retryable.
 *   <li>{@link IOException} (refused, reset, dropped, timed out): failed, retryable.
 * </ul>
 *
 * <p>Decimals are written in plain notation (never {@code 1E+3}, which a GraphQL {@code Int} rejects) and
 * floating-point numbers in answers are read as {@code BigDecimal}, so no digits are lost.
 */
final class GraphQlWire {

    static final int SNIPPET_CHARS = 200;

    /** What one HTTP attempt produced: a usable answer, or a failure that may be retried. */
    sealed interface Outcome {
    }

    /** AppSync delivered a GraphQL answer (2xx, JSON), possibly with non-throttling errors. */
    record Answered(int statusCode, JsonNode data, List<GraphQlError> errors) implements Outcome {

        GraphQlResponse toResponse(int attempts) {
            return new GraphQlResponse(statusCode, data, errors, attempts);
        }
    }

    /**
     * The attempt failed.
     *
     * @param statusCode the HTTP status, or {@link AppSyncException#NO_RESPONSE}
     * @param errors     GraphQL errors the answer carried, if any
     * @param retryable  whether another attempt (now, or a later batch) may succeed
     * @param hint       what happened and what to check, one or two sentences
     * @param cause      the transport exception, may be null
     */
    record Failed(int statusCode, List<GraphQlError> errors, boolean retryable, String hint, Throwable cause)
            implements Outcome {

        Failed {
            errors = List.copyOf(errors);
        }
    }

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** {@code {"query":...,"variables":{...}}} as UTF-8. */
    byte[] requestBody(GraphQlRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("query", request.query());
        body.set("variables", request.variables());
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not serialise the GraphQL request " + request, e);
        }
    }

    /** Classifies one HTTP answer. */
    Outcome classify(int status, byte[] body) {
        ObjectNode root = readObject(body);
        if (status >= 200 && status < 300) {
            return answered(status, body, root);
        }
        boolean retryable = status == 408 || status == 429 || (status >= 500 && status < 600);
        String hint = FailureMessages.forStatus(status);
        if (root == null && body != null && body.length > 0) {
            hint += " Body: " + snippet(body);
        }
        return new Failed(status, errors(root), retryable, hint, null);
    }

    private static Outcome answered(int status, byte[] body, ObjectNode root) {
        if (root == null || !isGraphQlResponse(root)) {
            return new Failed(status, List.of(), false, FailureMessages.forInvalidBody(body), null);
        }
        List<GraphQlError> errors = errors(root);
        if (!errors.isEmpty() && errors.stream().allMatch(GraphQlError::isThrottling)) {
            return new Failed(status, errors, true, FailureMessages.forThrottledErrors(), null);
        }
        return new Answered(status, root.get("data"), errors);
    }

    /** The body as a JSON object, or null when it is empty, not JSON, or not an object. */
    private ObjectNode readObject(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode root = mapper.readTree(body);
            return root instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether {@code root} is a GraphQL response: {@code data} or an {@code errors} array present. */
    private static boolean isGraphQlResponse(ObjectNode root) {
        JsonNode errors = root.get("errors");
        boolean errorsValid = errors == null || errors.isNull() || errors.isArray();
        return errorsValid && (root.has("data") || (errors != null && errors.isArray()));
    }

    /**
     * The {@code errors} member; entries that are not objects are kept with their text as message.
     * {@code errorType} is read at the error's root (AppSync) or under {@code extensions} (simulator).
     */
    private static List<GraphQlError> errors(ObjectNode root) {
        JsonNode errors = root == null ? null : root.get("errors");
        if (errors == null || !errors.isArray()) {
            return List.of();
        }
        List<GraphQlError> result = new ArrayList<>(errors.size());
        for (JsonNode error : errors) {
            if (!error.isObject()) {
                result.add(new GraphQlError(error.asText(), null, null));
                continue;
            }
            String type = text(error.get("errorType"));
            if (type == null) {
                type = text(error.path("extensions").get("errorType"));
            }
            result.add(new GraphQlError(text(error.get("message")), type, error.get("path")));
        }
        return result;
    }

    /** The first {@value #SNIPPET_CHARS} characters of the body, for messages. */
    static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "<empty>";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "...";
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
