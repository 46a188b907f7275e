package com.cdcappsync.upsert.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** UTF-8 lengths and the {@code maxBytes} cut. */
class ValueSizesTest {

    private static final String MIXED = "aé€😀b"; // 1 + 2 + 3 + 4 + 1 bytes

    @Test
    void utf8_mixedText_countsAsItsEncoding() {
        assertThat(ValueSizes.utf8(MIXED)).isEqualTo(MIXED.getBytes(StandardCharsets.UTF_8).length).isEqualTo(11);
        assertThat(ValueSizes.utf8("\uD800")).isEqualTo(3);
    }

    @Test
    void cut_everyBudget_neverSplitsACodePointAndKeepsTheLongestPrefix() {
        String[] expected = {"", "a", "a", "aé", "aé", "aé", "aé€", "aé€", "aé€", "aé€", "aé€😀", "aé€😀b", "aé€😀b"};
        for (int budget = 0; budget < expected.length; budget++) {
            String kept = ValueSizes.cut(MIXED, budget);

            assertThat(kept).as("budget %d", budget).isEqualTo(expected[budget]);
            assertThat(kept.getBytes(StandardCharsets.UTF_8).length).as("budget %d", budget)
                    .isLessThanOrEqualTo(budget);
        }
    }

    @Test
    void cut_textWithinBudget_isTheSameString() {
        assertThat(ValueSizes.cut(MIXED, 11)).isSameAs(MIXED);
    }

    @Test
    void jsonString_worstCaseEscapes() {
        assertThat(ValueSizes.jsonString("ab")).isEqualTo(4);
        assertThat(ValueSizes.jsonString("\"\\")).isEqualTo(6);
        assertThat(ValueSizes.jsonString("<>&='\n\u007f")).isEqualTo(2 + 7 * 6);
        assertThat(ValueSizes.jsonString("é😀")).isEqualTo(2 + 6 + 12);
    }
}
