package com.cdcappsync.upsert.mapping;

import java.util.Objects;

/**
 * How one GraphQL field is filled.
 *
 * @param field      the GraphQL field name
 * @param column     the source column
 * @param conversion how the value is converted
 * @param options    the conversion's options (scale, language, unit, ...); never null
 */
public record FieldSpec(String field, String column, Conversion conversion, ConversionOptions options) {
    public FieldSpec {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(conversion, "conversion");
        Objects.requireNonNull(options, "options");
    }
}
