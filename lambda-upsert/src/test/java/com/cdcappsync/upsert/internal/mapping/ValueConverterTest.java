package com.cdcappsync.upsert.internal.mapping;

import com.cdcappsync.upsert.mapping.Conversion;
import com.cdcappsync.upsert.mapping.ConversionOptions;
import com.cdcappsync.upsert.mapping.FieldSpec;
import com.cdcappsync.upsert.mapping.MappingException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.mapping.ConversionOptions.TimeUnitOption;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValueConverterTest {

    private final ValueConverter converter = new ValueConverter(Json.MAPPER);

    private JsonNode convert(Conversion conversion, ConversionOptions options, Object value) {
        return converter.convert(new FieldSpec("f", "c", conversion, options), value);
    }

    private static ConversionOptions scale(int scale) {
        return new ConversionOptions(scale, false, null, null, TimeUnitOption.AUTO);
    }

    @Test
    void decimal_bigDecimalFromPreciseMode_keepsExactValueAtMappingScale() {
        assertThat(convert(Conversion.DECIMAL, scale(2), new BigDecimal("12.5")).asText()).isEqualTo("12.50");
        assertThat(convert(Conversion.DECIMAL, scale(2), new BigDecimal("45")).asText()).isEqualTo("45.00");
    }

    @Test
    void decimal_withoutScale_dropsTrailingZerosSoEveryModeAgrees() {
        assertThat(convert(Conversion.DECIMAL, ConversionOptions.NONE, new BigDecimal("19.990")).asText())
                .isEqualTo("19.99");
        assertThat(convert(Conversion.DECIMAL, ConversionOptions.NONE, "12.50").asText()).isEqualTo("12.5");
        assertThat(convert(Conversion.DECIMAL, ConversionOptions.NONE, new BigDecimal("100")).asText())
                .isEqualTo("100");
    }

    @Test
    void decimal_moreDecimalsThanScale_isNeverRounded() {
        assertThat(convert(Conversion.DECIMAL, scale(2), new BigDecimal("1250.125")).asText()).isEqualTo("1250.125");
        assertThat(convert(Conversion.DECIMAL, scale(2), "12.5000").asText()).isEqualTo("12.50");
    }

    @Test
    void decimal_stringMode_parsesTheText() {
        assertThat(convert(Conversion.DECIMAL, scale(2), "12.50").asText()).isEqualTo("12.50");
        assertThat(convert(Conversion.DECIMAL, ConversionOptions.NONE, "-0.01").asText()).isEqualTo("-0.01");
    }

    @Test
    void decimal_doubleMode_usesShortestRepresentation() {
        assertThat(convert(Conversion.DECIMAL, scale(2), 19.99d).asText()).isEqualTo("19.99");
        assertThat(convert(Conversion.DECIMAL, ConversionOptions.NONE, 0.1d).asText()).isEqualTo("0.1");
    }

    @Test
    void decimal_schemalessBase64_needsScale() {
        // 1250 = 0x04E2 → "BOI=" ; with scale 2 → 12.50
        assertThat(convert(Conversion.DECIMAL, scale(2), "BOI=").asText()).isEqualTo("12.50");
        assertThatThrownBy(() -> convert(Conversion.DECIMAL, ConversionOptions.NONE, "BOI="))
                .isInstanceOf(MappingException.class).hasMessageContaining("set \"scale\"");
    }

    @Test
    void decimal_base64Encoding_readsDigitsOnlyTextAsBase64() {
        ConversionOptions base64 = new ConversionOptions(0, true, null, null, TimeUnitOption.AUTO);
        // "1234" is valid base64 of bytes D7 6D F8 (a negative number), and also looks like a number.
        assertThat(convert(Conversion.DECIMAL, base64, "1234").asText()).isEqualTo("-2658824");
        assertThat(convert(Conversion.DECIMAL, scale(0), "1234").asText()).isEqualTo("1234");
    }

    @Test
    void decimal_longValue_isExact() {
        assertThat(convert(Conversion.DECIMAL, scale(1), 9_007_199_254_740_993L).asText())
                .isEqualTo("9007199254740993.0");
    }

    @Test
    void translation_picksLanguageThenFallbackThenAny() {
        ConversionOptions fr = new ConversionOptions(null, false, "fr_FR", null, TimeUnitOption.AUTO);
        assertThat(convert(Conversion.TRANSLATION, fr, "{\"en_US\":\"Desk\",\"fr_FR\":\"Bureau\"}").asText())
                .isEqualTo("Bureau");
        assertThat(convert(Conversion.TRANSLATION, fr, "{\"en_US\":\"Desk\"}").asText()).isEqualTo("Desk");
        assertThat(convert(Conversion.TRANSLATION, fr, "{\"de_DE\":\"Tisch\"}").asText()).isEqualTo("Tisch");
        ConversionOptions nl = new ConversionOptions(null, false, "nl_NL", "fr_FR", TimeUnitOption.AUTO);
        assertThat(convert(Conversion.TRANSLATION, nl, "{\"en_US\":\"Desk\",\"fr_FR\":\"Bureau\"}").asText())
                .isEqualTo("Bureau");
    }

    @Test
    void translation_parsedJsonAndPlainText_areBothAccepted() throws Exception {
        ConversionOptions en = new ConversionOptions(null, false, "en_US", null, TimeUnitOption.AUTO);
        assertThat(convert(Conversion.TRANSLATION, en, Json.MAPPER.readTree("{\"en_US\":\"Lamp \\\"Arc\\\"\"}"))
                .asText())
                .isEqualTo("Lamp \"Arc\"");
        assertThat(convert(Conversion.TRANSLATION, en, "\"plain\"").asText()).isEqualTo("plain");
    }

    @Test
    void translation_textThatIsNotJson_isTheTextItself() {
        ConversionOptions en = new ConversionOptions(null, false, "en_US", null, TimeUnitOption.AUTO);

        assertThat(convert(Conversion.TRANSLATION, en, "<p>Solid oak, 160 cm</p>").asText())
                .as("Odoo 15 and older: a translated Html field is a text column")
                .isEqualTo("<p>Solid oak, 160 cm</p>");
        assertThat(convert(Conversion.TRANSLATION, en, TextNode.valueOf("{not json")).asText()).isEqualTo("{not json");
        assertThat(convert(Conversion.TRANSLATION, en, "{\"en_US\": \"<p>Oak</p>\", \"fr_FR\": \"<p>Chêne</p>\"}")
                .asText()).as("Odoo 16+: jsonb").isEqualTo("<p>Oak</p>");
    }

    @Test
    void json_keepsAllTranslationsAsAwsJsonText() throws Exception {
        JsonNode out = convert(Conversion.JSON, ConversionOptions.NONE,
                "{\"en_US\":\"Lampe\",\"fr_FR\":\"Lampe été\"}");

        assertThat(out.isTextual()).isTrue();
        assertThat(Json.MAPPER.readTree(out.asText()).get("fr_FR").asText()).isEqualTo("Lampe été");
    }

    @Test
    void timestamp_typedAndSchemalessValues_becomeIsoUtc() {
        ConversionOptions auto = ConversionOptions.NONE;
        assertThat(convert(Conversion.TIMESTAMP, auto, Instant.parse("2024-01-02T03:04:05Z")).asText())
                .isEqualTo("2024-01-02T03:04:05Z");
        assertThat(convert(Conversion.TIMESTAMP, auto, 1_704_164_645_123_456L).asText())
                .isEqualTo("2024-01-02T03:04:05.123456Z");
        assertThat(convert(Conversion.TIMESTAMP, auto, 1_704_164_645_123L).asText())
                .isEqualTo("2024-01-02T03:04:05.123Z");
        assertThat(convert(Conversion.TIMESTAMP, auto, 1_704_164_645_123_456_789L).asText())
                .isEqualTo("2024-01-02T03:04:05.123456789Z");
        assertThat(convert(Conversion.TIMESTAMP, auto, "2024-01-02T04:04:05+01:00").asText())
                .isEqualTo("2024-01-02T03:04:05Z");
        assertThat(convert(Conversion.TIMESTAMP, auto, "2024-01-02 03:04:05").asText())
                .isEqualTo("2024-01-02T03:04:05Z");
    }

    @Test
    void timestamp_explicitUnit_overridesTheGuess() {
        ConversionOptions micros = new ConversionOptions(null, false, null, null, TimeUnitOption.MICROS);
        assertThat(convert(Conversion.TIMESTAMP, micros, 1_000_000L).asText()).isEqualTo("1970-01-01T00:00:01Z");
    }

    @Test
    void date_daysAndTypedValues_becomeIsoDates() {
        assertThat(convert(Conversion.DATE, ConversionOptions.NONE, 19_724L).asText()).isEqualTo("2024-01-02");
        assertThat(convert(Conversion.DATE, ConversionOptions.NONE, LocalDate.of(2024, 1, 2)).asText())
                .isEqualTo("2024-01-02");
    }

    @Test
    void scalars_convertAsNamed() {
        assertThat(convert(Conversion.STRING, ConversionOptions.NONE, 42L).asText()).isEqualTo("42");
        assertThat(convert(Conversion.INT, ConversionOptions.NONE, "42").asLong()).isEqualTo(42);
        assertThat(convert(Conversion.FLOAT, ConversionOptions.NONE, new BigDecimal("1.5")).asDouble()).isEqualTo(1.5);
        assertThat(convert(Conversion.BOOLEAN, ConversionOptions.NONE, "t").asBoolean()).isTrue();
        assertThat(convert(Conversion.AUTO, ConversionOptions.NONE, null).isNull()).isTrue();
    }

    @Test
    void auto_exactAndTemporalValues_becomeStrings() throws Exception {
        assertThat(converter.auto(new BigDecimal("0.10")).asText()).isEqualTo("0.10");
        assertThat(converter.auto(LocalDate.of(2024, 1, 2)).asText()).isEqualTo("2024-01-02");
        assertThat(converter.auto(Json.MAPPER.readTree("{\"a\":1}")).asText()).isEqualTo("{\"a\":1}");
        assertThat(converter.auto(true).asBoolean()).isTrue();
    }

    @Test
    void convert_wrongType_namesColumnFieldAndConversion() {
        assertThatThrownBy(() -> convert(Conversion.BOOLEAN, ConversionOptions.NONE, "maybe"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("column 'c' (field 'f')").hasMessageContaining("expected a boolean");
        assertThatThrownBy(() -> convert(Conversion.INT, ConversionOptions.NONE, "x"))
                .isInstanceOf(MappingException.class).hasMessageContaining("'int'");
    }

    @Test
    void convert_wrongValue_messageNeverCopiesTheValue() {
        assertThatThrownBy(() -> convert(Conversion.BOOLEAN, ConversionOptions.NONE, "SecretFlag"))
                .isInstanceOf(MappingException.class).hasMessageContaining("a string of 10 characters")
                .hasMessageNotContaining("Secret");
        assertThatThrownBy(() -> convert(Conversion.INT, ConversionOptions.NONE, "Secret42"))
                .isInstanceOf(MappingException.class).hasMessageContaining("NumberFormatException")
                .hasMessageNotContaining("Secret");
    }
}
