package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.upsert.appsync.GraphQlResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Deployments to a running stack, as {@code cdk deploy} makes them in AWS: a new API definition (schema, resolvers,
 * api.json) is served in place, with the function's grant following the new manifest and SigV4 still verified; a
 * new mapping gets the function a new execution environment. Bad input changes nothing. The stack serves a copy
 * of graphql-schema/ in a temporary folder: the repository's files are never written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDeployE2ETest {

    @TempDir
    static Path dir;

    private Path api;
    private E2eStack e2e;

    @BeforeAll
    void start() throws IOException {
        api = copy(RepositoryLayout.locate(null).schemaDir(), dir.resolve("api"));
        e2e = new E2eStack(b -> b.apiDir(api));
    }

    @AfterAll
    void stop() {
        if (e2e != null) {
            e2e.close();
        }
    }

    @Test
    void deployApi_fieldAddedAndResolverRemoved_servedAndTheGrantFollowsTheManifest() throws Exception {
        assertThat(e2e.asWebsite("query { getPublicCategory(id: \"1\", websiteId: \"1\") { id slug }"
                + " }").errors()).as("before the deploy")
                .anySatisfy(e -> assertThat(e.message()).contains("slug"));
        addToSchema("type PublicCategory @aws_api_key @aws_iam", "slug: String");
        addToSchema("input PublicCategoryInput", "slug: String");
        Path manifest = api.resolve("api.json");
        Files.writeString(manifest, Files.readString(manifest).replaceAll(
                ",\\s*\\{\"typeName\": \"Mutation\", \"fieldName\": \"deleteProductVariant\"[^}]*}", ""));

        e2e.stack.deployApi(api);

        GraphQlResponse read = e2e.asWebsite("query { getPublicCategory(id: \"1\", websiteId: \"1\") { id slug } }");
        assertThat(read.errors()).isEmpty();
        SignedPost.Answer write = post("mutation { upsertPublicCategory(input: {id: \"801\", version: \"3\", "
                + "slug: \"desks\"}) { id slug } }", issued());
        assertThat(write.body().path("data").path("upsertPublicCategory").path("slug").asText()).as("%s", write.body())
                .isEqualTo("desks");
        assertThat(e2e.item("PublicCategory", 801).get("slug").s()).isEqualTo("desks");
        SignedPost.Answer ungranted = post("mutation { deleteProductVariant(input: {id: \"801\", version: \"3\"}) "
                + "{ id } }", issued());
        assertThat(ungranted.errorType()).as("no longer in the function's grant").isEqualTo("Unauthorized");
        AwsSessionCredentialsIdentity good = issued();
        SignedPost.Answer forged = post("mutation { upsertPublicCategory(input: {id: \"802\", version: \"3\"}) {"
                + " id } }",
                AwsSessionCredentialsIdentity.create(good.accessKeyId(), "forged", good.sessionToken()));
        assertThat(forged.status()).as("SigV4 still verified").isEqualTo(403);
        assertThat(e2e.stack.manifest().mutationFields()).doesNotContain("deleteProductVariant");
    }

    @Test
    void deployApi_schemaThatDoesNotParse_refusedAndThePreviousDefinitionServed() throws Exception {
        Path broken = copy(api, dir.resolve("broken"));
        Files.writeString(broken.resolve("schema.graphql"), "type Product {");

        assertThatThrownBy(() -> e2e.stack.deployApi(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not load").hasMessageContaining("previous definition");

        assertThat(e2e.asWebsite("query { listPublicCategories(websiteId: \"1\") { items { id } }"
                + " }").errors()).isEmpty();
        assertThat(e2e.stack.apiDir()).isEqualTo(api);
    }

    @Test
    void deployFunction_anotherMapping_aNewEnvironmentRunsTheNextInvocation() throws Exception {
        long before = e2e.stack.function().pid();
        Path mapping = dir.resolve("mapping.json");
        Files.copy(RepositoryLayout.locate(null).root()
                .resolve("lambda-upsert/src/main/resources/mappings/odoo-products.json"), mapping);

        int version = Integer.parseInt(e2e.invoker.invoke(e2e.fixtures.single("noschemas-precise",
                Fixtures.PRODUCT_1_SNAPSHOT, 810)).executedVersion());

        e2e.stack.deployFunction(mapping);

        assertThat(e2e.stack.function().pid()).isNotEqualTo(before);
        assertThat(e2e.invoker.invoke(e2e.fixtures.single("noschemas-precise", Fixtures.PRODUCT_1_SNAPSHOT, 813))
                .executedVersion()).as("the deploy published the next version and moved the alias to it")
                .isEqualTo(Integer.toString(version + 1));
        assertThat(ProcessHandle.of(before).filter(ProcessHandle::isAlive)).as("the old JVM").isEmpty();
        assertThat(e2e.stack.mappingFile()).contains(mapping.toAbsolutePath());
        assertThat(e2e.invokeOne(e2e.fixtures.single("noschemas-precise", Fixtures.PRODUCT_1_SNAPSHOT, 811)))
                .isEqualTo("applied");
    }

    @Test
    void deployFunction_missingMapping_refusedAndTheFunctionKeepsServing() {
        long before = e2e.stack.function().pid();

        assertThatThrownBy(() -> e2e.stack.deployFunction(dir.resolve("missing.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");

        assertThat(e2e.stack.function().pid()).isEqualTo(before);
        assertThat(e2e.invokeOne(e2e.fixtures.single("noschemas-precise", Fixtures.PRODUCT_1_SNAPSHOT, 812)))
                .isEqualTo("applied");
    }

    private AwsSessionCredentialsIdentity issued() {
        CredentialsAuthority.IssuedCredentials c = e2e.stack.credentialsAuthority().issue(Duration.ofMinutes(10));
        return AwsSessionCredentialsIdentity.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    private SignedPost.Answer post(String query, AwsSessionCredentialsIdentity identity) throws Exception {
        String body = SignedPost.body(query);
        return SignedPost.send(e2e.stack.graphQlUrl(), SignedPost.sign(e2e.stack.graphQlUrl(), body, identity,
                LocalStack.REGION, "appsync", Clock.systemUTC()), body);
    }

    private void addToSchema(String header, String field) throws IOException {
        Path schema = api.resolve("schema.graphql");
        String text = Files.readString(schema);
        Files.writeString(schema, text.replace(header + " {\n", header + " {\n  " + field + "\n"));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
        return to;
    }
}
