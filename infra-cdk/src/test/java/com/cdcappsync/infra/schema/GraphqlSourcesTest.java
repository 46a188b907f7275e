package com.cdcappsync.infra.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.infra.config.InfraConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema folder as the app reads it; api.json itself is read (and tested) in the api-manifest module. */
class GraphqlSourcesTest {

    @TempDir
    Path dir;

    @Test
    void load_repositoryFolder_manifestFromTheSharedReader() {
        GraphqlSources sources = GraphqlSources.load(GraphqlSources.findRepositoryRoot(Path.of(""))
                .resolve(GraphqlSources.FOLDER));

        assertThat(sources.manifest().mutationFields()).contains("upsertProduct", "deleteProduct");
        assertThat(sources.schemaFile()).isRegularFile();
    }

    @Test
    void load_missingManifest_namesThePathAndTheSetting() throws IOException {
        Files.writeString(dir.resolve("schema.graphql"), "type Query { x: Int }");

        assertThatThrownBy(() -> GraphqlSources.load(dir))
                .isInstanceOf(InfraConfigException.class)
                .hasMessageContaining("api.json")
                .hasMessageContaining("graphqlSchemaDir");
    }

    @Test
    void load_invalidManifest_everyProblemKept() throws IOException {
        Files.writeString(dir.resolve("schema.graphql"), "type Query { x: Int }");
        Files.writeString(dir.resolve("api.json"), """
                {"tables": [{"type": "Product"}], "resolvers": []}""");

        assertThatThrownBy(() -> GraphqlSources.load(dir))
                .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems()).hasSize(4))
                .hasMessageContaining("tables[0]: \"ttlAttribute\" must be a non-empty string; add it")
                .hasMessageContaining("(context graphqlSchemaDir)");
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
}
