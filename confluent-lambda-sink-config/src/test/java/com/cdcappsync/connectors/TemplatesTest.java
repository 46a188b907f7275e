package com.cdcappsync.connectors;

import static com.cdcappsync.connectors.Configs.rendered;
import static com.cdcappsync.connectors.Configs.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every template parses, is a Kafka Connect REST body, and carries the keys this pipeline depends on. */
class TemplatesTest {

    @ParameterizedTest
    @EnumSource(ConnectorTemplate.class)
    void parse_everyTemplate_isConnectRestBodyOfStrings(ConnectorTemplate template) {
        JsonNode body = template.parse(Fixtures.MAPPER);

        assertThat(body.fieldNames()).toIterable().containsExactly("name", "config");
        assertThat(body.get("name").isTextual()).isTrue();
        assertThat(body.get("config").isObject()).isTrue();
        body.get("config").properties().forEach(e -> assertThat(e.getValue().isTextual())
                .as("%s: %s must be a string, as the Connect REST API returns it", template, e.getKey()).isTrue());
    }

    @ParameterizedTest
    @EnumSource(ConnectorTemplate.class)
    void placeholders_everyTemplate_areKnownKeys(ConnectorTemplate template) {
        assertThat(template.placeholderKeys()).allSatisfy(key -> assertThat(Placeholder.byKey(key)).isPresent());
    }

    @Test
    void lambdaSinkPlatform_rendered_hasRequiredKeys() {
        assertThat(configMap(rendered(ConnectorTemplate.LAMBDA_SINK_PLATFORM))).contains(
                entry("connector.class", "io.confluent.connect.aws.lambda.AwsLambdaSinkConnector"),
                entry("aws.lambda.function.name", Configs.DEV_ALIAS_ARN),
                entry("aws.lambda.region", Configs.DEV_REGION),
                entry("aws.lambda.invocation.type", "sync"),
                entry("aws.lambda.batch.size", String.valueOf(PayloadBudget.BATCH_SIZE)),
                entry("behavior.on.error", "fail"),
                entry("record.converter.class", "io.confluent.connect.aws.lambda.converters.JsonKeyValueConverter"),
                entry("key.converter", "org.apache.kafka.connect.storage.StringConverter"),
                entry("value.converter", "org.apache.kafka.connect.storage.StringConverter"),
                entry("errors.tolerance", "all"),
                entry("errors.deadletterqueue.topic.name", "cdc-appsync-lambda-sink-dlq"),
                entry("errors.deadletterqueue.context.headers.enable", "true"),
                entry("reporter.result.topic.name", "cdc-appsync-lambda-sink-success"),
                entry("reporter.error.topic.name", "cdc-appsync-lambda-sink-error"),
                entry("reporter.bootstrap.servers", "kafka:9092"));
    }

    @Test
    void lambdaSinkCloud_rendered_hasRequiredKeys() {
        assertThat(configMap(rendered(ConnectorTemplate.LAMBDA_SINK_CLOUD))).contains(
                entry("connector.class", "LambdaSink"),
                entry("name", "cdc-appsync-lambda-sink"),
                entry("aws.lambda.function.name", Configs.DEV_ALIAS_ARN),
                entry("aws.lambda.region", Configs.DEV_REGION),
                entry("aws.lambda.invocation.type", "sync"),
                entry("aws.lambda.batch.size", String.valueOf(PayloadBudget.BATCH_SIZE)),
                entry("behavior.on.error", "fail"),
                entry("input.data.format", "JSON"),
                entry("record.converter.class", "EscapedJsonKeyValueConverter"),
                entry("authentication.method", "IAM Roles"),
                entry("provider.integration.id", "cspi-abc123"),
                entry("kafka.auth.mode", "SERVICE_ACCOUNT"),
                entry("kafka.service.account.id", "sa-abc123"),
                entry("errors.tolerance", "all"));
    }

    @Test
    void debeziumSource_rendered_hasRequiredKeys() {
        Map<String, String> config = configMap(rendered(ConnectorTemplate.DEBEZIUM_ODOO_SOURCE));

        assertThat(config).contains(
                entry("connector.class", "io.debezium.connector.postgresql.PostgresConnector"),
                entry("plugin.name", "pgoutput"),
                entry("publication.name", "cdc_appsync"),
                entry("slot.name", "cdc_appsync"),
                entry("topic.prefix", "odoo"),
                entry("decimal.handling.mode", "string"),
                entry("time.precision.mode", "adaptive"),
                entry("value.converter", "org.apache.kafka.connect.json.JsonConverter"),
                entry("value.converter.schemas.enable", "false"),
                entry("key.converter.schemas.enable", "false"));
        assertThat(config.get("table.include.list").split(","))
                .contains("public.product_template", "public.product_product", "public.product_public_category",
                        "public.product_public_category_product_template_rel")
                .doesNotContain("public.product_category");
        assertThat(Long.parseLong(config.get("heartbeat.interval.ms"))).isBetween(1_000L, 300_000L);
        assertThat(config.get("heartbeat.action.query")).startsWith("INSERT INTO cdc_appsync.heartbeat");
        assertThat(config.get("column.exclude.list")).contains("create_uid", "write_uid", "standard_price");
        // Internal notes never leave the database (docs/website-api.md).
        assertThat(Arrays.stream(config.get("column.exclude.list").split(","))
                .anyMatch("public.product_template.description"::matches)).isTrue();
    }

    @Test
    void columnExclusions_sourceConfig_neverDropColumnsTheMappingReads() {
        String excluded = value(rendered(ConnectorTemplate.DEBEZIUM_ODOO_SOURCE), "column.exclude.list");
        // The columns the packaged mapping (mappings/odoo-products.json) reads, its visibility rule included.
        List<String> read = List.of("id", "name", "description_sale", "website_description", "description_ecommerce",
                "list_price", "website_sequence", "website_id", "company_id", "write_date", "active", "sale_ok",
                "is_published", "parent_id", "sequence", "product_tmpl_id", "product_template_id",
                "product_public_category_id");

        for (String table : List.of("product_template", "product_product", "product_public_category",
                "product_public_category_product_template_rel")) {
            for (String column : read) {
                assertThat(Arrays.stream(excluded.split(",")).noneMatch(
                        regex -> ("public." + table + "." + column).matches(regex)))
                        .as("column.exclude.list must keep %s.%s", table, column).isTrue();
            }
        }
    }

    @Test
    void sinkTopics_bothVariants_areTheSourceProductTablesOnly() {
        JsonNode source = rendered(ConnectorTemplate.DEBEZIUM_ODOO_SOURCE);
        List<String> expected = Arrays.stream(value(source, "table.include.list").split(","))
                .filter(t -> t.startsWith("public.product_")).map(t -> value(source, "topic.prefix") + "." + t)
                .toList();

        for (ConnectorTemplate sink : List.of(ConnectorTemplate.LAMBDA_SINK_PLATFORM,
                ConnectorTemplate.LAMBDA_SINK_CLOUD)) {
            assertThat(value(rendered(sink), "topics").split(",")).as("%s topics", sink)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    static Map<String, String> configMap(JsonNode config) {
        Map<String, String> map = new LinkedHashMap<>();
        config.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
