package com.cdcappsync.scaffold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes api.json and mapping files in the layout they are written by hand, so that a scaffold run changes only
 * the lines it adds: two-space indents, {@code "key": value}, an object one level inside an array on one line
 * when it holds only scalars and sits in {@code resolvers}, and small leaves (scalar arrays, field specs,
 * visibility rules) on one line.
 */
final class JsonLayout {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JsonLayout() {
    }

    static String write(JsonNode root) {
        StringBuilder out = new StringBuilder();
        write(root, "", 0, "", out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, String key, int depth, String indent, StringBuilder out) {
        if (inline(node, key, depth)) {
            out.append(compact(node));
            return;
        }
        String inner = indent + "  ";
        boolean object = node.isObject();
        out.append(object ? "{\n" : "[\n");
        if (object) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.append(inner).append(JSON.textNode(f.getKey())).append(": ");
                write(f.getValue(), f.getKey(), depth + 1, inner, out);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                out.append(inner);
                write(node.get(i), key + "[]", depth + 1, inner, out);
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
        }
        out.append(indent).append(object ? '}' : ']');
    }

    private static boolean inline(JsonNode node, String key, int depth) {
        if (node.isValueNode() || node.isEmpty()) {
            return true;
        }
        boolean scalars = true;
        for (JsonNode child : node) {
            scalars &= child.isValueNode();
        }
        if (node.isArray()) {
            return scalars;
        }
        // resolvers[] entries; fields.X specs and visibleWhen (depth 3 under tables[]); their rules.
        return key.equals("resolvers[]") || key.equals("visibleWhen")
                || scalars && depth >= 3 && !key.endsWith("[]") && !key.equals("fields");
    }

    private static String compact(JsonNode node) {
        if (node.isValueNode()) {
            return node.toString();
        }
        StringBuilder out = new StringBuilder(node.isObject() ? "{" : "[");
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.append(JSON.textNode(f.getKey())).append(": ").append(compact(f.getValue()))
                        .append(fields.hasNext() ? ", " : "");
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                out.append(compact(node.get(i))).append(i + 1 < node.size() ? ", " : "");
            }
        }
        return out.append(node.isObject() ? '}' : ']').toString();
    }
}
