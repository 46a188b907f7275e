package com.cdcappsync.upsert.mapping;

/**
 * Options of a field's conversion; each applies to some conversions only (the mapping loader rejects the rest).
 *
 * @param scale    {@code decimal}: the least number of decimals to write (12.5 → "12.50" with 2); never rounds
 *                 (1250.125 stays "1250.125"); also the scale of schema-less base64 decimals
 * @param base64   {@code decimal}: the value is base64 even when it looks like a number (schema-less precise mode)
 * @param language {@code translation}: the language to pick, e.g. {@code en_US}
 * @param fallback {@code translation}: the language used when {@code language} is missing; default {@code en_US}
 * @param unit     {@code timestamp}: the unit of schema-less epoch numbers
 * @param maxBytes {@code string} and {@code translation}: cut the text to at most this many UTF-8 bytes, at a
 *                 code point boundary (so that a huge description fits DynamoDB's and AppSync's size limits
 *                 instead of the record being rejected); null for no cut
 */
public record ConversionOptions(Integer scale, boolean base64, String language, String fallback, TimeUnitOption unit,
                                Integer maxBytes) {

    /** No options. */
    public static final ConversionOptions NONE = new ConversionOptions(null, false, null, null, TimeUnitOption.AUTO,
            null);

    /** The options without a cut (every option but {@code maxBytes}). */
    public ConversionOptions(Integer scale, boolean base64, String language, String fallback, TimeUnitOption unit) {
        this(scale, base64, language, fallback, unit, null);
    }

    /** Units of schema-less epoch timestamps. */
    public enum TimeUnitOption {
        /** Guess from magnitude: above 10^17 nanoseconds, above 10^14 microseconds, else milliseconds. */
        AUTO,
        MILLIS,
        MICROS,
        NANOS
    }
}
