package com.cdcappsync.connect.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The properties as Confluent's connector reads them: required ones, class names, defaults, no extra retries. */
class LambdaSinkConfigTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static LambdaSinkConfig config(Map<String, String> changes) {
        Map<String, String> properties = new HashMap<>(Map.of("name", "sink",
                "aws.lambda.function.name", "arn:aws:lambda:us-east-1:123456789012:function:fn:live",
                "aws.lambda.region", "us-east-1"));
        properties.putAll(changes);
        properties.values().removeIf(String::isEmpty);
        return new LambdaSinkConfig(properties);
    }

    @Test
    void new_withoutRegion_refusedNamingTheProperty() {
        assertThatThrownBy(() -> config(Map.of("aws.lambda.region", "")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("aws.lambda.region");
    }

    @Test
    void new_blankRegion_refused() {
        assertThatThrownBy(() -> config(Map.of("aws.lambda.region", " ")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("aws.lambda.region");
    }

    @Test
    void new_shortConverterName_refusedNamingTheFullyQualifiedNames() {
        assertThatThrownBy(() -> config(Map.of("record.converter.class", "EscapedJsonKeyValueConverter")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("record.converter.class")
                .hasMessageContaining("io.confluent.connect.aws.lambda.converters.JsonKeyValueConverter")
                .hasMessageContaining("io.confluent.connect.aws.lambda.converters.EscapedJsonKeyValueConverter");
    }

    @Test
    void new_unknownConverter_refused() {
        assertThatThrownBy(() -> config(Map.of("record.converter.class", "io.confluent.connect.avro.AvroConverter")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("record.converter.class");
    }

    @Test
    void new_confluentConverterClassNames_accepted() {
        assertThat(config(Map.of()).recordConverter()).isEqualTo(RecordConverter.JSON_KEY_VALUE);
        assertThat(config(Map.of("record.converter.class",
                "io.confluent.connect.aws.lambda.converters.EscapedJsonKeyValueConverter")).recordConverter())
                .isEqualTo(RecordConverter.ESCAPED_JSON_KEY_VALUE);
    }

    /** Confluent's defaults (plugin config dump in kafka-docker-playground connect-aws-lambda-sink). */
    @Test
    void new_defaults_areConfluents() {
        LambdaSinkConfig config = config(Map.of());
        assertThat(config.behaviorOnError()).isEqualTo(LambdaSinkConfig.BehaviorOnError.FAIL);
        assertThat(config.invocationType()).isEqualTo(LambdaSinkConfig.InvocationType.SYNC);
        assertThat(config.batchSize()).isEqualTo(20);
        assertThat(config.socketTimeout().toMillis()).isEqualTo(50_000);
        assertThat(config.credentialsProviderClass())
                .isEqualTo("software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider");
        assertThat(config.resultTopic()).isEqualTo("sink-success");
        assertThat(config.errorTopic()).isEqualTo("sink-error");
    }

    @Test
    void configDef_noRetryProperty_aBatchIsSentOnce() {
        assertThat(LambdaSinkConfig.CONFIG_DEF.names()).noneMatch(name -> name.contains("retr"));
    }

    @Test
    void configDef_shippedPlatformConfigKeys_areAllKnownToTheSink() throws Exception {
        JsonNode shipped = MAPPER.readTree(Path.of(System.getProperty("cdc.repo.root", ".."),
                "confluent-lambda-sink-config/connectors/lambda-sink-platform.json").toFile()).get("config");
        List<String> unknown = new ArrayList<>();
        shipped.fieldNames().forEachRemaining(key -> {
            boolean framework = key.equals("connector.class") || key.equals("tasks.max") || key.equals("topics")
                    || key.endsWith(".converter") || key.startsWith("errors.");
            if (!framework && !LambdaSinkConfig.CONFIG_DEF.names().contains(key)) {
                unknown.add(key);
            }
        });
        assertThat(unknown).as("properties of lambda-sink-platform.json this sink does not read").isEmpty();
        assertThat(shipped.path("aws.lambda.region").asText()).as("required by both connectors").isNotBlank();
    }
}
