package com.cdcappsync.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No secret is written into a template or a rendered config: credentials come from config providers. */
class SecretsTest {

    /** Keys whose values are credentials, in any connector. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            ".*(password|secret|access\\.key|license|jaas|token|api\\.key|credential|database\\.user|"
                    + "basic\\.auth\\.user\\.info|keystore|truststore).*", Pattern.CASE_INSENSITIVE);
    /** A Kafka Connect config provider reference, resolved by the worker: ${file:PATH:KEY}, ${env:VAR}, ... */
    private static final Pattern PROVIDER_REFERENCE = Pattern.compile("\\$\\{(file|env|directory):[^${}]+}");
    /** What credentials look like when someone pastes them anyway. */
    private static final List<Pattern> CREDENTIAL_SHAPES = List.of(
            Pattern.compile("(AKIA|ASIA)[A-Z0-9]{16}"),                  // AWS access key id
            Pattern.compile("(?i)-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            Pattern.compile("(?i)password\\s*=\\s*\\S+"),                // inline JAAS or properties
            Pattern.compile("da2-[a-z0-9]{26}"));                      // AppSync API key

    @Test
    void renderedConfigs_secretKeys_areConfigProviderReferencesOrAbsent() {
        for (JsonNode config : Configs.allRendered()) {
            config.properties().stream().filter(e -> SECRET_KEY.matcher(e.getKey()).matches())
                    .forEach(e -> assertThat(e.getValue().asText()).as(e.getKey())
                            .matches(PROVIDER_REFERENCE));
        }
    }

    @Test
    void renderedConfigs_everyValue_holdsNothingShapedLikeACredential() {
        for (JsonNode config : Configs.allRendered()) {
            config.properties().forEach(e -> CREDENTIAL_SHAPES.forEach(shape -> assertThat(
                    shape.matcher(e.getValue().asText()).find()).as("%s looks like a credential", e.getKey())
                    .isFalse()));
        }
    }

    @Test
    void templates_awsKeys_areNeverSet() {
        for (ConnectorTemplate template : ConnectorTemplate.values()) {
            assertThat(template.text()).doesNotContain("aws.access.key.id", "aws.secret.access.key",
                    "kafka.api.secret");
        }
    }

    @Test
    void render_fileReferences_surviveUntouched(@TempDir Path out) {
        RenderConnectorConfig.render(RenderOptions.parse("--connector", "debezium-odoo-source", "--set",
                "SecretsDir=/run/secrets/connect", "--out", out.toString()));
        JsonNode config = Fixtures.read(out.resolve("debezium-odoo-source.json")).get("config");

        assertThat(Configs.value(config, "database.password"))
                .isEqualTo("${file:/run/secrets/connect/odoo-postgres.properties:password}");
        assertThat(Configs.value(config, "database.user"))
                .isEqualTo("${file:/run/secrets/connect/odoo-postgres.properties:user}");
    }

    @Test
    void render_licence_readThroughTheFileProvider() {
        JsonNode config = Configs.rendered(ConnectorTemplate.LAMBDA_SINK_PLATFORM);

        assertThat(Map.of("confluent.license", Configs.value(config, "confluent.license")))
                .containsEntry("confluent.license",
                        "${file:/etc/kafka-connect/secrets/confluent-license.properties:license}");
    }
}
