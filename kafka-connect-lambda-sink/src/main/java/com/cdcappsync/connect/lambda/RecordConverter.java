package com.cdcappsync.connect.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * How a record's key and value become JSON in the invocation body, {@code record.converter.class}. Confluent
 * ships two (config reference above): {@code JsonKeyValueConverter} (the default) and
 * {@code EscapedJsonKeyValueConverter}, which Confluent describes as encoding schemaless keys and values "as
 * escaped json strings".
 * <ul>
 *   <li>JSON_KEY_VALUE: a String (StringConverter) stays a JSON string; a Struct (a converter with a schema)
 *       becomes a nested JSON object, as kafka-docker-playground's {@code connect-aws-lambda-sink} function reads
 *       it; bytes become base64; a schemaless map or list becomes JSON text in a string (Confluent: "plain
 *       strings"; the exact text is unconfirmed); null stays null.</li>
 *   <li>ESCAPED_JSON_KEY_VALUE: every non-null key and value becomes JSON text in a string.</li>
 * </ul>
 */
public enum RecordConverter {
    JSON_KEY_VALUE, ESCAPED_JSON_KEY_VALUE;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Checks {@code record.converter.class} when the config is read, so a wrong name stops the connector. */
    static final ConfigDef.Validator VALIDATOR = (name, value) -> forName((String) value);

    /**
     * Confluent's fully qualified class names only: the property is of type CLASS in Confluent's connector (config
     * dump, kafka-docker-playground connect-aws-lambda-sink), so a short name would not load there either.
     */
    public static RecordConverter forName(String name) {
        String given = name == null ? "" : name.trim();
        if (given.equals(LambdaSinkConfig.DEFAULT_CONVERTER)) {
            return JSON_KEY_VALUE;
        }
        if (given.equals(LambdaSinkConfig.ESCAPED_CONVERTER)) {
            return ESCAPED_JSON_KEY_VALUE;
        }
        throw new ConfigException(LambdaSinkConfig.RECORD_CONVERTER, name, "expected the fully qualified name of "
                + "one of Confluent's converters, " + LambdaSinkConfig.DEFAULT_CONVERTER + " or "
                + LambdaSinkConfig.ESCAPED_CONVERTER + " (Confluent's connector loads it as a class, so a short name "
                + "fails there too)");
    }

    /**
     * One element of the invocation body: {@code {"payload":{timestamp,topic,partition,offset,key,value}}}.
     *
     * @param json a JsonConverter without schemas, used for Structs
     */
    public ObjectNode element(SinkRecord record, JsonConverter json) {
        ObjectNode element = JsonNodeFactory.instance.objectNode();
        ObjectNode payload = element.putObject("payload");
        if (record.timestamp() == null) {
            payload.putNull("timestamp");
        } else {
            payload.put("timestamp", record.timestamp());
        }
        payload.put("topic", record.topic());
        payload.put("partition", record.kafkaPartition());
        payload.put("offset", record.kafkaOffset());
        payload.set("key", render(record.topic(), record.keySchema(), record.key(), json));
        payload.set("value", render(record.topic(), record.valueSchema(), record.value(), json));
        return element;
    }

    private JsonNode render(String topic, Schema schema, Object data, JsonConverter json) {
        if (data == null) {
            return NullNode.getInstance();
        }
        JsonNode node;
        if (data instanceof String text) {
            node = JsonNodeFactory.instance.textNode(text);
        } else if (data instanceof byte[] bytes) {
            node = JsonNodeFactory.instance.textNode(Base64.getEncoder().encodeToString(bytes));
        } else if (data instanceof ByteBuffer buffer) {
            node = JsonNodeFactory.instance.textNode(Base64.getEncoder().encodeToString(bytes(buffer)));
        } else if (data instanceof Struct struct) {
            node = parse(json.fromConnectData(topic, schema, struct));
        } else if (data instanceof Map<?, ?> || data instanceof List<?>) {
            node = JsonNodeFactory.instance.textNode(parse(json.fromConnectData(topic, null, data)).toString());
        } else {
            node = parse(json.fromConnectData(topic, schema, data));
        }
        if (this == ESCAPED_JSON_KEY_VALUE && !node.isTextual()) {
            return JsonNodeFactory.instance.textNode(node.toString());
        }
        return node;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return bytes == null ? NullNode.getInstance() : MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("JsonConverter wrote something that is not JSON", e);
        }
    }

    /** A JsonConverter for values without the {schema, payload} wrapper. */
    static JsonConverter schemalessJson() {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false", "converter.type", "value"),
                false);
        return converter;
    }
}
