package com.cdcappsync.apimanifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiManifestTest {

    private static final String TABLE = """
            {"type": "Product", "dataSource": "ProductTable", "partitionKey": "id", "ttlAttribute": "expiresAt"}""";
    /** The module runs its tests in api-manifest/; the repository's schema folder is next to it. */
    private static final Path REPOSITORY_SCHEMA = Path.of("").toAbsolutePath().getParent().resolve("graphql-schema");

    @TempDir
    Path dir;

    @Test
    void load_repositoryManifest_tablesResolversAndMutations() {
        ApiManifest manifest = ApiManifest.load(REPOSITORY_SCHEMA);

        assertThat(manifest.tables()).extracting(TableSpec::type).containsExactly("Product", "ProductVariant",
                "PublicCategory", "ProductPublicCategory");
        assertThat(manifest.tables()).extracting(TableSpec::ttlAttribute).containsOnly("expiresAt");
        assertThat(manifest.tableOfType("ProductVariant").indexes())
                .containsExactly(new IndexSpec("byProduct", "productId"));
        assertThat(manifest.resolvers()).isNotEmpty();
        assertThat(manifest.mutationFields()).containsExactly("upsertProduct", "deleteProduct",
                "upsertProductVariant", "deleteProductVariant", "upsertPublicCategory", "deletePublicCategory",
                "upsertProductPublicCategory", "deleteProductPublicCategory");
        assertThat(manifest.tableOf("ProductTable")).map(TableSpec::type).contains("Product");
        assertThat(manifest.tableOfType("PublicCategory").dataSource()).isEqualTo("PublicCategoryTable");
        ResolverSpec variant = manifest.resolvers().stream()
                .filter(r -> r.qualifiedField().equals("Mutation.upsertProductVariant")).findFirst().orElseThrow();
        assertThat(variant.isPipeline()).isTrue();
        assertThat(variant.dataSource()).isNull();
        assertThat(variant.pipeline()).containsExactly("writeVariant", "parentProduct");
        assertThat(manifest.function("parentProduct")).map(FunctionSpec::dataSource).contains("ProductTable");
    }

    @Test
    void load_pipelineResolverWithUndeclaredFunctionOrADataSource_refusedNamingEach() throws IOException {
        write("resolvers/a.vtl", "{}");
        write("api.json", """
                {"tables": [%s],
                 "functions": [{"name": "f", "dataSource": "Nowhere", "request": "resolvers/a.vtl",
                   "response": "resolvers/a.vtl"}],
                 "resolvers": [
                   {"typeName": "Query", "fieldName": "a", "pipeline": ["f", "g"],
                    "request": "resolvers/a.vtl", "response": "resolvers/a.vtl"}]}""".formatted(TABLE));

        assertThatThrownBy(() -> ApiManifest.load(dir)).isInstanceOfSatisfying(ApiManifestException.class,
                e -> assertThat(e.problems()).hasSize(2)
                        .anySatisfy(p -> assertThat(p).contains("functions: f uses dataSource Nowhere"))
                        .anySatisfy(p -> assertThat(p).contains("runs function g, which no \"functions\" entry")));
    }

    @Test
    void load_pipelineResolverEmptyOrWithADataSource_refusedWithTheFix() throws IOException {
        write("resolvers/a.vtl", "{}");
        write("api.json", """
                {"tables": [%s], "resolvers": [
                   {"typeName": "Query", "fieldName": "b", "pipeline": [], "dataSource": "ProductTable",
                    "request": "resolvers/a.vtl", "response": "resolvers/a.vtl"}]}""".formatted(TABLE));

        assertThatThrownBy(() -> ApiManifest.load(dir)).isInstanceOfSatisfying(ApiManifestException.class,
                e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("\"pipeline\" is empty"))
                        .anySatisfy(p -> assertThat(p).contains("has no \"dataSource\"")));
    }

    @Test
    void load_indexes_readAndDuplicatesRefused() throws IOException {
        write("api.json", """
                {"tables": [{"type": "V", "dataSource": "VTable", "partitionKey": "id", "ttlAttribute": "expiresAt",
                  "indexes": [{"name": "byProduct", "partitionKey": "productId"},
                              {"name": "byProduct", "partitionKey": "other"}]}], "resolvers": []}""");

        assertThatThrownBy(() -> ApiManifest.load(dir)).isInstanceOf(ApiManifestException.class)
                .hasMessageContaining("declares index byProduct twice");
    }

    @Test
    void tableOfType_undeclaredType_namesTheDeclaredOnes() {
        ApiManifest manifest = ApiManifest.load(REPOSITORY_SCHEMA);

        assertThatThrownBy(() -> manifest.tableOfType("Order")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no table for type Order").hasMessageContaining("Product");
    }

    @Test
    void load_validManifest_keepsFileOrderAndIgnoresOtherKeys() throws IOException {
        write("resolvers/a.vtl", "{}");
        write("api.json", """
                {"description": "x", "extra": 1, "tables": [%s],
                 "resolvers": [
                   {"typeName": "Mutation", "fieldName": "upsertProduct", "dataSource": "ProductTable",
                    "request": "resolvers/a.vtl", "response": "resolvers/a.vtl", "local": true},
                   {"typeName": "Query", "fieldName": "getProduct", "dataSource": "ProductTable",
                    "request": "resolvers/a.vtl", "response": "resolvers/a.vtl"}]}""".formatted(TABLE));

        ApiManifest manifest = ApiManifest.load(dir);

        assertThat(manifest.tables()).containsExactly(new TableSpec("Product", "ProductTable", "id", "expiresAt"));
        assertThat(manifest.resolvers()).extracting(ResolverSpec::qualifiedField)
                .containsExactly("Mutation.upsertProduct", "Query.getProduct");
        assertThat(manifest.mutationFields()).containsExactly("upsertProduct");
    }

    @Test
    void load_tableWithoutTtlAttribute_refusedWithTheFix() throws IOException {
        write("api.json", """
                {"tables": [{"type": "Product", "dataSource": "ProductTable", "partitionKey": "id"}],
                 "resolvers": []}""");

        assertThatThrownBy(() -> ApiManifest.load(dir))
                .isInstanceOfSatisfying(ApiManifestException.class, e -> assertThat(e.problems()).hasSize(1))
                .hasMessageContaining("tables[0]: \"ttlAttribute\" must be a non-empty string; add it");
    }

    @Test
    void load_ttlAttributeIsThePartitionKey_refused() throws IOException {
        write("api.json", """
                {"tables": [{"type": "Product", "dataSource": "ProductTable", "partitionKey": "id",
                  "ttlAttribute": "id"}], "resolvers": []}""");

        assertThatThrownBy(() -> ApiManifest.load(dir)).isInstanceOf(ApiManifestException.class)
                .hasMessageContaining("Product has ttlAttribute id, its partition key");
    }

    @Test
    void load_inconsistentManifest_everyProblemReportedWithTheFix() throws IOException {
        write("resolvers/a.vtl", "{}");
        write("api.json", """
                {"tables": [%s, %s, {"type": "Category"}],
                 "resolvers": [
                   {"typeName": "Query", "fieldName": "getX", "dataSource": "XTable",
                    "request": "resolvers/missing.vtl", "response": "../outside.vtl"}]}"""
                .formatted(TABLE, TABLE));

        assertThatThrownBy(() -> ApiManifest.load(dir))
                .isInstanceOf(ApiManifestException.class)
                .hasMessageContaining("tables[2]: \"dataSource\" must be a non-empty string; add it")
                .hasMessageContaining("tables[2]: \"ttlAttribute\" must be a non-empty string; add it");
        write("api.json", """
                {"tables": [%s, %s],
                 "resolvers": [
                   {"typeName": "Query", "fieldName": "getX", "dataSource": "XTable",
                    "request": "resolvers/missing.vtl", "response": "../outside.vtl"},
                   {"typeName": "Query", "fieldName": "getX", "dataSource": "ProductTable",
                    "request": "resolvers/a.vtl", "response": "resolvers/a.vtl"}]}""".formatted(TABLE, TABLE));

        assertThatThrownBy(() -> ApiManifest.load(dir))
                .isInstanceOfSatisfying(ApiManifestException.class, e -> assertThat(e.problems()).hasSize(6))
                .hasMessageContaining("type Product is declared twice")
                .hasMessageContaining("dataSource ProductTable is declared twice")
                .hasMessageContaining("Query.getX has two resolvers")
                .hasMessageContaining("Query.getX uses dataSource XTable, which no tables entry declares "
                        + "(declared: ProductTable); add the table or fix the name")
                .hasMessageContaining("names resolvers/missing.vtl, but ")
                .hasMessageContaining("names ../outside.vtl, outside the schema folder");
    }

    @Test
    void load_noTables_refused() throws IOException {
        write("api.json", "{\"tables\": [], \"resolvers\": []}");

        assertThatThrownBy(() -> ApiManifest.load(dir)).isInstanceOf(ApiManifestException.class)
                .hasMessageContaining("tables: no entry");
    }

    @Test
    void load_missingFile_namesThePath() {
        assertThatThrownBy(() -> ApiManifest.load(dir))
                .isInstanceOf(ApiManifestException.class)
                .hasMessageContaining(dir.resolve("api.json").toString())
                .hasMessageContaining("check the path");
    }

    @Test
    void load_invalidJson_namesTheLine() throws IOException {
        write("api.json", "{\n\"tables\": [,]}");

        assertThatThrownBy(() -> ApiManifest.load(dir)).hasMessageContaining("not valid JSON")
                .hasMessageContaining("at line 2");
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
