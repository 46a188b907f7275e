package com.cdcappsync.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The connector templates of {@code confluent-lambda-sink-config/connectors/}, packaged on the classpath under
 * {@code /connectors/}. Each renders to a body for the Kafka Connect REST API: {@code {"name", "config"}}.
 */
public enum ConnectorTemplate {

    /** The Confluent AWS Lambda Sink on self-managed Kafka Connect (Confluent Platform, POST /connectors). */
    LAMBDA_SINK_PLATFORM("lambda-sink-platform", true),
    /** The fully managed Lambda Sink of Confluent Cloud (Confluent Cloud Connect API or CLI). */
    LAMBDA_SINK_CLOUD("lambda-sink-cloud", false),
    /** The Debezium PostgreSQL source for Odoo's product tables, on self-managed Kafka Connect. */
    DEBEZIUM_ODOO_SOURCE("debezium-odoo-source", true);

    private final String fileStem;
    private final boolean renderedByDefault;

    ConnectorTemplate(String fileStem, boolean renderedByDefault) {
        this.fileStem = fileStem;
        this.renderedByDefault = renderedByDefault;
    }

    /** The name used on the command line and for the files: {@code lambda-sink-platform}. */
    public String fileStem() {
        return fileStem;
    }

    /** Whether the renderer writes it when no {@code --connector} is given. */
    public boolean renderedByDefault() {
        return renderedByDefault;
    }

    /** Classpath resource of the template. */
    public String resource() {
        return "/connectors/" + fileStem + ".json";
    }

    /** The template's text, as committed. */
    public String text() {
        try (InputStream in = ConnectorTemplate.class.getResourceAsStream(resource())) {
            if (in == null) {
                throw new IllegalStateException("template " + resource() + " is not on the classpath; rebuild "
                        + "confluent-lambda-sink-config (its pom packages connectors/*.json)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template parsed as JSON. */
    public JsonNode parse(ObjectMapper mapper) {
        try {
            return mapper.readTree(text());
        } catch (IOException e) {
            throw new IllegalStateException("template " + resource() + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The placeholder keys the template uses, in order of first use. */
    public Set<String> placeholderKeys() {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = TemplateRenderer.PLACEHOLDER.matcher(text());
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /** The template with this file stem, if any. */
    public static Optional<ConnectorTemplate> byFileStem(String stem) {
        return Arrays.stream(values()).filter(t -> t.fileStem.equals(stem)).findFirst();
    }
}
