package com.cdcappsync.upsert.internal.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a row (an {@code after} image, or a flattened record) into column values and the set of columns
 * whose values Debezium could not read (the TOAST placeholder), which must be left out of every write.
 */
final class RowReader {

    private final ColumnValues values;
    private final String placeholder;
    private final String placeholderBase64;

    RowReader(ColumnValues values, String placeholder) {
        this.values = values;
        this.placeholder = placeholder;
        this.placeholderBase64 = Base64.getEncoder().encodeToString(placeholder.getBytes(StandardCharsets.UTF_8));
    }

    ColumnValues values() {
        return values;
    }

    /**
     * Reads the row's columns, skipping those {@code skip} names (flattening metadata such as {@code __op}).
     *
     * @param row    the row object
     * @param schema the row's struct schema, or null
     * @param skip   columns that are not row data
     */
    Row read(JsonNode row, FieldSchema schema, Predicate<String> skip) {
        // Sized for the row: a resize per record showed up in profiles.
        Map<String, Object> columns = new LinkedHashMap<>(row.size() * 4 / 3 + 1);
        Set<String> unknown = new HashSet<>();
        row.fields().forEachRemaining(e -> {
            String column = e.getKey();
            if (skip.test(column)) {
                return;
            }
            if (isPlaceholder(e.getValue())) {
                unknown.add(column);
                return;
            }
            columns.put(column, values.decode(column, e.getValue(), schema == null ? null : schema.field(column)));
        });
        return new Row(Collections.unmodifiableMap(columns), unknown);
    }

    /**
     * Debezium writes the placeholder as text for text and JSON columns, as its UTF-8 bytes (base64 in
     * JSON) for binary and decimal columns, and as a one-element array for array columns.
     */
    boolean isPlaceholder(JsonNode value) {
        if (value == null) {
            return false;
        }
        if (value.isTextual()) {
            String text = value.asText();
            return text.equals(placeholder) || text.equals(placeholderBase64);
        }
        if (value.isArray() && value.size() == 1) {
            return isPlaceholder(value.get(0));
        }
        if (ColumnValues.isVariableScaleDecimal(value)) {
            return isPlaceholder(value.get("value"));
        }
        return false;
    }

    /** Columns read, and the names of columns whose value is unknown. */
    record Row(Map<String, Object> columns, Set<String> unknown) {
    }
}
