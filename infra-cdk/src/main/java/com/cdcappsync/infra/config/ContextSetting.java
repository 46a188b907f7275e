package com.cdcappsync.infra.config;

/**
 * One CDK context key the app reads ({@code -c key=value}, or {@code cdk.json}'s {@code context}).
 *
 * @param key the context key; a key with a {@code <placeholder>} is a family ({@code tableName.<Type>})
 * @param accepted the values accepted, as documented (Markdown)
 * @param defaultValue the default: a literal value when {@code literalDefault}, else a description of it
 * @param literalDefault whether {@code defaultValue} is the value itself, parsed like a context value
 * @param description what the setting does (Markdown)
 */
public record ContextSetting(String key, String accepted, String defaultValue, boolean literalDefault,
                             String description) {

    /** A setting whose default is a value, parsed like the context value it stands for. */
    static ContextSetting withDefault(String key, String accepted, String defaultValue, String description) {
        return new ContextSetting(key, accepted, defaultValue, true, description);
    }

    /** A setting whose default is computed or absent; {@code defaultText} says which. */
    static ContextSetting computed(String key, String accepted, String defaultText, String description) {
        return new ContextSetting(key, accepted, defaultText, false, description);
    }

    /** @return the key up to its placeholder: {@code tableName.} for {@code tableName.<Type>} */
    public String prefix() {
        int placeholder = key.indexOf('<');
        return placeholder < 0 ? key : key.substring(0, placeholder);
    }

    /** @return true for a family of keys such as {@code tableName.<Type>} */
    public boolean isFamily() {
        return key.indexOf('<') >= 0;
    }

    /** @return this setting as a row of the README's context table */
    public String markdownRow() {
        String shownDefault = literalDefault ? "`" + defaultValue + "`" : defaultValue;
        return "| `" + key + "` | " + accepted + " | " + shownDefault + " | " + description + " |";
    }
}
