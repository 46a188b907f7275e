package com.cdcappsync.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Kafka Connect distributed worker ({@code org.apache.kafka.connect.cli.ConnectDistributed}) in a child JVM,
 * REST on 127.0.0.1, with the plugin folders on its {@code plugin.path} and the {@code file} config provider that
 * the shipped connector configs use for secrets. Ready when the REST API lists the plugins it must have.
 */
final class ConnectWorker implements AutoCloseable {

    /**
     * How to start the worker.
     *
     * @param kafkaLib     Kafka's jars (the worker's classpath)
     * @param pluginPath   plugin folders' parents
     * @param bootstrap    the broker
     * @param restPort     the REST port
     * @param heap         the heap, e.g. {@code 512m}
     * @param environment  the worker's environment (AWS credentials for the Lambda sink's default chain)
     * @param plugins      connector classes that must be installed
     */
    record Launch(Path kafkaLib, List<Path> pluginPath, String bootstrap, int restPort, String heap,
                  Map<String, String> environment, List<String> plugins) {
    }

    private final ChildProcess process;
    private final ConnectRest rest;

    private ConnectWorker(ChildProcess process, ConnectRest rest) {
        this.process = process;
        this.rest = rest;
    }

    static ConnectWorker start(Launch launch, Path dir, Duration timeout) {
        Path properties = dir.resolve("worker.properties");
        try {
            Files.createDirectories(dir);
            Files.writeString(properties, String.join("\n", List.of(
                    "bootstrap.servers=" + launch.bootstrap(),
                    "group.id=cdc-appsync-connect",
                    "key.converter=org.apache.kafka.connect.json.JsonConverter",
                    "value.converter=org.apache.kafka.connect.json.JsonConverter",
                    "config.storage.topic=_connect-configs",
                    "offset.storage.topic=_connect-offsets",
                    "status.storage.topic=_connect-status",
                    "config.storage.replication.factor=1",
                    "offset.storage.replication.factor=1",
                    "status.storage.replication.factor=1",
                    "offset.storage.partitions=1",
                    "status.storage.partitions=1",
                    "offset.flush.interval.ms=1000",
                    "listeners=http://127.0.0.1:" + launch.restPort(),
                    "rest.advertised.host.name=127.0.0.1",
                    "rest.advertised.port=" + launch.restPort(),
                    "plugin.path=" + String.join(",", launch.pluginPath().stream().map(Path::toString).toList()),
                    // Plugins declare themselves through ServiceLoader manifests: no classpath scan at start.
                    "plugin.discovery=service_load",
                    "config.providers=file",
                    "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider",
                    "connector.client.config.override.policy=All",
                    "")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + properties, e);
        }
        ChildProcess.JavaLaunch java = new ChildProcess.JavaLaunch(List.of(launch.kafkaLib()),
                "org.apache.kafka.connect.cli.ConnectDistributed", List.of(properties.toString()),
                JvmOptions.forChild(launch.heap()), launch.environment());
        ChildProcess process = ChildProcess.startJava("Kafka Connect", java, dir.resolve("connect.log"));
        ConnectWorker worker = new ConnectWorker(process, new ConnectRest(
                URI.create("http://127.0.0.1:" + launch.restPort() + "/")));
        try {
            worker.awaitPlugins(launch.plugins(), timeout);
            return worker;
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    private void awaitPlugins(List<String> plugins, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ConnectRest.Answer answer = rest.get("/connectors");
            if (answer.status() == 200) {
                String installed = rest.get("/connector-plugins").body();
                List<String> missing = plugins.stream().filter(p -> !installed.contains("\"" + p + "\"")).toList();
                if (!missing.isEmpty()) {
                    throw new IllegalStateException("Kafka Connect lacks the plugin(s) " + missing + "; installed: "
                            + installed + ". Rebuild the plugin folders: ./mvnw -pl local-pipeline -am package "
                            + "-DskipTests");
                }
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka Connect exited while starting:" + System.lineSeparator()
                        + process.logTail(25));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka Connect's REST API not ready within " + timeout.toSeconds()
                        + " s (log " + process.log() + "):" + System.lineSeparator() + process.logTail(25));
            }
            ConnectRest.pause();
        }
    }

    ConnectRest rest() {
        return rest;
    }

    URI url() {
        return rest.base();
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
