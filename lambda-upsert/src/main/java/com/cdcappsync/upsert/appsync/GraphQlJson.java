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
 * Writes request bodies and reads response bodies. One instance per client; thread-safe.
 *
 * <p>Decimals are written in plain notation (never {@code 1E+3}, which a GraphQL {@code Int} rejects)
 * and floating-point numbers in answers are read as {@code BigDecimal}, so no digits are lost.
 */
final class GraphQlJson {

    static final int SNIPPET_CHARS = 200;

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

    /** The body as a JSON object, or null when it is empty, not JSON, or not an object. */
    ObjectNode readObject(byte[] body) {
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
    static boolean isGraphQlResponse(ObjectNode root) {
        JsonNode errors = root.get("errors");
        boolean errorsValid = errors == null || errors.isNull() || errors.isArray();
        return errorsValid && (root.has("data") || (errors != null && errors.isArray()));
    }

    /**
     * The {@code errors} member; entries that are not objects are kept with their text as message.
     * {@code errorType} is read at the error's root (AppSync) or under {@code extensions} (simulator).
     */
    static List<GraphQlError> errors(ObjectNode root) {
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
