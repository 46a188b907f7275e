package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The resolver cases of {@code vtl-conformance/cases.json}, rendered by the simulator's engine
 * ({@code simulator/evaluate.js}), and the normal form two renderings are compared in: the time-dependent values
 * ({@code :now}, {@code :expiresAt}) masked, and an {@code update} written as what it does (the attributes it sets
 * to which values, the ones it removes), whatever the order of its clauses and the names of its placeholders.
 */
final class VtlRendering {

    /** One case: a template of graphql-schema/, the context it renders on, and what it must give. */
    record Case(String name, String templatePath, String template, JsonNode context, JsonNode expect,
                String expectError) {
    }

    /** A rendering: the text (null when an error was raised) and the error, as EvaluateMappingTemplate gives them. */
    record Rendered(String evaluationResult, String errorMessage, String errorType) {
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    private VtlRendering() {
    }

    static List<Case> cases(RepositoryLayout layout) throws IOException {
        JsonNode root;
        try (InputStream in = VtlRendering.class.getResourceAsStream("/vtl-conformance/cases.json")) {
            root = MAPPER.readTree(in);
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            String path = c.get("template").asText();
            cases.add(new Case(c.get("name").asText(), path, Files.readString(layout.schemaDir().resolve(path)),
                    c.get("context"), c.path("expect"), c.hasNonNull("expectError") ? c.get("expectError").asText()
                    : null));
        }
        return cases;
    }

    /** Renders every case with the simulator's VTL engine, in one Node.js run. */
    static List<Rendered> simulator(RepositoryLayout layout, List<Case> cases) throws Exception {
        ArrayNode input = MAPPER.createArrayNode();
        cases.forEach(c -> input.addObject().put("name", c.name()).put("template", c.template())
                .set("context", c.context()));
        Path script = layout.simulatorScript().resolveSibling("evaluate.js");
        Process node = new ProcessBuilder("node", script.toString()).directory(script.getParent().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream out = node.getOutputStream()) {
            out.write(MAPPER.writeValueAsBytes(input));
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new IllegalStateException("node evaluate.js failed: " + output);
        }
        List<Rendered> rendered = new ArrayList<>();
        for (JsonNode r : MAPPER.readTree(output)) {
            JsonNode error = r.get("error");
            rendered.add(new Rendered(r.get("evaluationResult").isNull() ? null : r.get("evaluationResult").asText(),
                    error.isNull() ? null : error.path("message").asText(),
                    error.isNull() ? null : error.path("type").asText()));
        }
        return rendered;
    }

    /** The rendered text as JSON, in the normal form (see the class comment). */
    static JsonNode normal(String evaluationResult) throws IOException {
        JsonNode node = MAPPER.readTree(evaluationResult.isBlank() ? "null" : evaluationResult);
        mask(node);
        if (node instanceof ObjectNode object && object.get("update") instanceof ObjectNode update) {
            object.set("update", canonicalUpdate(update));
        }
        return node;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String key : List.of(":now", ":expiresAt")) {
                if (object.has(key)) {
                    object.put(key, "<" + key.substring(1) + ">");
                }
            }
            object.forEach(VtlRendering::mask);
        } else if (node instanceof ArrayNode array) {
            array.forEach(VtlRendering::mask);
        }
    }

    /** {@code {"set": {attribute: value}, "remove": [attribute]}} of an UpdateItem {@code update} section. */
    private static JsonNode canonicalUpdate(ObjectNode update) {
        String expression = update.path("expression").asText();
        JsonNode names = update.path("expressionNames");
        JsonNode values = update.path("expressionValues");
        Map<String, JsonNode> set = new TreeMap<>();
        TreeSet<String> remove = new TreeSet<>();
        String[] sections = expression.split("(?=\\bREMOVE\\b)");
        for (String section : sections) {
            String body = section.trim();
            boolean isSet = body.startsWith("SET");
            for (String clause : body.substring(isSet ? 3 : "REMOVE".length()).split(",")) {
                String[] parts = clause.trim().split("\\s*=\\s*");
                String name = names.path(parts[0]).asText(parts[0]);
                if (isSet) {
                    set.put(name, values.path(parts[1]));
                } else {
                    remove.add(name);
                }
            }
        }
        ObjectNode canonical = JsonNodeFactory.instance.objectNode();
        canonical.set("set", MAPPER.valueToTree(set));
        canonical.set("remove", MAPPER.valueToTree(remove));
        return canonical;
    }
}
