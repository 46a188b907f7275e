package com.cdcappsync.connectors;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every {@code {{Name}}} a connector template may hold: where its value comes from, its default, and the form a
 * value must have. Stack outputs come from {@code cdk deploy --outputs-file}; parameters have defaults that
 * {@code --set Name=Value} overrides. Kafka Connect's own {@code ${file:...}} references are not placeholders: the
 * renderer leaves them as they are, for the worker's config provider to resolve.
 */
public enum Placeholder {

    /** The Lambda alias ARN the connector invokes (stack output). */
    FUNCTION_ALIAS_ARN("FunctionAliasArn", Source.STACK_OUTPUT, null,
            "arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+",
            "the function's alias ARN, arn:aws:lambda:REGION:ACCOUNT:function:NAME:ALIAS"),
    /** The stack's region (stack output). */
    REGION("Region", Source.STACK_OUTPUT, null, "[a-z]{2}(-[a-z]+)+-\\d", "an AWS region such as eu-west-1"),
    /** Name of the Lambda Sink connector; also the prefix of its result, error and dead-letter topics. */
    LAMBDA_SINK_NAME("LambdaSinkName", Source.PARAMETER, "cdc-appsync-lambda-sink", "[A-Za-z0-9._-]{1,100}",
            "letters, digits, '.', '_' or '-'"),
    /** Name of the Debezium source connector. */
    SOURCE_NAME("SourceName", Source.PARAMETER, "cdc-appsync-odoo-source", "[A-Za-z0-9._-]{1,100}",
            "letters, digits, '.', '_' or '-'"),
    /** Debezium's topic.prefix: topics are PREFIX.SCHEMA.TABLE. */
    TOPIC_PREFIX("TopicPrefix", Source.PARAMETER, "odoo", "[A-Za-z0-9_-]{1,100}",
            "letters, digits, '_' or '-' (no dot: it separates prefix, schema and table)"),
    /** Bootstrap servers for the connector's result/error reporter and licence topic (Confluent Platform). */
    KAFKA_BOOTSTRAP_SERVERS("KafkaBootstrapServers", Source.PARAMETER, "kafka:9092",
            "[A-Za-z0-9.:_,-]+", "host:port[,host:port...]"),
    /** Replication factor of the topics the connectors create. */
    REPLICATION_FACTOR("ReplicationFactor", Source.PARAMETER, "3", "[1-9]\\d{0,2}", "a positive integer"),
    /** Directory on the Connect worker holding the properties files that ${file:...} references read. */
    SECRETS_DIR("SecretsDir", Source.PARAMETER, "/etc/kafka-connect/secrets", "/[A-Za-z0-9._/-]*",
            "an absolute path without spaces"),
    /** Confluent Cloud provider integration (IAM role) the fully managed connector uses. */
    PROVIDER_INTEGRATION_ID("ProviderIntegrationId", Source.PARAMETER, null, "[A-Za-z0-9_-]{1,100}",
            "the provider integration id, such as cspi-abc123"),
    /** Confluent Cloud service account the fully managed connector reads and writes Kafka as. */
    KAFKA_SERVICE_ACCOUNT_ID("KafkaServiceAccountId", Source.PARAMETER, null, "[A-Za-z0-9_-]{1,100}",
            "the service account id, such as sa-abc123");

    /** Where a value comes from. */
    public enum Source { STACK_OUTPUT, PARAMETER }

    private final String key;
    private final Source source;
    private final String defaultValue;
    private final Pattern form;
    private final String formDescription;

    Placeholder(String key, Source source, String defaultValue, String form, String formDescription) {
        this.key = key;
        this.source = source;
        this.defaultValue = defaultValue;
        this.form = Pattern.compile(form);
        this.formDescription = formDescription;
    }

    /** The name between the braces, such as {@code FunctionAliasArn}; also the stack output's key. */
    public String key() {
        return key;
    }

    public Source source() {
        return source;
    }

    /** The default of a parameter; empty for stack outputs and for parameters the user must give. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Null when the value has the expected form, else a sentence saying what was expected. */
    public String checkForm(String value) {
        return form.matcher(value).matches() ? null
                : key + " is '" + value + "', expected " + formDescription;
    }

    /** The placeholder with this key, if any. */
    public static Optional<Placeholder> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
