package com.cdcappsync.upsert.mapping;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a column's value becomes a GraphQL field value. Names are the mapping file's {@code convert} values. */
public enum Conversion {
    /** Scalars as they are; exact decimals as strings; dates and times as ISO-8601; JSON as AWSJSON text. */
    AUTO("auto"),
    /** The value's text. */
    STRING("string"),
    /** An integer (GraphQL Int / AWSTimestamp). */
    INT("int"),
    /** A floating-point number (GraphQL Float). Loses exactness: prefer {@code decimal}. */
    FLOAT("float"),
    /** {@code true}/{@code false}. */
    BOOLEAN("boolean"),
    /** An exact decimal as a string (options {@code scale}, {@code encoding}). */
    DECIMAL("decimal"),
    /** An instant as ISO-8601 UTC, {@code AWSDateTime} (option {@code unit} for schema-less numbers). */
    TIMESTAMP("timestamp"),
    /** A date as {@code yyyy-MM-dd}, {@code AWSDate}. */
    DATE("date"),
    /** Any JSON (parsed from text when needed) as {@code AWSJSON} text. */
    JSON("json"),
    /**
     * One language from a translation map such as Odoo's jsonb {@code name} (options {@code language}, {@code
     * fallback}).
     */
    TRANSLATION("translation");

    private final String configName;

    Conversion(String configName) {
        this.configName = configName;
    }

    /** Whether {@code maxBytes} may cut this conversion's text (JSON text cut short would no longer be JSON). */
    public boolean cuttable() {
        return this == STRING || this == TRANSLATION;
    }

    public String configName() {
        return configName;
    }

    /** The conversion named in a mapping file, or null. */
    public static Conversion byName(String name) {
        for (Conversion c : values()) {
            if (c.configName.equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The accepted names, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(Conversion::configName).collect(Collectors.joining(", "));
    }
}
