package com.cdcappsync.connect.lambda;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The connector's settings, under the property names of Confluent's AWS Lambda Sink for Confluent Platform
 * (https://docs.confluent.io/kafka-connectors/aws-lambda/current/lambda_sink_connector_config.html), so that
 * {@code confluent-lambda-sink-config/connectors/lambda-sink-platform.json} drives it unchanged. Properties marked
 * "this sink only" do not exist in Confluent's connector; licence properties are accepted and ignored.
 */
public final class LambdaSinkConfig extends AbstractConfig {

    /** {@code aws.lambda.invocation.type}. */
    public enum InvocationType { SYNC, ASYNC }

    /** {@code behavior.on.error}: what a function error (or a failed call) does; no batch is sent again. */
    public enum BehaviorOnError { FAIL, LOG, IGNORE }

    public static final String FUNCTION_NAME = "aws.lambda.function.name";
    public static final String REGION = "aws.lambda.region";
    public static final String INVOCATION_TYPE = "aws.lambda.invocation.type";
    public static final String BATCH_SIZE = "aws.lambda.batch.size";
    public static final String SOCKET_TIMEOUT = "aws.lambda.socket.timeout";
    public static final String RECORD_CONVERTER = "record.converter.class";
    public static final String BEHAVIOR_ON_ERROR = "behavior.on.error";
    public static final String ACCESS_KEY_ID = "aws.access.key.id";
    public static final String SECRET_ACCESS_KEY = "aws.secret.access.key";
    public static final String CREDENTIALS_PROVIDER = "aws.credentials.provider.class";
    public static final String REPORTER_BOOTSTRAP = "reporter.bootstrap.servers";
    public static final String RESULT_TOPIC = "reporter.result.topic.name";
    public static final String RESULT_TOPIC_RF = "reporter.result.topic.replication.factor";
    public static final String ERROR_TOPIC = "reporter.error.topic.name";
    public static final String ERROR_TOPIC_RF = "reporter.error.topic.replication.factor";
    /** This sink only: where to send Invoke calls instead of AWS's regional endpoint. */
    public static final String ENDPOINT_OVERRIDE = "aws.lambda.endpoint.override";

    static final String DEFAULT_CONVERTER = "io.confluent.connect.aws.lambda.converters.JsonKeyValueConverter";
    static final String ESCAPED_CONVERTER = "io.confluent.connect.aws.lambda.converters.EscapedJsonKeyValueConverter";
    /** Confluent's default (plugin 2.0.x config dump, kafka-docker-playground connect-aws-lambda-sink). */
    static final String DEFAULT_CREDENTIALS_PROVIDER =
            "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider";

    /** Every property, with Confluent's defaults where Confluent documents one. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FUNCTION_NAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The function: name, name:alias or ARN (an alias ARN is recommended).")
            .define(REGION, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Required, as in Confluent's connector: the region the function is in.")
            .define(INVOCATION_TYPE, Type.STRING, "sync", ConfigDef.ValidString.in("sync", "async"), Importance.HIGH,
                    "sync: in order per topic-partition, answer to the result topic; async: fire and forget.")
            .define(BATCH_SIZE, Type.INT, 20, ConfigDef.Range.atLeast(1), Importance.HIGH,
                    "At most this many records per invocation (records of one topic-partition only).")
            .define(SOCKET_TIMEOUT, Type.INT, 50_000, ConfigDef.Range.between(1_000, 900_000), Importance.LOW,
                    "How long one Invoke call may take, in milliseconds.")
            .define(RECORD_CONVERTER, Type.STRING, DEFAULT_CONVERTER, RecordConverter.VALIDATOR, Importance.LOW,
                    "The fully qualified class name of one of Confluent's two converters: " + DEFAULT_CONVERTER
                            + " or " + ESCAPED_CONVERTER + ".")
            .define(BEHAVIOR_ON_ERROR, Type.STRING, "fail", ConfigDef.ValidString.in("fail", "log", "ignore"),
                    Importance.MEDIUM, "After a function error (sync): fail the task; log (error topic) and go on; "
                            + "or go on (nothing written).")
            .define(ACCESS_KEY_ID, Type.PASSWORD, null, Importance.MEDIUM, "Static AWS access key id (avoid).")
            .define(SECRET_ACCESS_KEY, Type.PASSWORD, null, Importance.MEDIUM, "Static AWS secret key (avoid).")
            .define(CREDENTIALS_PROVIDER, Type.STRING, DEFAULT_CREDENTIALS_PROVIDER, Importance.LOW,
                    "An AWS SDK v2 AwsCredentialsProvider class with a static create(); default: the SDK v2 default "
                            + "chain.")
            .define(REPORTER_BOOTSTRAP, Type.STRING, null, Importance.MEDIUM,
                    "Kafka for the result and error topics; unset: no reporting.")
            .define(RESULT_TOPIC, Type.STRING, "${connector}-success", Importance.MEDIUM,
                    "Where each record's result goes (sync only).")
            .define(RESULT_TOPIC_RF, Type.SHORT, (short) 3, Importance.LOW, "Its replication factor when created.")
            .define(ERROR_TOPIC, Type.STRING, "${connector}-error", Importance.MEDIUM,
                    "Where behavior.on.error=log writes function errors, one message per record of the batch.")
            .define(ERROR_TOPIC_RF, Type.SHORT, (short) 3, Importance.LOW, "Its replication factor when created.")
            .define("confluent.license", Type.PASSWORD, "", Importance.LOW, "Ignored: this sink needs no licence.")
            .define("confluent.topic.bootstrap.servers", Type.STRING, null, Importance.LOW, "Ignored.")
            .define("confluent.topic.replication.factor", Type.SHORT, (short) 3, Importance.LOW, "Ignored.")
            .define(ENDPOINT_OVERRIDE, Type.STRING, null, Importance.LOW,
                    "Extension (this sink only): a Lambda endpoint URL such as http://127.0.0.1:9001; unset: AWS.");

    private final String connectorName;

    /**
     * Reads and checks the properties.
     *
     * @throws ConfigException naming the property, what was expected and what was given
     */
    public LambdaSinkConfig(Map<String, String> properties) {
        super(CONFIG_DEF, properties);
        this.connectorName = properties.getOrDefault("name", "lambda-sink");
        endpointOverride();
    }

    public String functionName() {
        return getString(FUNCTION_NAME);
    }

    /** {@code aws.lambda.region}: required, never null. */
    public String region() {
        return getString(REGION).trim();
    }

    public InvocationType invocationType() {
        return InvocationType.valueOf(getString(INVOCATION_TYPE).toUpperCase(Locale.ROOT));
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    public Duration socketTimeout() {
        return Duration.ofMillis(getInt(SOCKET_TIMEOUT));
    }

    public RecordConverter recordConverter() {
        return RecordConverter.forName(getString(RECORD_CONVERTER));
    }

    public BehaviorOnError behaviorOnError() {
        return BehaviorOnError.valueOf(getString(BEHAVIOR_ON_ERROR).toUpperCase(Locale.ROOT));
    }

    /** Static keys when both are set, else null (use the provider chain). */
    public String[] staticKeys() {
        Password id = getPassword(ACCESS_KEY_ID);
        Password secret = getPassword(SECRET_ACCESS_KEY);
        if (id == null || secret == null || id.value().isBlank() || secret.value().isBlank()) {
            return null;
        }
        return new String[] {id.value(), secret.value()};
    }

    public String credentialsProviderClass() {
        return getString(CREDENTIALS_PROVIDER);
    }

    /** The endpoint override, or null. */
    public URI endpointOverride() {
        String value = getString(ENDPOINT_OVERRIDE);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ENDPOINT_OVERRIDE, value, "expected a URL such as http://127.0.0.1:9001 ("
                    + e.getMessage() + "); remove the property to call AWS");
        }
    }

    /** The reporter's bootstrap servers, or null when results and errors are not reported. */
    public String reporterBootstrapServers() {
        String value = getString(REPORTER_BOOTSTRAP);
        return value == null || value.isBlank() ? null : value;
    }

    public String resultTopic() {
        return getString(RESULT_TOPIC).replace("${connector}", connectorName);
    }

    public short resultTopicReplicationFactor() {
        return getShort(RESULT_TOPIC_RF);
    }

    public String errorTopic() {
        return getString(ERROR_TOPIC).replace("${connector}", connectorName);
    }

    public short errorTopicReplicationFactor() {
        return getShort(ERROR_TOPIC_RF);
    }

    public String connectorName() {
        return connectorName;
    }
}
