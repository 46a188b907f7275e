package com.cdcappsync.upsert.internal.mapping;

import com.cdcappsync.upsert.mapping.Conversion;
import com.cdcappsync.upsert.mapping.ConversionOptions;
import com.cdcappsync.upsert.mapping.FieldSpec;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.cdcappsync.upsert.mapping.TableMapping;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.decode.Version;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.testing.Events;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The size estimates at their exact boundaries. The arithmetic is spelled out so that a change of the estimate
 * shows here: input {@code {"id":"1","body":<n characters>,"version":"5"}} of an {@code upsertThing}.
 */
class SizeCheckTest {

    private static final FieldSpec BODY = new FieldSpec("body", "body", Conversion.TRANSLATION,
            new ConversionOptions(null, false, "en_US", null, ConversionOptions.TimeUnitOption.AUTO));
    /**
     * Item: id 2+1, body 4+n, version 7+21, updatedAt 9+35, deleted 7+1, expiresAt 9+21.
     */
    private static final int ITEM_OVERHEAD = 117;
    /**
     * Message: {@code "id":"1",} 9, {@code "body":"…",} n+10, {@code "version":<24>,} 35, {@code "updatedAt":<37>,}
     * 50, {@code "deleted":false,} 16, the object's braces 2, {@code {"data":{"upsertThing":}}} 25, the envelope 1024.
     */
    private static final int MESSAGE_OVERHEAD = 1_171;

    /**
     * The body is no mapped field (as a column sent by {@code unmappedColumns}), so the message does not select it:
     * only the item's limit applies.
     */
    private static final TableMapping ITEM_ONLY = table(List.of(), List.of("version", "deleted"));
    /** Selection: id, body, version, updatedAt, deleted. */
    private static final TableMapping SELECTED = table(List.of(BODY), List.of("version", "updatedAt", "deleted"));

    private final SizeCheck check = new SizeCheck();

    /** Built with the builder (whose selection is the id, the fields and the extra selection). */
    private static TableMapping table(List<FieldSpec> fields, List<String> extraSelection) {
        return TableMapping.builder("thing", "Thing").fields(fields).extraSelection(extraSelection).build();
    }

    private static MappedChange upsert(TableMapping table, String body) {
        ObjectNode variables = Json.MAPPER.createObjectNode();
        variables.putObject("input").put("id", "1").put("body", body).put("version", "5");
        return new MappedChange(Events.upsert(0, "thing", 1, 5, Map.of()), table, MappedChange.Kind.UPSERT, "1",
                new Version(5, Version.Source.LSN), "mutation", variables, null);
    }

    @Test
    void check_itemOfExactlyTheLimit_fits() {
        SizeCheck.Verdict verdict = check.check(upsert(ITEM_ONLY, "a".repeat(400_000 - ITEM_OVERHEAD)));

        assertThat(verdict).isInstanceOf(SizeCheck.Fits.class);
        assertThat(((SizeCheck.Fits) verdict).itemBytes()).isEqualTo(400_000);
    }

    @Test
    void check_itemOneByteOverTheLimit_isTooLargeNamingLimitSizeFieldAndFix() {
        SizeCheck.Verdict verdict = check.check(upsert(ITEM_ONLY, "a".repeat(400_001 - ITEM_OVERHEAD)));

        assertThat(verdict).isInstanceOf(SizeCheck.TooLarge.class);
        assertThat(((SizeCheck.TooLarge) verdict).detail())
                .startsWith("upsertThing for a Thing does not fit: the DynamoDB item would take up to 400,001 bytes, "
                        + "over DynamoDB's item size limit of 400,000 bytes")
                .contains("ServiceQuotas.html#limits-items")
                .contains("largest fields 'body' 399,888 bytes, 'updatedAt' 44 bytes")
                .contains("fix: add the column that fills field 'body' of table 'thing' to the table's \"exclude\"")
                .doesNotContain("subscription message", "aaaa");
    }

    @Test
    void check_itemCountsUtf8Bytes_twoForAnAccentFourForAnEmoji() {
        String body = "a".repeat(400_000 - ITEM_OVERHEAD - 6) + "é" + "😀";

        assertThat(check.check(upsert(ITEM_ONLY, body))).isEqualTo(new SizeCheck.Fits(400_000, 1_111));
        assertThat(check.check(upsert(ITEM_ONLY, "a" + body))).isInstanceOf(SizeCheck.TooLarge.class);
    }

    @Test
    void check_messageOfExactlyTheLimit_fits() {
        SizeCheck.Verdict verdict = check.check(upsert(SELECTED, "a".repeat(240_000 - MESSAGE_OVERHEAD)));

        assertThat(verdict).isEqualTo(new SizeCheck.Fits(240_000 - MESSAGE_OVERHEAD + ITEM_OVERHEAD, 240_000));
    }

    @Test
    void check_messageOneByteOverTheLimit_isTooLargeNamingTheSubscriptionLimit() {
        SizeCheck.Verdict verdict = check.check(upsert(SELECTED, "a".repeat(240_001 - MESSAGE_OVERHEAD)));

        assertThat(((SizeCheck.TooLarge) verdict).detail())
                .startsWith("upsertThing for a Thing does not fit: the subscription message would take up to "
                        + "240,001 bytes")
                .contains("AppSync's subscription payload limit of 240,000 bytes (240 KB; "
                        + "docs.aws.amazon.com/general/latest/gr/appsync.html)", "largest fields 'body' 238,840 bytes")
                .contains("fix: let the mapping cut field 'body' of table 'thing' with \"maxBytes\"",
                        "\"body\": {\"column\": \"body\", \"convert\": \"translation\", \"language\": \"en_US\", "
                                + "\"maxBytes\": 65536}")
                .doesNotContain("DynamoDB item would");
    }

    @Test
    void check_messageCountsEveryCharacterAsEscaped_htmlAndNonAscii() {
        String fits = "a".repeat(240_000 - MESSAGE_OVERHEAD);
        // A serializer may send < as a 6-byte escape, " as 2 bytes, é as 6, an emoji as two 6-byte escapes (12).
        assertThat(check.check(upsert(SELECTED, fits.substring(6) + "<"))).isInstanceOf(SizeCheck.Fits.class);
        assertThat(check.check(upsert(SELECTED, fits.substring(5) + "<"))).isInstanceOf(SizeCheck.TooLarge.class);
        assertThat(check.check(upsert(SELECTED, fits.substring(1) + "\""))).isInstanceOf(SizeCheck.TooLarge.class);
        assertThat(check.check(upsert(SELECTED, fits.substring(2) + "\""))).isInstanceOf(SizeCheck.Fits.class);
        assertThat(check.check(upsert(SELECTED, fits.substring(6) + "é"))).isInstanceOf(SizeCheck.Fits.class);
        assertThat(check.check(upsert(SELECTED, fits.substring(5) + "é"))).isInstanceOf(SizeCheck.TooLarge.class);
        assertThat(check.check(upsert(SELECTED, fits.substring(12) + "😀"))).isInstanceOf(SizeCheck.Fits.class);
        assertThat(check.check(upsert(SELECTED, fits.substring(11) + "😀"))).isInstanceOf(SizeCheck.TooLarge.class);
    }

    @Test
    void check_jsonTextCountsAsTheMapDynamoDbStores_whenLarger() {
        // [1,1,...]: 2 bytes of text per number, but 1 + 21 in a DynamoDB list.
        String numbers = "[" + "1,".repeat(19_999) + "1]";
        ObjectNode variables = Json.MAPPER.createObjectNode();
        variables.putObject("input").put("id", "1").put("body", numbers).put("version", "5");
        MappedChange change = new MappedChange(Events.upsert(0, "thing", 1, 5, Map.of()), ITEM_ONLY,
                MappedChange.Kind.UPSERT, "1", new Version(5, Version.Source.LSN), "mutation", variables, null);

        assertThat(((SizeCheck.TooLarge) check.check(change)).detail()).contains("'body' 440,007 bytes");
    }

    @Test
    void check_fieldThatCannotBeCut_fixSaysLeaveItOut() {
        TableMapping json = table(List.of(new FieldSpec("body", "body_json", Conversion.JSON, ConversionOptions.NONE)),
                List.of());

        assertThat(((SizeCheck.TooLarge) check.check(upsert(json, "x".repeat(300_000)))).detail())
                .contains("fix: remove field 'body' of table 'thing' from the table's \"fields\" (convert=json "
                        + "cannot be cut");
    }

    @Test
    void map_deleteOfAMappingFile_selectsOnlyIdVersionDeleted() throws Exception {
        ChangeMapper mapper = new ChangeMapper(new MappingLoader().parse(Json.MAPPER.readTree(
                "{\"tables\":[{\"table\":\"product_template\",\"type\":\"Product\",\"fields\":{"
                        + "\"name\":\"name\",\"description\":\"description\"}}]}"), "test"), Json.MAPPER);

        MappedChange delete = mapper.map(Events.delete(0, "product_template", 7, 70));
        MappedChange upsert = mapper.map(Events.upsert(0, "product_template", 7, 71,
                Map.of("name", "Desk", "description", "<p>Oak</p>")));

        assertThat(delete.query()).isEqualTo("mutation DeleteProduct($input: DeleteProductInput!) { "
                + "deleteProduct(input: $input) { id version deleted } }");
        assertThat(upsert.query()).isEqualTo("mutation UpsertProduct($input: ProductInput!) { "
                + "upsertProduct(input: $input) { id name description version updatedAt deleted } }");
        // Item: id 3, version 28, updatedAt 44, deleted 8, expiresAt 30. Message: id 9, version 35, deleted 16, braces
        // 2, {"data":{"deleteProduct":}} 27, envelope 1024.
        assertThat(check.check(delete)).isEqualTo(new SizeCheck.Fits(113, 1_113));
    }

    @Test
    void deleteSelection_selectionWithoutDeleted_asksOnlyWhatTheTypeHas() {
        TableMapping noDeleted = TableMapping.builder("t", "T").idField("key")
                .fields(List.of(BODY)).extraSelection(List.of("version")).build();

        assertThat(MutationText.deleteSelection(noDeleted)).containsExactly("key", "version");
        assertThat(MutationText.of(noDeleted).delete()).endsWith("deleteT(input: $input) { key version } }");
    }
}
