package com.cdcappsync.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.sqs.Queue;

/** cdk-nag's AwsSolutions rules pass; the few suppressions are the expected ones, each with its reason. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NagComplianceTest {

    /** Every suppression in the app, as rule@resource type. */
    private static final List<String> EXPECTED_SUPPRESSIONS = List.of(
            // the index wildcard of the two tables with global secondary indexes (SyncApi.allowIndexQueries)
            "AwsSolutions-IAM5@AWS::IAM::Policy",
            "AwsSolutions-IAM5@AWS::IAM::Policy",
            "AwsSolutions-L1@AWS::Lambda::Function",
            "AwsSolutions-SQS3@AWS::SQS::Queue");

    private SynthesizedStack synth;
    private Annotations annotations;

    @BeforeAll
    void synthesize(@TempDir Path workDir) {
        synth = SynthesizedStack.synthesize(workDir, Map.of());
        annotations = Annotations.fromStack(synth.stack());
    }

    @Test
    void awsSolutions_errors_none() {
        annotations.hasNoError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    }

    @Test
    void awsSolutions_warnings_none() {
        annotations.hasNoWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    }

    @Test
    void cdk_warningsAndErrors_none() {
        annotations.hasNoWarning("*", Match.anyValue());
        annotations.hasNoError("*", Match.anyValue());
    }

    @Test
    void suppressions_all_expectedOnesEachWithAReason() {
        List<String> found = new ArrayList<>();
        synth.json().path("Resources").fields().forEachRemaining(resource -> {
            for (JsonNode rule : resource.getValue().path("Metadata").path("cdk_nag").path("rules_to_suppress")) {
                found.add(rule.path("id").asText() + "@" + resource.getValue().path("Type").asText());
                assertThat(rule.path("reason").asText()).as("reason of %s on %s", rule.path("id").asText(),
                        resource.getKey()).hasSizeGreaterThan(80);
            }
        });
        assertThat(found).containsExactlyInAnyOrderElementsOf(EXPECTED_SUPPRESSIONS);
    }

    @Test
    void awsSolutions_nonCompliantResourceAdded_failsSynthesisNamingOnlyIt(@TempDir Path workDir)
            throws IOException {
        assertThatThrownBy(() -> SynthesizedStack.synthesize(workDir, Map.of(),
                stack -> new Queue(stack, "BareQueue"))).hasMessageContaining("Validation failed");

        JsonNode report = SynthesizedStack.MAPPER.readTree(
                Files.readString(workDir.resolve("cdk.out").resolve("validation-report.json")));
        List<String> rules = new ArrayList<>();
        for (JsonNode violation : report.path("pluginReports").path(0).path("violations")) {
            rules.add(violation.path("description").asText().replaceAll(":.*", "").strip());
            violation.path("violatingConstructs").forEach(construct -> assertThat(
                    construct.path("constructPath").asText()).startsWith("CdcAppSync-dev/BareQueue/"));
        }
        assertThat(rules).as("the checks the app installs run on every synthesis").contains("AwsSolutions-SQS4");
    }
}
