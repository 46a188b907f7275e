package com.cdcappsync.upsert;

import com.cdcappsync.upsert.internal.Json;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON settings the library reads Debezium events and mappings with, for callers that parse or build the same
 * documents themselves (test fixtures, benchmarks, tools).
 *
 * <p>The decoder, the mapping loader and the pipeline configure their own JSON: a caller never has to pass a mapper
 * to them. This mapper reads every floating-point number as a {@link java.math.BigDecimal}
 * ({@code DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS}), so that a decimal column such as
 * {@code 19.99} keeps every digit; a plain {@code new ObjectMapper()} reads it as a {@code double}.
 */
public final class UpsertJson {

    private UpsertJson() {
    }

    /**
     * A new mapper configured as the library's own; the caller may keep it and share it between threads once it is
     * no longer reconfigured.
     */
    public static ObjectMapper mapper() {
        return Json.MAPPER.copy();
    }
}
