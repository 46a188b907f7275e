package com.cdcappsync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.apimanifest.ApiManifest;
import com.cdcappsync.apimanifest.ResolverSpec;
import com.cdcappsync.infra.schema.GraphqlSources;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What AppSync gets deployed is byte for byte what the local stack's simulator loads: both read
 * {@code graphql-schema/api.json} and the schema and VTL files it names. These tests read those files straight
 * from the repository (not through the app's code) and compare them with the synthesized template.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResolverFilesTest {

    private SynthesizedStack synth;
    private JsonNode apiJson;

    @BeforeAll
    void synthesize(@TempDir Path workDir) throws IOException {
        synth = SynthesizedStack.synthesize(workDir, Map.of());
        apiJson = SynthesizedStack.MAPPER.readTree(
                Files.readString(SynthesizedStack.SCHEMA_DIR.resolve(ApiManifest.FILE_NAME)));
    }

    @Test
    void resolvers_everyApiJsonEntry_deployedWithTheTemplateFilesItNames() throws IOException {
        for (JsonNode entry : apiJson.path("resolvers")) {
            JsonNode resolver = resolverFor(entry.path("typeName").asText(), entry.path("fieldName").asText());
            String request = Files.readString(SynthesizedStack.SCHEMA_DIR.resolve(entry.path("request").asText()));
            String response = Files.readString(SynthesizedStack.SCHEMA_DIR.resolve(entry.path("response").asText()));
            assertThat(resolver.path("RequestMappingTemplate").asText())
                    .as("%s request template", entry.path("fieldName").asText()).isEqualTo(request);
            assertThat(resolver.path("ResponseMappingTemplate").asText())
                    .as("%s response template", entry.path("fieldName").asText()).isEqualTo(response);
            if (entry.has("pipeline")) {
                assertThat(resolver.path("Kind").asText()).isEqualTo("PIPELINE");
                assertThat(resolver.has("DataSourceName")).isFalse();
                assertThat(resolver.path("PipelineConfig").path("Functions")).as("%s functions", entry)
                        .hasSize(entry.path("pipeline").size());
            } else {
                assertThat(resolver.path("DataSourceName").asText()).isEqualTo(entry.path("dataSource").asText());
                assertThat(resolver.path("Kind").asText()).isEqualTo("UNIT");
            }
        }
    }

    @Test
    void functions_everyApiJsonEntry_deployedOnItsDataSourceWithItsTemplates() throws IOException {
        Map<String, JsonNode> deployed = new java.util.HashMap<>();
        synth.resources("AWS::AppSync::FunctionConfiguration").values()
                .forEach(f -> deployed.put(f.path("Properties").path("Name").asText(), f.path("Properties")));
        assertThat(deployed).hasSize(apiJson.path("functions").size());
        for (JsonNode entry : apiJson.path("functions")) {
            JsonNode function = deployed.get(entry.path("name").asText());
            assertThat(function).as("function %s", entry.path("name").asText()).isNotNull();
            assertThat(function.path("DataSourceName").asText()).isEqualTo(entry.path("dataSource").asText());
            assertThat(function.path("RequestMappingTemplate").asText()).isEqualTo(Files.readString(
                    SynthesizedStack.SCHEMA_DIR.resolve(entry.path("request").asText())));
            assertThat(function.path("ResponseMappingTemplate").asText()).isEqualTo(Files.readString(
                    SynthesizedStack.SCHEMA_DIR.resolve(entry.path("response").asText())));
        }
    }

    @Test
    void resolvers_template_noneBesidesThoseInApiJson() {
        assertThat(synth.resources("AWS::AppSync::Resolver")).hasSize(apiJson.path("resolvers").size());
    }

    @Test
    void resolvers_dataSource_isOneTheStackDeclares() {
        Set<String> dataSourceNames = new LinkedHashSet<>();
        synth.resources("AWS::AppSync::DataSource").values()
                .forEach(ds -> dataSourceNames.add(ds.path("Properties").path("Name").asText()));
        synth.resources("AWS::AppSync::Resolver").forEach((id, resolver) -> {
            if (resolver.path("Properties").path("Kind").asText().equals("UNIT")) {
                assertThat(dataSourceNames).contains(resolver.path("Properties").path("DataSourceName").asText());
            }
            assertThat(resolver.path("DependsOn").toString())
                    .as("resolver %s waits for the schema", id).contains(synth.onlyId("AWS::AppSync::GraphQLSchema"));
        });
    }

    @Test
    void schema_deployed_isSchemaGraphqlAsIs() throws IOException {
        String schema = Files.readString(SynthesizedStack.SCHEMA_DIR.resolve(GraphqlSources.SCHEMA_FILE));
        assertThat(synth.only("AWS::AppSync::GraphQLSchema").path("Properties").path("Definition").asText())
                .isEqualTo(schema);
    }

    @Test
    void resolvers_apiJsonField_existsOnItsTypeInSchemaGraphql() throws IOException {
        String schema = Files.readString(SynthesizedStack.SCHEMA_DIR.resolve(GraphqlSources.SCHEMA_FILE));
        for (ResolverSpec resolver : synth.sources().manifest().resolvers()) {
            assertThat(fieldsOf(schema, resolver.typeName())).as("fields of %s", resolver.typeName())
                    .contains(resolver.fieldName());
        }
    }

    @Test
    void mutations_inSchema_eachHasAResolver() throws IOException {
        String schema = Files.readString(SynthesizedStack.SCHEMA_DIR.resolve(GraphqlSources.SCHEMA_FILE));
        assertThat(synth.sources().manifest().mutationFields())
                .containsExactlyInAnyOrderElementsOf(fieldsOf(schema, "Mutation"));
    }

    private JsonNode resolverFor(String typeName, String fieldName) {
        return synth.resources("AWS::AppSync::Resolver").values().stream()
                .map(r -> r.path("Properties"))
                .filter(p -> p.path("TypeName").asText().equals(typeName)
                        && p.path("FieldName").asText().equals(fieldName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no resolver for " + typeName + "." + fieldName));
    }

    /** The field names of {@code type Name { ... }}, ignoring descriptions and comments. */
    private static Set<String> fieldsOf(String schema, String typeName) {
        String withoutDocs = schema.replaceAll("(?s)\"\"\".*?\"\"\"", "").replaceAll("\"[^\"\\n]*\"", "")
                .replaceAll("#[^\\n]*", "");
        Matcher type = Pattern.compile("\\btype\\s+" + typeName + "\\b[^{]*\\{([^}]*)}").matcher(withoutDocs);
        assertThat(type.find()).as("type %s in schema.graphql", typeName).isTrue();
        Set<String> fields = new LinkedHashSet<>();
        Matcher field = Pattern.compile("(?m)^\\s*([_A-Za-z][_0-9A-Za-z]*)\\s*[(:]").matcher(type.group(1));
        while (field.find()) {
            fields.add(field.group(1));
        }
        return fields;
    }
}
