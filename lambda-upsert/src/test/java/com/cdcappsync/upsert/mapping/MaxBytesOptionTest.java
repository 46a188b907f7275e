package com.cdcappsync.upsert.mapping;

import com.cdcappsync.upsert.internal.mapping.ChangeMapper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.testing.Events;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The field option {@code maxBytes}: read from the mapping file, checked, and applied by the conversion. */
class MaxBytesOptionTest {

    private static Mappings parse(String field) throws Exception {
        return new MappingLoader().parse(Json.MAPPER.readTree("{\"tables\":[{\"table\":\"product_template\","
                + "\"type\":\"Product\",\"fields\":{\"description\":" + field + "}}]}"), "test");
    }

    private static String mapped(String field, Object description) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("description", description);
        MappedChange change = new ChangeMapper(parse(field), Json.MAPPER)
                .map(Events.upsert(0, "product_template", 1, 10, row));
        return change.variables().get("input").get("description").asText();
    }

    @Test
    void map_translationWithMaxBytes_cutsAtACodePointBoundary() throws Exception {
        String field = "{\"column\":\"description\",\"convert\":\"translation\",\"language\":\"en_US\","
                + "\"maxBytes\":12}";

        // "Très bien " takes 11 bytes; the emoji's 4 would make 15.
        assertThat(mapped(field, "{\"en_US\":\"Très bien 😀 ok\",\"fr_FR\":\"x\"}")).isEqualTo("Très bien ");
        assertThat(mapped(field, "{\"en_US\":\"short\"}")).isEqualTo("short");
    }

    @Test
    void map_stringWithMaxBytes_keepsAtMostThatManyUtf8Bytes() throws Exception {
        String html = "<p>" + "é".repeat(200_000) + "</p>";

        String kept = mapped("{\"column\":\"description\",\"convert\":\"string\",\"maxBytes\":65536}", html);

        assertThat(kept.getBytes(StandardCharsets.UTF_8)).hasSize(65_535); // "<p>" 3 + 32,766 × 2; one more é: 65,537
        assertThat(html).startsWith(kept);
    }

    @Test
    void parse_maxBytesOnJsonOrAuto_isAProblemNamingTheConversions() {
        assertThatThrownBy(() -> parse("{\"column\":\"description\",\"convert\":\"json\",\"maxBytes\":100}"))
                .hasMessageContaining("field 'description': \"maxBytes\" applies to convert=string or "
                        + "convert=translation only (text that can be cut); got convert=json");
        assertThatThrownBy(() -> parse("{\"column\":\"description\",\"maxBytes\":100}"))
                .hasMessageContaining("got convert=auto. For a text column, add \"convert\": \"string\"");
    }

    @Test
    void parse_maxBytesOutOfRangeOrNotANumber_isAProblemWithTheRange() {
        for (String value : new String[] {"0", "400001", "\"65536\"", "1.5"}) {
            assertThatThrownBy(() -> parse("{\"column\":\"description\",\"convert\":\"string\",\"maxBytes\":" + value
                    + "}"))
                    .as(value).hasMessageContaining("\"maxBytes\" must be a whole number of UTF-8 bytes from 1 to "
                            + "400000 (DynamoDB's item size limit), e.g. 65536; got " + value);
        }
    }

    @Test
    void parse_maxBytesAtItsBounds_isAccepted() throws Exception {
        assertThat(parse("{\"column\":\"description\",\"convert\":\"string\",\"maxBytes\":1}").tables().getFirst()
                .fields().getFirst().options().maxBytes()).isEqualTo(1);
        assertThat(parse("{\"column\":\"description\",\"convert\":\"string\",\"maxBytes\":400000}").tables()
                .getFirst().fields().getFirst().options().maxBytes()).isEqualTo(400_000);
    }
}
