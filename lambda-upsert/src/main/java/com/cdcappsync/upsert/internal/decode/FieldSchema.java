package com.cdcappsync.upsert.internal.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One field of a Kafka Connect JSON schema ({@code schemas.enable=true}): its type, logical name and
 * parameters, and for structs its fields.
 *
 * @param type       Connect type: {@code int32}, {@code string}, {@code bytes}, {@code struct}, ...
 * @param name       logical name such as {@code org.apache.kafka.connect.data.Decimal}, or null
 * @param parameters schema parameters (e.g. {@code scale}); never null
 * @param fields     a struct's fields by name; empty for other types
 */
record FieldSchema(String type, String name, Map<String, String> parameters, Map<String, FieldSchema> fields) {

    static FieldSchema parse(JsonNode schema) {
        Map<String, String> parameters = new LinkedHashMap<>();
        schema.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        Map<String, FieldSchema> fields = new LinkedHashMap<>();
        for (JsonNode field : schema.path("fields")) {
            fields.put(field.path("field").asText(), parse(field));
        }
        String name = schema.hasNonNull("name") ? schema.get("name").asText() : null;
        return new FieldSchema(schema.path("type").asText(""), name, Map.copyOf(parameters), fields);
    }

    /** The named struct field, or null. */
    FieldSchema field(String fieldName) {
        return fields.get(fieldName);
    }
}
