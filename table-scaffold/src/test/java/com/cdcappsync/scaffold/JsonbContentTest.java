package com.cdcappsync.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonbContentTest {

    private static List<JsonNode> values(String... json) {
        return Arrays.stream(json).map(JsonbContent::parse).toList();
    }

    @Test
    void classify_mapsFromLanguageCodesToText_translation() {
        JsonbContent.Verdict verdict = JsonbContent.classify("product_template", "name", values(
                "{\"en_US\": \"Chair\", \"fr_FR\": \"Chaise\"}", "{\"en_US\": \"Desk\", \"es_419\": \"Escritorio\"}",
                "{\"sr@latin\": \"Sto\", \"fil_PH\": null}"));

        assertThat(verdict.kind()).isEqualTo(ColumnKind.TRANSLATED_JSON);
        assertThat(verdict.note()).isEqualTo("jsonb column product_template.name: translation map (languages "
                + "en_US, es_419, fil_PH, fr_FR, sr@latin in 3 value(s))");
    }

    @Test
    void classify_companyDependentField_keptAsJson() {
        JsonbContent.Verdict verdict = JsonbContent.classify("product_product", "standard_price",
                values("{\"1\": 12.5, \"2\": 13.0}"));

        assertThat(verdict.kind()).isEqualTo(ColumnKind.JSON);
        assertThat(verdict.note()).contains("key '1' is not a language code",
                "--translation-columns standard_price");
    }

    @Test
    void classify_oneValueNotAMap_keptAsJson() {
        assertThat(JsonbContent.classify("t", "c", values("{\"en_US\": \"x\"}", "[1, 2]")).note())
                .contains("a value is not an object: [1,2]");
        assertThat(JsonbContent.classify("t", "c", values("{\"en_US\": {\"a\": 1}}")).note())
                .contains("the value of 'en_US' is not text");
        assertThat(JsonbContent.classify("t", "c", values("{}")).kind()).isEqualTo(ColumnKind.JSON);
        assertThat(JsonbContent.classify("t", "c", values("{\"EN\": \"x\"}")).kind()).isEqualTo(ColumnKind.JSON);
    }

    @Test
    void classify_noValues_assumesTranslationAndSaysHowToOverride() {
        JsonbContent.Verdict verdict = JsonbContent.classify("product_tag", "name", List.of());

        assertThat(verdict.kind()).isEqualTo(ColumnKind.TRANSLATED_JSON);
        assertThat(verdict.note()).contains("no value to inspect", "--json-columns name");
    }
}
