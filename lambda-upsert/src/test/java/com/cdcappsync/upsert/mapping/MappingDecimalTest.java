package com.cdcappsync.upsert.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.UpsertJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decimal in a mapping file keeps every digit through {@code new MappingLoader().load(path)}, the entry point
 * ops-doctor and local-stack use: the loader reads with its own JSON settings, a caller cannot hand it a plain
 * mapper any more.
 */
class MappingDecimalTest {

    /** More digits than a double holds: a plain mapper reads it as 1.2345678901234568E16. */
    private static final String DECIMAL = "12345678901234567.89";

    @TempDir
    Path dir;

    @Test
    void load_numericVisibleWhen_keepsEveryDigit() throws Exception {
        Path file = dir.resolve("mapping.json");
        Files.writeString(file, "{\"tables\":[{\"table\":\"product_template\",\"type\":\"Product\","
                + "\"fields\":{\"name\":\"name\"},\"visibleWhen\":{\"list_price\":" + DECIMAL + "}}]}");

        TableMapping table = new MappingLoader().load(file).find("public", "product_template").orElseThrow();

        assertThat(table.visibleWhen().get("list_price").value()).isEqualTo(new BigDecimal(DECIMAL));
    }

    @Test
    void plainMapper_losesTheDigits_whichIsWhyTheLoaderReadsItself() throws Exception {
        String json = "{\"v\":" + DECIMAL + "}";

        assertThat(new ObjectMapper().readTree(json).get("v").decimalValue()).isNotEqualTo(new BigDecimal(DECIMAL));
        assertThat(UpsertJson.mapper().readTree(json).get("v").decimalValue()).isEqualTo(new BigDecimal(DECIMAL));
    }
}
