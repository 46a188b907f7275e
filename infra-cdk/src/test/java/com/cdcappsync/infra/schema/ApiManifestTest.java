package com.cdcappsync.infra.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.infra.config.InfraConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiManifestTest {

    private static final String TABLE = """
            {"type": "Product", "dataSource": "ProductTable", "partitionKey": "id", "ttlAttribute": "expiresAt"}""";

    @TempDir
    Path dir;

    @Test
    void load_repositoryManifest_tablesResolversAndMutations() {
        ApiManifest manifest = ApiManifest.load(GraphqlSources.findRepositoryRoot(Path.of(""))
                .resolve(GraphqlSources.FOLDER));

        assertThat(manifest.tables()).extracting(TableSpec::type).contains("Product", "Category");
        assertThat(manifest.resolvers()).isNotEmpty();
        assertThat(manifest.mutationFields()).contains("upsertProduct", "deleteProduct");
        assertThat(manifest.tableOf("ProductTable")).map(TableSpec::type).contains("Product");
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
    void load_inconsistentManifest_everyProblemReportedWithTheFix() throws IOException {
        write("resolvers/a.vtl", "{}");
        write("api.json", """
                {"tables": [%s, %s, {"type": "Category"}],
                 "resolvers": [
                   {"typeName": "Query", "fieldName": "getX", "dataSource": "XTable",
                    "request": "resolvers/missing.vtl", "response": "../outside.vtl"}]}"""
                .formatted(TABLE, TABLE));

        assertThatThrownBy(() -> ApiManifest.load(dir))
                .isInstanceOf(InfraConfigException.class)
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
                .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems()).hasSize(6))
                .hasMessageContaining("type Product is declared twice")
                .hasMessageContaining("dataSource ProductTable is declared twice")
                .hasMessageContaining("Query.getX has two resolvers")
                .hasMessageContaining("Query.getX uses dataSource XTable, which no tables entry declares "
                        + "(declared: ProductTable); add the table or fix the name")
                .hasMessageContaining("names resolvers/missing.vtl, but ")
                .hasMessageContaining("names ../outside.vtl, outside the schema folder");
    }

    @Test
    void load_missingFile_namesThePathAndTheSetting() {
        assertThatThrownBy(() -> ApiManifest.load(dir))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("api.json")
                .hasMessageContaining("graphqlSchemaDir");
    }

    @Test
    void load_invalidJson_namesTheLine() throws IOException {
        write("api.json", "{\n\"tables\": [,]}");

        assertThatThrownBy(() -> ApiManifest.load(dir)).hasMessageContaining("not valid JSON")
                .hasMessageContaining("at line 2");
    }

    @Test
    void graphqlSources_noSchemaFile_namesTheSetting() {
        assertThatThrownBy(() -> GraphqlSources.load(dir))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("schema.graphql does not exist; point context graphqlSchemaDir");
    }

    @Test
    void findRepositoryRoot_outsideTheRepository_namesTheFix() {
        assertThatThrownBy(() -> GraphqlSources.findRepositoryRoot(dir))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("run cdk from infra-cdk/ of the cdc-appsync repository, or set -c "
                        + "graphqlSchemaDir=PATH");
    }

    @Test
    void findRepositoryRoot_fromInfraCdk_theParent() {
        assertThat(GraphqlSources.findRepositoryRoot(Path.of(""))).isEqualTo(
                Path.of("").toAbsolutePath().getParent());
    }

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
