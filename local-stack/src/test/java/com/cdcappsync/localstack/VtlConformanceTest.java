package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appsync.AppSyncClient;
import software.amazon.awssdk.services.appsync.model.EvaluateMappingTemplateResponse;

/**
 * The resolvers render the same in AppSync as in the local stack's simulator. Every template of graphql-schema/
 * is rendered on the cases of {@code vtl-conformance/cases.json} (the contexts the local tests exercise):
 * <ul>
 *   <li>always, by the simulator's engine, checked against each case's expectations;</li>
 *   <li>when AWS credentials are present, also by AppSync's own engine through the {@code EvaluateMappingTemplate}
 *       API (no API deployed, nothing written; needs {@code appsync:EvaluateMappingTemplate}), and compared with the
 *       simulator's rendering. Without credentials that test is skipped, saying why.</li>
 * </ul>
 * Run it: {@code AWS_PROFILE=... ./mvnw -B -pl local-stack -am test -Dtest=VtlConformanceTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (docs/verification.md, "Resolvers against real AppSync").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VtlConformanceTest {

    private List<VtlRendering.Case> cases;
    private List<VtlRendering.Rendered> simulator;

    @BeforeAll
    void renderWithTheSimulator() throws Exception {
        RepositoryLayout layout = RepositoryLayout.locate(null);
        cases = VtlRendering.cases(layout);
        simulator = VtlRendering.simulator(layout, cases);
    }

    @Test
    void simulator_everyCase_rendersWhatTheCaseExpects() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < cases.size(); i++) {
            VtlRendering.Case c = cases.get(i);
            VtlRendering.Rendered r = simulator.get(i);
            if (c.expectError() != null) {
                softly.assertThat(r.errorType()).as(c.name()).isEqualTo(c.expectError());
                continue;
            }
            softly.assertThat(r.errorType()).as("%s: %s", c.name(), r.errorMessage()).isNull();
            JsonNode rendered = VtlRendering.MAPPER.readTree(r.evaluationResult());
            for (Map.Entry<String, JsonNode> expected : c.expect().properties()) {
                JsonNode at = expected.getKey().isEmpty() ? rendered : rendered.at(JsonPointer.compile(
                        expected.getKey()));
                softly.assertThat(at).as("%s at '%s' in %s", c.name(), expected.getKey(), r.evaluationResult())
                        .isEqualTo(expected.getValue());
            }
        }
        softly.assertAll();
    }

    @Test
    void appSync_everyCase_rendersAsTheSimulator() throws Exception {
        AwsCredentialsProvider credentials = credentials();
        try (AppSyncClient appSync = AppSyncClient.builder().credentialsProvider(credentials).region(region())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            SoftAssertions softly = new SoftAssertions();
            for (int i = 0; i < cases.size(); i++) {
                VtlRendering.Case c = cases.get(i);
                VtlRendering.Rendered local = simulator.get(i);
                EvaluateMappingTemplateResponse aws = appSync.evaluateMappingTemplate(b -> b.template(c.template())
                        .context(c.context().toString()));
                if (local.errorType() != null || aws.error() != null) {
                    softly.assertThat(aws.error() == null ? null : aws.error().message()).as(c.name())
                            .isEqualTo(local.errorMessage());
                    continue;
                }
                softly.assertThat(VtlRendering.normal(aws.evaluationResult())).as("%s\nAppSync:   %s\nsimulator: %s",
                        c.name(), aws.evaluationResult(), local.evaluationResult())
                        .isEqualTo(VtlRendering.normal(local.evaluationResult()));
            }
            softly.assertAll();
        }
    }

    @Test
    void normal_sameUpdateOtherOrderAndPlaceholders_equalButNotAnotherVersion() throws Exception {
        String a = """
                {"update": {"expression": "SET #a = :a, #version = :v REMOVE #x, #y",
                 "expressionNames": {"#a": "name", "#version": "version", "#x": "expiresAt", "#y": "description"},
                 "expressionValues": {":a": {"S": "Desk"}, ":v": {"N": "58325944"}, ":now": {"S": "t1"}}}}""";
        String b = """
                {"update": {"expression": "SET #f2 = :v2, #f1 = :v1 REMOVE #f4, #f3",
                 "expressionNames": {"#f1": "name", "#f2": "version", "#f3": "expiresAt", "#f4": "description"},
                 "expressionValues": {":v1": {"S": "Desk"}, ":v2": {"N": "58325944"}, ":now": {"S": "t2"}}}}""";

        assertThat(VtlRendering.normal(a)).isEqualTo(VtlRendering.normal(b));
        assertThat(VtlRendering.normal(a)).isNotEqualTo(VtlRendering.normal(b.replace("58325944", "5.8325944E7")));
    }

    /**
     * Credentials from the environment, system properties, a profile ({@code AWS_PROFILE}) or a container; the EC2
     * instance metadata service is left out, so that machines without credentials skip at once instead of waiting
     * for it.
     */
    private static AwsCredentialsProvider credentials() {
        AwsCredentialsProvider chain = AwsCredentialsProviderChain.of(EnvironmentVariableCredentialsProvider.create(),
                SystemPropertyCredentialsProvider.create(), ProfileCredentialsProvider.create(),
                ContainerCredentialsProvider.create());
        try {
            chain.resolveCredentials();
        } catch (SdkClientException e) {
            assumeTrue(false, "no AWS credentials (environment, profile or container), so AppSync's "
                    + "EvaluateMappingTemplate cannot be called; set AWS_PROFILE or AWS_ACCESS_KEY_ID/... to run this "
                    + "check against real AppSync (docs/verification.md, \"Resolvers against real AppSync\")");
        }
        return chain;
    }

    private static Region region() {
        String region = System.getenv("AWS_REGION");
        return Region.of(region == null || region.isBlank() ? "us-east-1" : region);
    }
}
