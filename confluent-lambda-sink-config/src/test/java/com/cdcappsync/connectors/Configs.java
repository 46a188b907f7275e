package com.cdcappsync.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Renders the templates the way the command does, for the tests. */
final class Configs {

    /** The sample outputs file, shaped like {@code cdk deploy --outputs-file} output. */
    static final Path DEV_OUTPUTS = Path.of("src/test/resources/cdk-outputs/dev.json");
    static final String DEV_ALIAS_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:CdcAppSync-dev-Upsert:live";
    static final String DEV_REGION = "eu-west-1";

    /** Values for the Confluent Cloud parameters, which have no defaults. */
    static final Map<String, String> CLOUD_PARAMETERS = Map.of("ProviderIntegrationId", "cspi-abc123",
            "KafkaServiceAccountId", "sa-abc123");

    private Configs() {
    }

    /** The {@code config} object of a template rendered with the dev outputs and the cloud parameters. */
    static JsonNode rendered(ConnectorTemplate template) {
        PlaceholderValues values = new PlaceholderValues(StackOutputs.read(DEV_OUTPUTS, null, Fixtures.MAPPER),
                CLOUD_PARAMETERS);
        return new TemplateRenderer(values::resolve).render(template.parse(Fixtures.MAPPER), template.fileStem())
                .get("config");
    }

    /** Every template, rendered. */
    static List<JsonNode> allRendered() {
        return List.of(ConnectorTemplate.values()).stream().map(Configs::rendered).toList();
    }

    /** A config value as text, or null. */
    static String value(JsonNode config, String key) {
        JsonNode v = config.get(key);
        return v == null ? null : v.asText();
    }
}
