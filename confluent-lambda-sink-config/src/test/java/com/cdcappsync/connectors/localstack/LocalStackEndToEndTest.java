package com.cdcappsync.connectors.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.cdcappsync.connectors.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * End to end on LocalStack, where Docker runs: deploys the real Lambda jar ({@code lambda-upsert/target/
 * lambda-upsert.jar}) with the real handler, gives it an alias as the stack does, and invokes the alias with a real
 * fixture batch in the shape the Confluent Platform sink config produces (StringConverter: key and value as JSON
 * strings), exactly as the connector would. The function's APPSYNC_GRAPHQL_URL points at {@link GraphQlStub}
 * (LocalStack's AppSync is a paid feature). Asserts the Confluent sink answer and the mutations received.
 *
 * <p>Where no Docker runs (as on the project's build machines) the class is reported skipped with
 * {@link DockerRequired#SKIPPED}. Where the jar is missing, the test is skipped with the command that builds it.
 */
@ExtendWith(DockerRequired.class)
@Testcontainers(disabledWithoutDocker = true)
class LocalStackEndToEndTest {

    static final DockerImageName LOCALSTACK = DockerImageName.parse("localstack/localstack:4.0.3");
    static final String FUNCTION = "cdc-appsync-upsert";
    static final String ALIAS = "live";
    static final List<String> MUTATIONS = List.of("upsertProduct", "deleteProduct");

    private static Network network;
    private static GraphQlStub graphQl;
    private static LocalStackContainer localStack;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() throws Exception {
        Path jar = Path.of(System.getProperty("cdc.lambdaJar", "../lambda-upsert/target/lambda-upsert.jar"));
        assumeTrue(Files.isRegularFile(jar), "Skipped: no Lambda jar at " + jar.toAbsolutePath()
                + "; build it with ./mvnw -B -pl lambda-upsert package (the root ./mvnw -B verify does)");
        network = Network.newNetwork();
        graphQl = new GraphQlStub(network);
        graphQl.start(MUTATIONS);
        String networkName = DockerClientFactory.instance().client().inspectNetworkCmd()
                .withNetworkId(network.getId()).exec().getName();
        localStack = new LocalStackContainer(LOCALSTACK).withServices("lambda").withNetwork(network)
                .withEnv("LAMBDA_DOCKER_NETWORK", networkName)
                .withEnv("LOCALSTACK_AUTH_TOKEN", System.getenv().getOrDefault("LOCALSTACK_AUTH_TOKEN", ""));
        localStack.start();
        lambda = LambdaClient.builder().endpointOverride(localStack.getEndpoint())
                .region(Region.of(localStack.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        localStack.getAccessKey(), localStack.getSecretKey())))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(5)).build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMinutes(6))).build();
        deploy(jar, graphQl.urlOn(network));
    }

    private static void deploy(Path jar, String graphQlUrl) throws Exception {
        SdkBytes code = SdkBytes.fromByteArray(Files.readAllBytes(jar));
        lambda.createFunction(f -> f.functionName(FUNCTION).runtime(Runtime.JAVA21)
                .handler("com.cdcappsync.upsert.UpsertHandler::handleRequest")
                .role("arn:aws:iam::000000000000:role/cdc-appsync-upsert").memorySize(1024).timeout(60)
                .code(c -> c.zipFile(code))
                .environment(e -> e.variables(Map.of("APPSYNC_GRAPHQL_URL", graphQlUrl, "APPSYNC_AUTH", "api-key",
                        "APPSYNC_API_KEY", "localstack-test-key"))));
        lambda.waiter().waitUntilFunctionActiveV2(w -> w.functionName(FUNCTION));
        String version = lambda.publishVersion(p -> p.functionName(FUNCTION)).version();
        lambda.createAlias(a -> a.functionName(FUNCTION).name(ALIAS).functionVersion(version));
    }

    @AfterAll
    static void stop() {
        if (lambda != null) {
            lambda.close();
        }
        if (localStack != null) {
            localStack.stop();
        }
        if (graphQl != null) {
            graphQl.close();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void invokeAlias_realFixtureBatchAsStrings_answersPerRecordAndSendsOneMutationPerItem() throws Exception {
        // The products scenario's product_template records: the deployed function runs the packaged mapping, which
        // does not publish Odoo's internal product_category (it would reject those records as an unknown table).
        ArrayNode batch = Fixtures.MAPPER.createArrayNode();
        Fixtures.batches(Fixtures.confluentArray("noschemas-string", "confluent-string.json"), 16).getFirst()
                .forEach(e -> {
                    if (e.at("/payload/topic").asText().endsWith(".product_template")) {
                        batch.add(e);
                    }
                });
        String aliasArn = lambda.getAlias(a -> a.functionName(FUNCTION).name(ALIAS)).aliasArn();
        SdkBytes payload = SdkBytes.fromByteArray(Fixtures.MAPPER.writeValueAsBytes(batch));

        InvokeResponse response = lambda.invoke(i -> i.functionName(aliasArn).payload(payload));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
        JsonNode answer = Fixtures.MAPPER.readTree(response.payload().asByteArray());
        assertThat(answer).hasSize(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            for (String field : List.of("/payload/topic", "/payload/partition", "/payload/offset")) {
                assertThat(answer.get(i).at(field).asText()).as("answer %d %s", i, field)
                        .isEqualTo(batch.get(i).at(field).asText());
            }
        }
        assertThat(statuses(answer)).containsEntry("applied", 4L).containsEntry("stale", 7L)
                .containsEntry("ignored", 1L).doesNotContainKeys("rejected", "failed");
        List<String> queries = graphQl.receivedQueries();
        assertThat(queries).hasSize(4);
        assertThat(queries).filteredOn(q -> q.contains("upsertProduct")).hasSize(2);
        assertThat(queries).filteredOn(q -> q.contains("deleteProduct")).hasSize(2);
    }

    private static Map<String, Long> statuses(JsonNode answer) {
        return StreamSupport.stream(answer.spliterator(), false).map(e -> e.at("/payload/result/status").asText())
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }
}
