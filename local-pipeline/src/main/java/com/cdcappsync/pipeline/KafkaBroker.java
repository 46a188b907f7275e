package com.cdcappsync.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * One Apache Kafka broker in KRaft mode (broker and controller in one process, no ZooKeeper) in a child JVM:
 * {@code kafka.tools.StorageTool format}, then {@code kafka.Kafka server.properties}, as Kafka's quickstart does
 * with its scripts. Ready when its log says the server started.
 */
final class KafkaBroker implements AutoCloseable {

    private static final String STARTED = "Kafka Server started";

    private final ChildProcess process;
    private final int port;

    private KafkaBroker(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static KafkaBroker start(Path kafkaLib, Path dir, int port, int controllerPort, String heap, Duration timeout) {
        Path properties = dir.resolve("server.properties");
        try {
            Files.createDirectories(dir);
            Files.writeString(properties, String.join("\n", List.of(
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"),
                    "num.partitions=1",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=5",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "num.network.threads=2",
                    "num.io.threads=2",
                    "background.threads=2",
                    "")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + properties, e);
        }
        ChildProcess.JavaLaunch format = launch(kafkaLib, "kafka.tools.StorageTool",
                List.of("format", "-t", clusterId(), "-c", properties.toString()), heap);
        ChildProcess formatter = ChildProcess.startJava("Kafka storage format", format, dir.resolve("format.log"));
        if (formatter.await(timeout) != 0) {
            throw new IllegalStateException("Kafka: formatting the log folder failed:" + System.lineSeparator()
                    + formatter.logTail(20));
        }
        ChildProcess broker = ChildProcess.startJava("Kafka broker",
                launch(kafkaLib, "kafka.Kafka", List.of(properties.toString()), heap), dir.resolve("kafka.log"));
        try {
            LogWatch.await(broker, STARTED, timeout);
            return new KafkaBroker(broker, port);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    private static ChildProcess.JavaLaunch launch(Path kafkaLib, String main, List<String> args, String heap) {
        return new ChildProcess.JavaLaunch(List.of(kafkaLib), main, args, JvmOptions.forChild(heap),
                Map.of("KAFKA_HEAP_OPTS", "-Xmx" + heap));
    }

    /** A KRaft cluster id: 16 random bytes in URL-safe base64 without padding (22 characters). */
    /**
     * Base64url of a random UUID, never starting with '-': kafka-storage's argument parser would read such an id as
     * an option ("argument --cluster-id/-t: expected one argument", one start in 64); Kafka's own
     * {@code Uuid.randomUuid()} regenerates for the same reason.
     */
    static String clusterId() {
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        } while (id.startsWith("-"));
        return id;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
