package com.cdcappsync.upsert.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.upsert.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingLoaderTest {

    private final MappingLoader loader = new MappingLoader();

    @Test
    void loadDefault_odooMapping_coversWhatTheWebsiteShows() {
        Mappings mappings = loader.loadDefault();

        TableMapping product = mappings.find("public", "product_template").orElseThrow();
        assertThat(product.typeName()).isEqualTo("Product");
        assertThat(product.visibleWhen()).containsEntry("active", VisibilityRule.required(true))
                .containsEntry("sale_ok", VisibilityRule.required(true))
                .containsEntry("is_published", VisibilityRule.optional(true));
        assertThat(product.websites()).isEqualTo(new WebsiteRule("website_id", "company_id", "websiteIds"));
        assertThat(product.fields()).extracting(FieldSpec::column).doesNotContain("description", "default_code",
                "categ_id", "standard_price");
        assertThat(mappings.find("public", "product_category")).as("internal categories").isEmpty();
        assertThat(mappings.find("public", "product_public_category").orElseThrow().typeName())
                .isEqualTo("PublicCategory");
        assertThat(mappings.find("public", "product_public_category_product_template_rel").orElseThrow()
                .keyColumns()).containsExactly("product_template_id", "product_public_category_id");
        TableMapping variant = mappings.find("public", "product_product").orElseThrow();
        assertThat(variant.typeName()).isEqualTo("ProductVariant");
        assertThat(variant.visibleWhen()).containsExactly(java.util.Map.entry("active", VisibilityRule.required(true)));
        assertThat(variant.fields()).extracting(FieldSpec::column).containsExactly("product_tmpl_id", "write_date");
    }

    @Test
    void load_websitesRule_malformed_refusedWithTheForm(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "{\"tables\":[{\"table\":\"t\",\"type\":\"T\",\"websites\":{\"column\":\"w\"}}]}");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(MappingException.class)
                .hasMessageContaining("\"websites\" must be {\"websiteColumn\"");
    }

    @Test
    void load_visibleWhenObjectRule_readsValueAndOptional(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "{\"tables\":[{\"table\":\"t\",\"type\":\"T\",\"fields\":{\"a\":\"a\"},"
                + "\"visibleWhen\":{\"state\":{\"value\":\"sale\",\"optional\":true},\"active\":{\"value\":true}}}]}");

        TableMapping t = loader.load(file).tables().getFirst();

        assertThat(t.visibleWhen()).containsEntry("state", VisibilityRule.optional("sale"))
                .containsEntry("active", VisibilityRule.required(true));
    }

    @Test
    void load_visibleWhenBadRule_namesTheRuleAndTheForm(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "{\"tables\":[{\"table\":\"t\",\"type\":\"T\",\"fields\":{\"a\":\"a\"},"
                + "\"visibleWhen\":{\"x\":{\"value\":true,\"optional\":\"yes\"},\"y\":{\"valu\":1}}}]}");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(MappingException.class)
                .hasMessageContaining("visibleWhen.x must be").hasMessageContaining("visibleWhen.y must be")
                .hasMessageContaining("\"optional\": true");
    }

    @Test
    void load_fileOnDisk_isRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "{\"tables\":[{\"table\":\"t\",\"type\":\"T\",\"fields\":{\"a\":\"a\"}}]}");

        TableMapping t = loader.load(file).tables().getFirst();

        assertThat(t.upsertMutation()).isEqualTo("upsertT");
        assertThat(t.deleteMutation()).isEqualTo("deleteT");
        assertThat(t.upsertInputType()).isEqualTo("TInput");
        assertThat(t.deleteInputType()).isEqualTo("DeleteTInput");
        assertThat(t.keyColumns()).containsExactly("id");
        assertThat(t.selection()).containsExactly("id", "a", "version", "updatedAt", "deleted");
    }

    @Test
    void load_missingFile_namesTheSettingAndTheFix(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.json"))).isInstanceOf(MappingException.class)
                .hasMessageContaining("MAPPING_PATH").hasMessageContaining("packaged Odoo mapping");
    }

    @Test
    void load_invalidJson_saysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"tables\": [");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(MappingException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void parse_manyProblems_reportsThemAllAtOnce() throws Exception {
        String json = """
                {"tables":[
                  {"type":"A","fields":{"a":"a"}},
                  {"table":"b","type":"B","fields":{}},
                  {"table":"c","type":"C","fields":{"x":{"column":"x","convert":"money"}}, "visibleWhen": []},
                  {"table":"d","type":"D","fields":{"x":{"column":"x","convert":"decimal","scale":-1,"languge":"en"}}},
                  {"table":"e","type":"E","fields":{"x":{"column":"x","convert":"translation"}},
                   "unmappedColumns":"all"},
                  {"table":"e","type":"E2","fields":{"x":{"column":"x","unit":"days"}},"typo":1}
                ]}""";

        assertThatThrownBy(() -> loader.parse(Json.MAPPER.readTree(json), "test.json"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("tables[0]: \"table\" is required")
                .hasMessageContaining("tables[1] (b): \"fields\" must be a non-empty object")
                .hasMessageContaining("\"convert\" is 'money'; expected one of auto, string")
                .hasMessageContaining("\"visibleWhen\" must be an object")
                .hasMessageContaining("\"scale\" applies to convert=decimal only and must be an integer >= 0")
                .hasMessageContaining("unknown key \"languge\"")
                .hasMessageContaining("convert=translation needs \"language\"")
                .hasMessageContaining("\"unmappedColumns\" must be drop, same-name or camel-case")
                .hasMessageContaining("\"unit\" must be auto, millis, micros or nanos")
                .hasMessageContaining("unknown key \"typo\"")
                .hasMessageContaining("table 'e' is mapped twice");
    }

    @Test
    void parse_noTables_isRejected() throws Exception {
        assertThatThrownBy(() -> loader.parse(Json.MAPPER.readTree("{}"), "x")).isInstanceOf(MappingException.class)
                .hasMessageContaining("\"tables\" must be a non-empty array");
    }
}
