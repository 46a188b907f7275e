package com.cdcappsync.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.apimanifest.ApiManifest;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.cdcappsync.upsert.mapping.Mappings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffoldRunTest {

    @TempDir
    Path dir;

    private ScaffoldRun.Result run(RepositoryFiles files, boolean force, boolean dryRun) {
        TablePlan plan = TablePlan.of(TablePlanTest.shopTable(), null, "en_US", Set.of());
        return new ScaffoldRun(files.schema, files.api, files.mapping).run(List.of(plan), force, dryRun);
    }

    @Test
    void run_newTable_addsEveryUnitAndTheReadersAcceptThem() throws Exception {
        RepositoryFiles files = RepositoryFiles.copyTo(dir);

        ScaffoldRun.Result result = run(files, false, false);

        assertThat(result.count(Change.Status.ADD)).isEqualTo(16);
        ApiManifest api = ApiManifest.load(dir);
        assertThat(api.mutationFields()).contains("upsertProductTag", "deleteProductTag");
        assertThat(api.tableOfType("ProductTag").dataSource()).isEqualTo("ProductTagTable");
        Mappings mappings = new MappingLoader().load(files.mapping);
        assertThat(mappings.find("public", "product_tag").orElseThrow().selection())
                .contains("id", "name", "nameTranslations", "weight", "version", "updatedAt", "deleted");
        String schema = Files.readString(files.schema);
        assertThat(schema).contains("type ProductTag @aws_api_key @aws_iam {\n  id: ID!\n  name: String\n",
                "  version: Float!\n  updatedAt: AWSDateTime\n  deleted: Boolean\n}",
                "input ProductTagInput {\n  id: ID!\n  version: String!\n",
                "  upsertProductTag(input: ProductTagInput!): ProductTag @aws_iam\n",
                "  onDeleteProductTag(id: ID): ProductTag @aws_subscribe(mutations: [\"deleteProductTag\"]) "
                        + "@aws_api_key @aws_iam\n",
                "  listProductTags(limit: Int, nextToken: String): ProductTagConnection! @aws_api_key @aws_iam\n");
        assertThat(schema.indexOf("type ProductTag ")).isLessThan(schema.indexOf("type Query {"));
    }

    @Test
    void run_again_changesNothing() throws Exception {
        RepositoryFiles files = RepositoryFiles.copyTo(dir);
        run(files, false, false);
        String schema = Files.readString(files.schema);
        String api = Files.readString(files.api);
        String mapping = Files.readString(files.mapping);

        ScaffoldRun.Result again = run(files, false, false);

        assertThat(again.count(Change.Status.SAME)).isEqualTo(16);
        assertThat(again.written()).isFalse();
        assertThat(Files.readString(files.schema)).isEqualTo(schema);
        assertThat(Files.readString(files.api)).isEqualTo(api);
        assertThat(Files.readString(files.mapping)).isEqualTo(mapping);
    }

    @Test
    void run_afterHandEdit_showsTheDiffAndKeepsTheEditUnlessForced() throws Exception {
        RepositoryFiles files = RepositoryFiles.copyTo(dir);
        run(files, false, false);
        Files.writeString(files.schema, Files.readString(files.schema).replaceFirst("  colorIndex: Int\n  weight",
                "  \"Hand-written.\"\n  colorIndex: Int\n  weight"));
        Files.writeString(files.mapping, Files.readString(files.mapping).replace(
                "\"colorIndex\": {\"column\": \"color_index\", \"convert\": \"int\"}",
                "\"colorIndex\": {\"column\": \"color_index\", \"convert\": \"string\"}"));
        String edited = Files.readString(files.schema);

        ScaffoldRun.Result kept = run(files, false, false);

        assertThat(kept.changes()).filteredOn(c -> c.status() == Change.Status.DIFFERS)
                .extracting(Change::unit).containsExactlyInAnyOrder("type ProductTag", "mapping table product_tag");
        assertThat(kept.changes().stream().filter(c -> c.unit().equals("type ProductTag")).findFirst().orElseThrow()
                .diff()).contains("-   \"Hand-written.\"\n    colorIndex: Int\n").doesNotContain("+ ");
        assertThat(Files.readString(files.schema)).isEqualTo(edited);
        assertThat(Files.readString(files.mapping)).contains("\"color_index\", \"convert\": \"string\"");

        run(files, true, false);

        assertThat(Files.readString(files.schema)).doesNotContain("Hand-written.");
        assertThat(Files.readString(files.mapping)).contains("\"color_index\", \"convert\": \"int\"");
    }

    @Test
    void run_dryRun_writesNothing() throws Exception {
        RepositoryFiles files = RepositoryFiles.copyTo(dir);
        String schema = Files.readString(files.schema);

        ScaffoldRun.Result result = run(files, false, true);

        assertThat(result.count(Change.Status.ADD)).isEqualTo(16);
        assertThat(result.written()).isFalse();
        assertThat(Files.readString(files.schema)).isEqualTo(schema);
    }
}
