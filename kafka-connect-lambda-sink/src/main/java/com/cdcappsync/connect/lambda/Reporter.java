package com.cdcappsync.connect.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Writes results and errors to the {@code reporter.*} topics (created with their replication factor when missing),
 * in the shape Confluent's sink writes them. {@link #flush()} waits until every message is written, so that the task
 * commits offsets only after their results are in Kafka.
 * <ul>
 *   <li>Result: one message per element of the function's answer, its value the element's {@code payload} as JSON
 *       text inside a JSON string ({@code "{\"timestamp\":..,\"offset\":..,\"partition\":..,\"topic\":..,
 *       \"result\":..}"}), as the real connector wrote it (kafka-docker-playground connect-aws-lambda-sink,
 *       README "Results", read with kafka-console-consumer); no key (the key was not shown there).</li>
 *   <li>Error ({@code behavior.on.error=log} only): Confluent documents no shape; this sink writes the same form,
 *       {@code {"timestamp","offset","partition","topic","error"}} per record of the failed batch, no key.</li>
 * </ul>
 */
final class Reporter implements AutoCloseable {

    /** Makes the reporter's producer: Kafka's, after creating the topics; tests pass one of their own. */
    @FunctionalInterface
    interface Producers {
        Producer<byte[], byte[]> create(LambdaSinkConfig config);

        Producers KAFKA = config -> {
            String bootstrap = config.reporterBootstrapServers();
            createTopics(bootstrap, List.of(
                    new NewTopic(config.resultTopic(), 1, config.resultTopicReplicationFactor()),
                    new NewTopic(config.errorTopic(), 1, config.errorTopicReplicationFactor())));
            Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.CLIENT_ID_CONFIG, config.connectorName() + "-reporter");
            return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
        };
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Producer<byte[], byte[]> producer;
    private final String resultTopic;
    private final String errorTopic;

    private Reporter(Producer<byte[], byte[]> producer, String resultTopic, String errorTopic) {
        this.producer = producer;
        this.resultTopic = resultTopic;
        this.errorTopic = errorTopic;
    }

    /** A reporter, or null when {@code reporter.bootstrap.servers} is unset. */
    static Reporter start(LambdaSinkConfig config, Producers producers) {
        if (config.reporterBootstrapServers() == null) {
            return null;
        }
        return new Reporter(producers.create(config), config.resultTopic(), config.errorTopic());
    }

    private static void createTopics(String bootstrap, List<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new ConnectException("cannot create reporter topic " + topic.name() + ": "
                                + e.getCause().getMessage() + "; check reporter.bootstrap.servers and the "
                                + "topic's replication factor", e.getCause());
                    }
                } catch (InterruptedException | TimeoutException e) {
                    throw new ConnectException("cannot create reporter topic " + topic.name() + ": " + e, e);
                }
            }
        }
    }

    /** One answer element: its {@code payload} when it has one (Confluent's form), else the element itself. */
    void result(JsonNode element) {
        JsonNode payload = element.path("payload");
        send(resultTopic, payload.isObject() ? payload : element);
    }

    /** An answer that is not an array aligned with the batch: written whole (Confluent's handling is unknown). */
    void wholeAnswer(String body) {
        send(resultTopic, JsonNodeFactory.instance.textNode(body));
    }

    /** One error message for {@code record}: its coordinates and the function's (or the call's) error. */
    void error(SinkRecord record, JsonNode error) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        if (record.timestamp() == null) {
            message.putNull("timestamp");
        } else {
            message.put("timestamp", record.timestamp());
        }
        message.put("offset", record.kafkaOffset()).put("partition", record.kafkaPartition())
                .put("topic", record.topic()).set("error", error);
        send(errorTopic, message);
    }

    /** The value: the JSON text of {@code node} as a JSON string, as the real connector's result records are. */
    private void send(String topic, JsonNode node) {
        String text = node.isTextual() ? node.asText() : node.toString();
        try {
            producer.send(new ProducerRecord<>(topic, null,
                    MAPPER.writeValueAsString(text).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Java string that Jackson cannot write as JSON", e);
        }
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
