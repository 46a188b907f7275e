package com.cdcappsync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.apimanifest.ConnectorGrant;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** IAM: the function calls only its own mutations; the connector only invokes and reads the alias; no secrets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeastPrivilegeTest {

    private static final Pattern MUTATION_FIELD = Pattern.compile("/types/Mutation/fields/([_A-Za-z0-9]+)$");

    private SynthesizedStack synth;
    private String functionRoleId;
    private String connectorRoleId;

    @BeforeAll
    void synthesize(@TempDir Path workDir) {
        synth = SynthesizedStack.synthesize(workDir, Map.of());
        functionRoleId = synth.only("AWS::Lambda::Function").path("Properties").path("Role").path("Fn::GetAtt")
                .get(0).asText();
        connectorRoleId = synth.logicalId(synth.stack().getNode().findChild("Connector").getNode()
                .findChild("Role"));
    }

    @Test
    void functionRole_appsync_onlyTheMutationFieldsOfApiJson() {
        List<JsonNode> appsync = synth.statementsOfRole(functionRoleId).stream()
                .filter(s -> s.path("Action").toString().contains("appsync:")).toList();
        assertThat(appsync).hasSize(1);
        JsonNode statement = appsync.get(0);
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.path("Action").asText()).isEqualTo("appsync:GraphQL");
        List<String> fields = new ArrayList<>();
        for (JsonNode resource : SynthesizedStack.list(statement.path("Resource"))) {
            String arn = joined(resource);
            assertThat(arn).contains(":appsync:").contains(":apis/" + synth.onlyId("AWS::AppSync::GraphQLApi"));
            Matcher field = MUTATION_FIELD.matcher(arn);
            assertThat(field.find()).as("one Mutation field per resource: %s", arn).isTrue();
            fields.add(field.group(1));
        }
        assertThat(fields).containsExactlyInAnyOrderElementsOf(synth.sources().manifest().mutationFields());
    }

    @Test
    void functionRole_allStatements_logsMutationsAndQueueOnlyWithoutWildcards() {
        String logGroupId = synth.only("AWS::Lambda::Function").path("Properties").path("LoggingConfig")
                .path("LogGroup").path("Ref").asText();
        String queueId = synth.onlyId("AWS::SQS::Queue");
        for (JsonNode statement : synth.statementsOfRole(functionRoleId)) {
            List<String> actions = SynthesizedStack.list(statement.path("Action")).stream().map(JsonNode::asText)
                    .toList();
            assertThat(actions).allSatisfy(a -> assertThat(a).doesNotContain("*"));
            String resources = statement.path("Resource").toString();
            assertThat(resources).doesNotContain("\"*\"");
            if (actions.get(0).startsWith("logs:")) {
                assertThat(resources).contains(logGroupId);
            } else if (actions.get(0).startsWith("sqs:")) {
                assertThat(actions).contains("sqs:SendMessage");
                assertThat(resources).contains(queueId);
            } else {
                assertThat(actions).containsExactly("appsync:GraphQL");
            }
        }
        JsonNode role = synth.resource(functionRoleId).path("Properties");
        assertThat(role.has("ManagedPolicyArns")).as("no AWS managed policy").isFalse();
        assertThat(role.path("AssumeRolePolicyDocument").toString()).contains("lambda.amazonaws.com");
    }

    @Test
    void appsyncPermissions_anyRoleButTheFunctions_none() {
        synth.resources("AWS::IAM::Role").keySet().stream().filter(id -> !id.equals(functionRoleId))
                .forEach(id -> assertThat(synth.statementsOfRole(id).toString()).as("role %s", id)
                        .doesNotContain("appsync:"));
    }

    @Test
    void connectorRole_policy_onlyInvokeAndGetFunctionOnTheAlias() {
        List<JsonNode> statements = synth.statementsOfRole(connectorRoleId);
        assertThat(statements).hasSize(1);
        JsonNode statement = statements.get(0);
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(SynthesizedStack.list(statement.path("Action")).stream().map(JsonNode::asText))
                .containsExactlyInAnyOrder("lambda:InvokeFunction", "lambda:GetFunction")
                .containsExactlyInAnyOrderElementsOf(ConnectorGrant.CONNECTOR.actions());
        // The alias ARN only: not the unqualified function ARN, not "<function>:*" (IAM matches the ARN the
        // connector calls with, and the connector calls with the alias).
        assertThat(SynthesizedStack.list(statement.path("Resource"))).singleElement()
                .satisfies(r -> assertThat(r.path("Ref").asText()).isEqualTo(synth.onlyId("AWS::Lambda::Alias")));
        assertThat(statement.path("Resource").toString()).doesNotContain("*")
                .doesNotContain(synth.onlyId("AWS::Lambda::Function"));
        assertThat(synth.only("AWS::Lambda::Alias").path("Properties").path("Name").asText())
                .isEqualTo(ConnectorGrant.CONNECTOR.alias());
        JsonNode role = synth.resource(connectorRoleId).path("Properties");
        assertThat(role.has("ManagedPolicyArns")).isFalse();
        assertThat(role.has("Policies")).isFalse();
    }

    @Test
    void connectorRole_default_trustsThisAccountOnly() {
        JsonNode trust = synth.resource(connectorRoleId).path("Properties").path("AssumeRolePolicyDocument")
                .path("Statement");
        assertThat(trust).hasSize(1);
        assertThat(trust.get(0).path("Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(joined(trust.get(0).path("Principal").path("AWS"))).endsWith(":root").contains("AWS::AccountId");
    }

    @Test
    void outputs_exactlyTheConnectorConfigKeys() {
        List<String> keys = new ArrayList<>();
        synth.json().path("Outputs").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(CdcAppSyncStack.OUTPUT_KEYS);
        JsonNode outputs = synth.json().path("Outputs");
        assertThat(outputs.path("FunctionAliasArn").path("Value").path("Ref").asText())
                .isEqualTo(synth.onlyId("AWS::Lambda::Alias"));
        assertThat(outputs.path("ConnectorPrincipalArn").path("Value").path("Fn::GetAtt").toString())
                .isEqualTo("[\"" + connectorRoleId + "\",\"Arn\"]");
        assertThat(outputs.path("Region").path("Value").path("Ref").asText()).isEqualTo("AWS::Region");
        assertThat(outputs.path("RealtimeUrl").path("Value").path("Fn::GetAtt").get(1).asText())
                .isEqualTo("RealtimeUrl");
        assertThat(outputs.path("GraphQlUrl").path("Value").path("Fn::GetAtt").get(1).asText())
                .isEqualTo("GraphQLUrl");
        assertThat(outputs.path("OnFailureQueueUrl").path("Value").path("Ref").asText())
                .isEqualTo(synth.onlyId("AWS::SQS::Queue"));
        assertThat(outputs.path("ApiKeyId").path("Value").path("Fn::GetAtt").get(1).asText()).isEqualTo("ApiKeyId");
    }

    @Test
    void template_secrets_noAccessKeyNoSecretNoApiKeyAttribute() {
        synth.template().resourceCountIs("AWS::IAM::AccessKey", 0);
        synth.template().resourceCountIs("AWS::IAM::User", 0);
        synth.template().resourceCountIs("AWS::SecretsManager::Secret", 0);
        String template = synth.json().toString();
        assertThat(template).as("nothing reads the API key's secret attribute").doesNotContain("\",\"ApiKey\"]");
        assertThat(template).doesNotContain("aws_secret_access_key").doesNotContain("SecretAccessKey");
    }

    @Test
    void template_accountAndRegion_notHardCoded() {
        String template = synth.json().toString();
        assertThat(template).doesNotContainPattern("\\b\\d{12}\\b");
        assertThat(template).doesNotContainPattern("\\b(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\\d\\b");
    }

    /** An ARN built with {@code Fn::Join}, its parts concatenated ({@code Ref}s shown as their names). */
    private static String joined(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        JsonNode join = value.path("Fn::Join");
        if (join.isMissingNode()) {
            return value.has("Ref") ? value.path("Ref").asText()
                    : value.path("Fn::GetAtt").path(0).asText();
        }
        StringBuilder text = new StringBuilder();
        join.get(1).forEach(part -> text.append(joined(part)));
        return text.toString();
    }
}
