package com.cdcappsync.upsert.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * One environment setting: its key, what it means, its default, and how its text is read.
 *
 * @param key          the environment variable
 * @param type         the accepted values, as documented
 * @param defaultText  the default as written in the docs, or null when there is none
 * @param description  what it does
 * @param parser       text → value; throws {@link IllegalArgumentException} with what was expected
 * @param <T>          the value's type
 */
public record Setting<T>(String key, String type, String defaultText, String description, Function<String, T> parser) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(parser, "parser");
    }

    /** Parses text (the default where the text is null or blank); null when there is neither. */
    T read(String text) {
        String effective = text == null || text.isBlank() ? defaultText : text.strip();
        return effective == null ? null : parser.apply(effective);
    }

    /**
     * Checks a value the way the handler will read it, for tools that set it elsewhere (the CDK app's
     * {@code handlerEnv.<NAME>}): the value, or an {@link IllegalArgumentException} saying what was expected.
     */
    public T parse(String text) {
        return read(text);
    }

    @Override
    public String toString() {
        return key;
    }
}
