package com.cdcappsync.upsert.internal.mapping;

import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.mapping.MappingException;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.cdcappsync.upsert.mapping.ServedWebsites;
import com.cdcappsync.upsert.mapping.UnknownTableException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.testing.Events;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeMapperTest {

    private final ChangeMapper mapper = new ChangeMapper(new MappingLoader().loadDefault(), Json.MAPPER);

    @Test
    void map_visibleProduct_upsertsEveryMappedField() throws Exception {
        Map<String, Object> row = Events.product("{\"en_US\":\"Desk\",\"fr_FR\":\"Bureau\"}", "12.5");
        row.put("write_date", Instant.parse("2024-03-01T10:15:30.123456Z"));
        row.put("website_description", "{\"en_US\":\"<p>Oak</p>\"}");
        row.put("description", "{\"en_US\":\"internal notes\"}");
        row.put("default_code", "DESK-001");
        row.put("internal_note", "not for the web");

        MappedChange change = mapper.map(Events.upsert(0, "product_template", 7, 1000, row));

        assertThat(change.kind()).isEqualTo(MappedChange.Kind.UPSERT);
        assertThat(change.itemKey()).isEqualTo("Product#7");
        JsonNode input = change.variables().get("input");
        assertThat(input.get("id").asText()).isEqualTo("7");
        assertThat(input.get("name").asText()).isEqualTo("Desk");
        assertThat(Json.MAPPER.readTree(input.get("nameTranslations").asText()))
                .isEqualTo(Json.MAPPER.readTree("{\"en_US\":\"Desk\",\"fr_FR\":\"Bureau\"}"));
        assertThat(input.get("listPrice").asText()).isEqualTo("12.50");
        assertThat(input.get("writeDate").asText()).isEqualTo("2024-03-01T10:15:30.123456Z");
        assertThat(input.get("websiteDescription").asText()).isEqualTo("<p>Oak</p>");
        assertThat(input.get("websiteIds")).as("no website_id: every served website (the default, 1)")
                .containsExactly(Json.MAPPER.getNodeFactory().textNode("1"));
        assertThat(input.has("description") || input.has("categoryId") || input.has("defaultCode"))
                .as("internal notes, internal category, internal reference").isFalse();
        assertThat(input.get("version").isTextual()).as("digits, never a double's text").isTrue();
        assertThat(input.get("version").asText()).isEqualTo("1000");
        assertThat(input.has("internal_note")).isFalse();
        assertThat(input.has("active")).isFalse();
    }

    @Test
    void map_upsert_queryAsksForEveryFieldOfTheType() {
        MappedChange change = mapper.map(Events.upsert(0, "product_template", 7, 1000,
                Events.product("{\"en_US\":\"Desk\"}", "1")));

        assertThat(change.query())
                .startsWith("mutation UpsertProduct($input: ProductInput!) { upsertProduct(input: $input) {")
                .contains(" id ", " name ", " nameTranslations ", " listPrice ", " websiteIds ", " writeDate ",
                        " version ", " updatedAt ", " deleted ").doesNotContain("description ", "categoryId");
    }

    @Test
    void map_archivedProduct_becomesDeleteWithTheSameVersion() {
        Map<String, Object> row = Events.product("{\"en_US\":\"Chair\"}", "45");
        row.put("active", false);

        MappedChange change = mapper.map(Events.upsert(0, "product_template", 2, 2000, row));

        assertThat(change.kind()).isEqualTo(MappedChange.Kind.DELETE);
        assertThat(change.note()).isEqualTo("active=false");
        assertThat(change.query()).startsWith("mutation DeleteProduct($input: DeleteProductInput!) { deleteProduct(");
        assertThat(change.variables().get("input").toString()).isEqualTo("{\"id\":\"2\",\"version\":\"2000\"}");
    }

    @Test
    void map_notForSale_becomesDelete() {
        Map<String, Object> row = Events.product("{\"en_US\":\"Lamp\"}", "19.99");
        row.put("sale_ok", false);

        assertThat(mapper.map(Events.upsert(0, "product_template", 3, 3000, row)).kind())
                .isEqualTo(MappedChange.Kind.DELETE);
    }

    @Test
    void map_deleteEvent_sendsIdAndVersionOnly() {
        MappedChange change = mapper.map(Events.delete(0, "product_template", 3, 4000));

        assertThat(change.kind()).isEqualTo(MappedChange.Kind.DELETE);
        assertThat(change.note()).isNull();
        assertThat(change.variables().get("input").size()).isEqualTo(2);
    }

    @Test
    void map_toastedColumn_isLeftOutOfTheInput() {
        Map<String, Object> row = Events.product("{\"en_US\":\"Desk\"}", "14");

        MappedChange change = mapper.map(Events.upsert(0, "product_template", 1, 5000, row,
                Set.of("website_description")));

        assertThat(change.variables().get("input").has("websiteDescription")).isFalse();
        assertThat(change.variables().get("input").get("listPrice").asText()).isEqualTo("14.00");
    }

    @Test
    void map_unknownTranslationColumn_leavesBothDerivedFieldsOut() {
        Map<String, Object> row = Events.product("{\"en_US\":\"x\"}", "1");
        row.remove("name");

        MappedChange change = mapper.map(Events.upsert(0, "product_template", 1, 5000, row, Set.of("name")));

        assertThat(change.variables().get("input").has("name")).isFalse();
        assertThat(change.variables().get("input").has("nameTranslations")).isFalse();
    }

    @Test
    void map_publicCategory_usesItsOwnTypeAndMutations() {
        Map<String, Object> row = new LinkedHashMap<>(Map.of("name", "{\"en_US\":\"Desks\"}", "parent_id", 1L,
                "sequence", 20L));

        MappedChange change = mapper.map(Events.upsert(0, "product_public_category", 2, 10, row));

        assertThat(change.itemKey()).isEqualTo("PublicCategory#2");
        assertThat(change.mutationField()).isEqualTo("upsertPublicCategory");
        assertThat(change.variables().get("input").get("name").asText()).isEqualTo("Desks");
        assertThat(change.variables().get("input").get("parentId").asText()).isEqualTo("1");
        assertThat(change.variables().get("input").get("sequence").asInt()).isEqualTo(20);
    }

    @Test
    void map_internalCategory_isNotPublished() {
        assertThatThrownBy(() -> mapper.map(Events.upsert(0, "product_category", 2, 10, Map.of("name", "All"))))
                .isInstanceOf(UnknownTableException.class);
    }

    @Test
    void map_categoryLink_keyedByBothIds() {
        Map<String, Object> key = Map.of("product_template_id", 21L, "product_public_category_id", 5L);

        MappedChange upsert = mapper.map(Events.upsert(0, "product_public_category_product_template_rel", 0, 10,
                new LinkedHashMap<>(key)));
        MappedChange delete = mapper.map(new ChangeEvent(Events.record(0, 1).ref(), "public",
                "product_public_category_product_template_rel", com.cdcappsync.upsert.decode.Operation.DELETE, 'd',
                key, Map.of(), Set.of(), new com.cdcappsync.upsert.decode.Version(11,
                com.cdcappsync.upsert.decode.Version.Source.LSN), null, null));

        assertThat(upsert.itemKey()).isEqualTo("ProductPublicCategory#21#5");
        assertThat(upsert.variables().get("input").get("productId").asText()).isEqualTo("21");
        assertThat(upsert.variables().get("input").get("categoryId").asText()).isEqualTo("5");
        assertThat(delete.kind()).isEqualTo(MappedChange.Kind.DELETE);
        assertThat(delete.id()).isEqualTo("21#5");
    }

    @Test
    void map_productOfAnotherWebsiteOrCompany_leavesTheSite() {
        ChangeMapper twoSites = new ChangeMapper(new MappingLoader().loadDefault(), Json.MAPPER,
                ServedWebsites.parse("1:1,2:3+1"));
        Map<String, Object> row = Events.product("{\"en_US\":\"Desk\"}", "1");

        row.put("website_id", 2L);
        row.put("company_id", 1L);
        assertThat(twoSites.map(Events.upsert(0, "product_template", 1, 10, row)).variables().get("input")
                .get("websiteIds")).as("website 2 shows its parent company's products")
                .containsExactly(Json.MAPPER.getNodeFactory().textNode("2"));
        row.put("website_id", null);
        row.put("company_id", 3L);
        assertThat(twoSites.map(Events.upsert(0, "product_template", 1, 11, row)).variables().get("input")
                .get("websiteIds")).containsExactly(Json.MAPPER.getNodeFactory().textNode("2"));
        row.put("website_id", 7L);
        MappedChange elsewhere = twoSites.map(Events.upsert(0, "product_template", 1, 12, row));
        assertThat(elsewhere.kind()).isEqualTo(MappedChange.Kind.DELETE);
        assertThat(elsewhere.note()).contains("on no served website").contains("website_id=7")
                .contains("company_id=3").contains("1:1,2:3+1");
        row.put("website_id", null);
        row.put("company_id", 4L);
        assertThat(twoSites.map(Events.upsert(0, "product_template", 1, 13, row)).kind())
                .isEqualTo(MappedChange.Kind.DELETE);
    }

    @Test
    void map_unknownTable_throwsNamingTheTableAndTheFix() {
        ChangeEvent event = Events.upsert(0, "res_partner", 1, 1, Map.of());

        assertThatThrownBy(() -> mapper.map(event)).isInstanceOf(UnknownTableException.class)
                .isInstanceOfSatisfying(MappingException.class,
                        e -> assertThat(e.kind()).isEqualTo(MappingException.Kind.UNKNOWN_TABLE))
                .hasMessageContaining("public.res_partner").hasMessageContaining("mapping file");
    }

    @Test
    void map_visibleWhenColumnMissing_throwsInvalidValue() {
        Map<String, Object> row = Events.product("{\"en_US\":\"Desk\"}", "1");
        row.remove("sale_ok");

        assertThatThrownBy(() -> mapper.map(Events.upsert(0, "product_template", 1, 1, row)))
                .isInstanceOf(MappingException.class).hasMessageContaining("visibleWhen needs column 'sale_ok'");
    }

    // Variants (product_product) and is_published (present, absent, false, true again) are tested on real
    // Debezium events: fixtures.StorefrontFixtureTest, fixtures/debezium-storefront.

    /**
     * Hand-made on purpose: real Debezium cannot produce it for is_published (a boolean is never TOASTed, so its
     * value is never the unavailable placeholder); it guards a mapping whose optional rule names a TOASTable column.
     */
    @Test
    void map_optionalVisibleWhenColumnUnavailable_throws() {
        Map<String, Object> row = Events.product("{\"en_US\":\"Desk\"}", "1");
        row.remove("is_published");

        assertThatThrownBy(() -> mapper.map(Events.upsert(0, "product_template", 1, 1, row, Set.of("is_published"))))
                .isInstanceOf(MappingException.class).hasMessageContaining("its value is unavailable");
    }

    @Test
    void map_missingKey_throwsMissingKey() {
        ChangeEvent event = new ChangeEvent(Events.record(0, 0).ref(), "public", "product_public_category",
                com.cdcappsync.upsert.decode.Operation.UPSERT, 'c', Map.of(), Map.of("name", "x"), Set.of(),
                new com.cdcappsync.upsert.decode.Version(1, com.cdcappsync.upsert.decode.Version.Source.LSN), null,
                        null);

        assertThatThrownBy(() -> mapper.map(event)).isInstanceOfSatisfying(MappingException.class,
                e -> assertThat(e.kind()).isEqualTo(MappingException.Kind.MISSING_KEY))
                .hasMessageContaining("missing key column 'id'");
    }

    @Test
    void map_keyOnlyInRow_usesTheRowValue() {
        ChangeEvent event = new ChangeEvent(Events.record(0, 0).ref(), "public", "product_public_category",
                com.cdcappsync.upsert.decode.Operation.UPSERT, 'c', Map.of(),
                Map.of("id", 9L, "name", "{\"en_US\":\"x\"}"), Set.of(),
                new com.cdcappsync.upsert.decode.Version(1, com.cdcappsync.upsert.decode.Version.Source.LSN), null,
                null);

        assertThat(mapper.map(event).id()).isEqualTo("9");
    }

    @Test
    void camel_snakeCase_becomesLowerCamelCase() {
        assertThat(ChangeMapper.camel("list_price")).isEqualTo("listPrice");
        assertThat(ChangeMapper.camel("_private_x")).isEqualTo("privateX");
        assertThat(ChangeMapper.camel("id")).isEqualTo("id");
    }
}
