package com.cdcappsync.connect.lambda;

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
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Writes results and errors to the {@code reporter.*} topics (created with their replication factor when
 * missing), as Confluent's sink does in sync mode. {@link #flush()} waits until every message is written, so
 * that the task commits offsets only after their results are in Kafka.
 */
final class Reporter implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String resultTopic;
    private final String errorTopic;

    private Reporter(KafkaProducer<byte[], byte[]> producer, String resultTopic, String errorTopic) {
        this.producer = producer;
        this.resultTopic = resultTopic;
        this.errorTopic = errorTopic;
    }

    /** A reporter, or null when {@code reporter.bootstrap.servers} is unset. */
    static Reporter start(LambdaSinkConfig config) {
        String bootstrap = config.reporterBootstrapServers();
        if (bootstrap == null) {
            return null;
        }
        createTopics(bootstrap, List.of(new NewTopic(config.resultTopic(), 1, config.resultTopicReplicationFactor()),
                new NewTopic(config.errorTopic(), 1, config.errorTopicReplicationFactor())));
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, config.connectorName() + "-reporter");
        return new Reporter(new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer()),
                config.resultTopic(), config.errorTopic());
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

    void result(String key, String value) {
        send(resultTopic, key, value);
    }

    void error(String key, String value) {
        send(errorTopic, key, value);
    }

    private void send(String topic, String key, String value) {
        producer.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8)));
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
