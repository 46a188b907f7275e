package com.cdcappsync.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every {@code {{Name}}} in the string values of a JSON template. Nothing else changes: in particular
 * Kafka Connect's {@code ${file:...}} and {@code ${env:...}} references stay as they are, for the Connect worker's
 * config providers to resolve, so that no secret ever passes through this program or the files it writes.
 */
public final class TemplateRenderer {

    /** {@code {{Name}}}: a letter, then letters and digits. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");

    private final UnaryOperator<String> values;

    /** @param values the value of a placeholder key; throws {@link RenderException} when there is none */
    public TemplateRenderer(UnaryOperator<String> values) {
        this.values = values;
    }

    /**
     * A rendered copy of the template (which is left unchanged).
     *
     * @param template the parsed template
     * @param name     the template's name, for messages
     * @throws RenderException when a value is missing or a placeholder is malformed
     */
    public JsonNode render(JsonNode template, String name) {
        return renderNode(template.deepCopy(), name, "");
    }

    private JsonNode renderNode(JsonNode node, String name, String path) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                checkNoPlaceholder(e.getKey(), name, path);
                e.setValue(renderNode(e.getValue(), name, path + "/" + e.getKey()));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, renderNode(array.get(i), name, path + "/" + i));
            }
            return array;
        }
        return node.isTextual() ? TextNode.valueOf(renderText(node.asText(), name, path)) : node;
    }

    private String renderText(String text, String name, String path) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            try {
                value = values.apply(m.group(1));
            } catch (RenderException e) {
                throw new RenderException(name + " " + path + ": " + e.getMessage(), e);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String rendered = out.toString();
        if (rendered.contains("{{") || rendered.contains("}}")) {
            throw new RenderException(name + " " + path + ": malformed placeholder in '" + text
                    + "'; write placeholders as {{Name}} (letters and digits)");
        }
        return rendered;
    }

    private static void checkNoPlaceholder(String key, String name, String path) {
        if (key.contains("{{")) {
            throw new RenderException(name + " " + path + ": placeholder in the key '" + key
                    + "'; placeholders belong in values only");
        }
    }
}
