package com.cdcappsync.scaffold;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits schema.graphql as text, so that every hand-written comment and layout stays: finds a block or a root
 * field, adds one, or replaces one. Blocks are compared from their keyword to their closing brace (a docstring
 * above is the author's); root fields line by line, ignoring indentation.
 */
final class SchemaEditor {

    private String text;

    SchemaEditor(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** The block's current text, or null. */
    String block(String keyword, String name) {
        Matcher m = blockStart(keyword, name);
        return m.find() ? text.substring(m.start(), blockEnd(m.start())) : null;
    }

    /** Adds a block (with its docstring) before {@code type Query}, or at the end. */
    void addBlock(SchemaUnits.Block block) {
        String added = (block.doc() == null ? "" : block.doc() + "\n") + block.text() + "\n\n";
        Matcher query = Pattern.compile("(?m)^type Query\\b").matcher(text);
        int at = query.find() ? query.start() : text.length();
        text = text.substring(0, at) + added + text.substring(at);
    }

    void replaceBlock(SchemaUnits.Block block) {
        Matcher m = blockStart(block.keyword(), block.name());
        if (!m.find()) {
            throw new IllegalStateException("no block " + block.name());
        }
        text = text.substring(0, m.start()) + block.text() + text.substring(blockEnd(m.start()));
    }

    /** The root field's line, trimmed, or null. */
    String rootField(String rootType, String name) {
        int[] body = rootBody(rootType);
        Matcher m = fieldLine(name).matcher(text).region(body[0], body[1]);
        return m.find() ? m.group().trim() : null;
    }

    void addRootField(SchemaUnits.RootField field) {
        int[] body = rootBody(field.rootType());
        text = text.substring(0, body[1]) + "  " + field.text() + "\n" + text.substring(body[1]);
    }

    void replaceRootField(SchemaUnits.RootField field) {
        int[] body = rootBody(field.rootType());
        Matcher m = fieldLine(field.name()).matcher(text).region(body[0], body[1]);
        if (!m.find()) {
            throw new IllegalStateException("no field " + field.name());
        }
        text = text.substring(0, m.start()) + "  " + field.text() + text.substring(m.end());
    }

    private Matcher blockStart(String keyword, String name) {
        return Pattern.compile("(?m)^" + keyword + " " + Pattern.quote(name) + "\\b").matcher(text);
    }

    private int blockEnd(int start) {
        Matcher close = Pattern.compile("(?m)^}").matcher(text);
        if (!close.find(start)) {
            throw new ScaffoldException("schema.graphql: the block at offset " + start + " has no closing '}' at the "
                    + "start of a line; fix the file's layout");
        }
        return close.end();
    }

    /** [start, end) of the root type's body: end is the offset of its closing brace's line. */
    private int[] rootBody(String rootType) {
        Matcher m = Pattern.compile("(?m)^type " + rootType + " \\{\\n").matcher(text);
        if (!m.find()) {
            throw new ScaffoldException("schema.graphql has no 'type " + rootType + " {' block; the scaffold adds "
                    + "fields to the existing root types");
        }
        return new int[] {m.end(), blockEnd(m.start()) - 1};
    }

    private static Pattern fieldLine(String name) {
        return Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(name) + "\\(.*$");
    }
}
