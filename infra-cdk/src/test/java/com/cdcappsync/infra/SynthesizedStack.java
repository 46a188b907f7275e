package com.cdcappsync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.infra.config.StackConfig;
import com.cdcappsync.infra.schema.GraphqlSources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * The stack synthesized the way {@link CdcAppSyncApp} does it (same {@code cdk.json} context, same cdk-nag
 * checks), but with a small dummy Lambda package, so the tests never need {@code lambda-upsert.jar}.
 *
 * @param stack the stack
 * @param template its template, for CDK assertions
 * @param json the same template as a JSON tree, for reading values
 * @param sources the {@code graphql-schema/} folder it was built from
 */
record SynthesizedStack(CdcAppSyncStack stack, Template template, JsonNode json, GraphqlSources sources) {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** The repository root (tests run in {@code infra-cdk/}). */
    static final Path REPOSITORY_ROOT = GraphqlSources.findRepositoryRoot(Path.of(""));
    /** The real {@code graphql-schema/} folder, the one the local simulator loads too. */
    static final Path SCHEMA_DIR = REPOSITORY_ROOT.resolve(GraphqlSources.FOLDER);

    /**
     * @param workDir a temporary folder for the dummy jar and the cloud assembly
     * @param context context values added to (or replacing) {@code cdk.json}'s
     */
    static SynthesizedStack synthesize(Path workDir, Map<String, Object> context) {
        return synthesize(workDir, context, stack -> { });
    }

    /**
     * @param workDir a temporary folder for the dummy jar and the cloud assembly
     * @param context context values added to (or replacing) {@code cdk.json}'s
     * @param customize changes made to the stack before it is synthesized
     */
    static SynthesizedStack synthesize(Path workDir, Map<String, Object> context,
                                       Consumer<CdcAppSyncStack> customize) {
        return synthesize(workDir, context, customize, SCHEMA_DIR);
    }

    /**
     * @param workDir   a temporary folder for the dummy jar and the cloud assembly
     * @param context   context values added to (or replacing) {@code cdk.json}'s
     * @param schemaDir the {@code graphql-schema/} folder to build from (a copy a test changed)
     */
    static SynthesizedStack synthesize(Path workDir, Map<String, Object> context, Path schemaDir) {
        return synthesize(workDir, context, stack -> { }, schemaDir);
    }

    private static SynthesizedStack synthesize(Path workDir, Map<String, Object> context,
                                               Consumer<CdcAppSyncStack> customize, Path schemaDir) {
        Map<String, Object> all = new LinkedHashMap<>(cdkJsonContext());
        all.putAll(context);
        App app = new App(AppProps.builder().context(all).outdir(workDir.resolve("cdk.out").toString()).build());
        StackConfig config = StackConfig.fromContext(CdcAppSyncApp.contextOf(app.getNode()));
        GraphqlSources sources = GraphqlSources.load(schemaDir);
        CdcAppSyncStack stack = CdcAppSyncApp.build(app,
                new CdcAppSyncStack.Props(config, sources, dummyLambdaJar(workDir)));
        customize.accept(stack);
        Template template = Template.fromStack(stack);
        return new SynthesizedStack(stack, template, MAPPER.valueToTree(template.toJSON()), sources);
    }

    /** @return {@code infra-cdk/cdk.json}'s {@code context}: feature flags, as the CLI passes them */
    @SuppressWarnings("unchecked")
    static Map<String, Object> cdkJsonContext() {
        try {
            Map<String, Object> cdkJson = MAPPER.readValue(Files.readString(Path.of("cdk.json")), Map.class);
            return (Map<String, Object>) cdkJson.get("context");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read infra-cdk/cdk.json (tests run in infra-cdk/)", e);
        }
    }

    /** @return a one-entry jar standing in for {@code lambda-upsert.jar} */
    static Path dummyLambdaJar(Path dir) {
        Path jar = dir.resolve("dummy-lambda.jar");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("Stands in for lambda-upsert.jar in infra-cdk's tests.".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** @return logical id → resource, for every resource of the type */
    Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        json.path("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    /** @return the one resource of the type (fails when there are none or several) */
    JsonNode only(String type) {
        Map<String, JsonNode> found = resources(type);
        assertThat(found).as("resources of type %s", type).hasSize(1);
        return found.values().iterator().next();
    }

    /** @return the logical id of the one resource of the type */
    String onlyId(String type) {
        Map<String, JsonNode> found = resources(type);
        assertThat(found).as("resources of type %s", type).hasSize(1);
        return found.keySet().iterator().next();
    }

    /** @return the resource with this logical id */
    JsonNode resource(String logicalId) {
        JsonNode resource = json.path("Resources").path(logicalId);
        assertThat(resource.isMissingNode()).as("resource %s exists", logicalId).isFalse();
        return resource;
    }

    /** @return the logical id of a construct's CloudFormation resource */
    String logicalId(IConstruct construct) {
        return stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild());
    }

    /** @return every statement of the IAM policies attached to the role with this logical id */
    List<JsonNode> statementsOfRole(String roleLogicalId) {
        List<JsonNode> statements = new ArrayList<>();
        resources("AWS::IAM::Policy").values().forEach(policy -> {
            boolean attached = false;
            for (JsonNode role : policy.path("Properties").path("Roles")) {
                attached |= role.path("Ref").asText().equals(roleLogicalId);
            }
            if (attached) {
                policy.path("Properties").path("PolicyDocument").path("Statement").forEach(statements::add);
            }
        });
        return statements;
    }

    /** @return a JSON value as a list: an array's elements, or the value itself */
    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode()) {
            items.add(node);
        }
        return items;
    }
}
