package com.cdcappsync.pipeline;

import com.cdcappsync.localstack.ConnectorCredentials;
import com.cdcappsync.localstack.CredentialsAuthority;
import com.cdcappsync.localstack.LocalStack;
import com.cdcappsync.localstack.StartedParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The seeds' whole pipeline on one machine, every part real and started here:
 * <pre>
 * PostgreSQL --WAL--> Debezium (Kafka Connect) --> Kafka (KRaft) --> Lambda sink (Kafka Connect)
 *   --Invoke API--> the function (local stack) --> AppSync simulator --> DynamoDB Local, live page
 * </pre>
 * PostgreSQL, Kafka and the local stack start side by side, Kafka Connect once Kafka is up; then the Debezium
 * source and the Lambda sink are registered through Connect's REST API from the files {@code
 * bin/render-connector-config} renders from the shipped templates. {@link #close()} stops everything in reverse
 * order and deletes the temporary folder.
 */
public final class LocalPipeline implements AutoCloseable {

    /** The sink's connector class: this project's stand-in for Confluent's. */
    static final String SINK_CLASS = "com.cdcappsync.connect.lambda.LambdaSinkConnector";
    static final String SOURCE_CLASS = "io.debezium.connector.postgresql.PostgresConnector";
    /**
     * The stack's stand-in for STS, made before the stack starts: the Connect worker starts beside the stack and must
     * already know where the connector role's credentials are served.
     */
    private final CredentialsAuthority authority = new CredentialsAuthority();

    private final PipelineOptions options;
    private final Path workDir;
    private final StartedParts started;
    private Database database;
    private PostgresCluster cluster;
    private KafkaBroker kafka;
    private ConnectWorker connect;
    private ConnectorCredentials connectorCredentials;
    private LocalStack stack;
    private Connectors connectors;
    private Duration startTime;

    private LocalPipeline(PipelineOptions options, Path workDir) {
        this.options = options;
        this.started = new StartedParts(options.progress());
        this.workDir = workDir;
    }

    /**
     * Starts every part; on a failure stops what started, deletes the folder and rethrows.
     *
     * @throws IllegalStateException naming the part that failed, its log's tail and the fix where known
     */
    public static LocalPipeline start(PipelineOptions options) {
        checkBuilt(options);
        long begin = System.nanoTime();
        LocalPipeline pipeline = new LocalPipeline(options, createWorkDir());
        try {
            pipeline.startParts();
            pipeline.startTime = Duration.ofNanos(System.nanoTime() - begin);
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private static void checkBuilt(PipelineOptions options) {
        for (Path needed : List.of(options.kafkaLib(), options.debeziumPlugins(), options.sinkPlugins())) {
            if (!Files.isDirectory(needed)) {
                throw new IllegalStateException(needed + " is missing; build it first: ./mvnw -pl local-pipeline -am "
                        + "package -DskipTests (bin/local-pipeline does it for you)");
            }
        }
    }

    private static Path createWorkDir() {
        try {
            Path dir = Files.createTempDirectory("cdc-pipeline-");
            // PostgreSQL runs as another user when this one is root: it must reach its folder.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    private void startParts() {
        connectorCredentials = remember(ConnectorCredentials.serve(authority));
        CompletableFuture<Void> db = CompletableFuture.runAsync(this::startDatabase);
        CompletableFuture<Void> brokerAndWorker = CompletableFuture.runAsync(this::startKafkaAndConnect);
        CompletableFuture<Void> localStack = CompletableFuture.runAsync(() -> {
            stack = remember(LocalStack.start(options.stack(), authority));
            progress("local stack ready: function " + stack.functionName() + " at " + stack.invokeEndpoint());
        });
        join(db, brokerAndWorker, localStack);
        connectors = new Connectors(connect.rest(), workDir, options, progress());
        connectors.register(database, kafka.bootstrapServers(), stack);
    }

    private void startDatabase() {
        if (options.postgresUrl() != null) {
            database = ExternalDatabase.parse(options.postgresUrl());
            progress("PostgreSQL: using " + database);
            return;
        }
        int port = options.postgresPort() != 0 ? options.postgresPort() : StartedParts.freeLoopbackPort();
        progress("PostgreSQL: initdb + pg_ctl start on 127.0.0.1:" + port + " (" + options.postgresBin() + ") ...");
        cluster = remember(PostgresCluster.start(options.postgresBin(), workDir.resolve("postgres"), port,
                options.postgresInit(), options.postgresSetupSql()));
        database = cluster;
        progress("PostgreSQL ready: database " + cluster.database() + ", Odoo-shaped tables, publication cdc_appsync");
    }

    private void startKafkaAndConnect() {
        int port = options.kafkaPort() != 0 ? options.kafkaPort() : StartedParts.freeLoopbackPort();
        progress("Kafka: broker + controller (KRaft) in a child JVM on 127.0.0.1:" + port + " ...");
        int controllerPort = StartedParts.freeLoopbackPort();
        kafka = remember(KafkaBroker.start(options.kafkaLib(), workDir.resolve("kafka"), port, controllerPort,
                options.kafkaHeap(), options.startupTimeout()));
        progress("Kafka ready (pid " + kafka.process().pid() + ")");
        int restPort = options.connectPort() != 0 ? options.connectPort() : StartedParts.freeLoopbackPort();
        progress("Kafka Connect: distributed worker in a child JVM, REST on 127.0.0.1:" + restPort + " ...");
        connect = remember(ConnectWorker.start(new ConnectWorker.Launch(options.kafkaLib(),
                List.of(options.debeziumPlugins(), options.sinkPlugins()), kafka.bootstrapServers(), restPort,
                options.connectHeap(), sinkAwsEnvironment(), List.of(SOURCE_CLASS, SINK_CLASS)),
                workDir.resolve("connect"), options.startupTimeout()));
        progress("Kafka Connect ready (pid " + connect.process().pid() + ")");
    }

    /**
     * The worker's AWS settings, read by the Lambda sink's default credentials chain as Confluent's connector reads
     * them: the region, and the connector role's credentials from a container credentials endpoint (rotating, issued
     * by the stack, checked by its Invoke API against the connector's grant).
     */
    private Map<String, String> sinkAwsEnvironment() {
        Map<String, String> environment = new java.util.HashMap<>(connectorCredentials.environment());
        environment.put("AWS_REGION", LocalStack.REGION);
        // The chain reads profile files before the container endpoint: none here, so a developer's own
        // ~/.aws profile never signs for the connector.
        Path noFile = workDir.resolve("no-aws-profile");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", noFile.toString());
        environment.put("AWS_CONFIG_FILE", noFile.toString());
        return Map.copyOf(environment);
    }

    private static void join(CompletableFuture<?>... parts) {
        try {
            CompletableFuture.allOf(parts).join();
        } catch (CompletionException e) {
            // Wait for the others too, so that close() sees every part that did start.
            for (CompletableFuture<?> part : parts) {
                part.exceptionally(t -> null).join();
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private <T extends AutoCloseable> T remember(T part) {
        return started.remember(part);
    }

    private java.util.function.Consumer<String> progress() {
        return options.progress();
    }

    private void progress(String line) {
        options.progress().accept(line);
    }

    /** The local stack (GraphQL, real-time, live page, DynamoDB Local). */
    public LocalStack stack() {
        return stack;
    }

    /** How many times the Connect worker fetched the connector role's credentials (the sink signs with them). */
    public int connectorCredentialFetches() {
        return connectorCredentials.fetches();
    }

    /** A JDBC URL allowed to change the product tables. */
    public String jdbcUrl() {
        return database.ownerUrl();
    }

    /** What a user types to change rows. */
    public String psqlCommand() {
        return database.psqlCommand();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public URI connectUrl() {
        return connect.url();
    }

    /** The rendered connector files that were registered. */
    public List<Path> connectorFiles() {
        return connectors.files();
    }

    /** How long {@link #start} took. */
    public Duration startTime() {
        return startTime;
    }

    /** The temporary folder (logs of every part), deleted by {@link #close()}. */
    public Path workDir() {
        return workDir;
    }

    /** Process ids of the child processes, by part, for memory reports. */
    public Map<String, Long> childPids() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        if (cluster != null && cluster.postmaster() != null) {
            pids.put("PostgreSQL (postmaster)", cluster.postmaster().pid());
        }
        pids.put("Kafka broker", kafka.process().pid());
        pids.put("Kafka Connect", connect.process().pid());
        return pids;
    }

    /**
     * Why the pipeline no longer works, or null while it does: a child process that ended, or a connector task
     * that FAILED (with its trace's first line).
     */
    public String problem() {
        if (cluster != null && cluster.postmaster() == null) {
            return "PostgreSQL stopped (log " + cluster.log() + ")";
        }
        for (ChildProcess child : List.of(kafka.process(), connect.process())) {
            if (!child.isAlive()) {
                return child.name() + " exited (log " + child.log() + "):" + System.lineSeparator()
                        + child.logTail(15);
            }
        }
        if (!stack.isRunning()) {
            return "the local stack stopped";
        }
        return connectors.problem();
    }

    /** Whether {@link #close()} has not run yet. */
    public boolean isRunning() {
        return started.isRunning();
    }

    /** Stops every part, newest first, and deletes the temporary folder; never throws. */
    @Override
    public synchronized void close() {
        started.close();
        keepLogs();
        deleteRecursively(workDir);
    }

    private void keepLogs() {
        if (options.keepLogsIn() == null || !Files.exists(workDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            Files.createDirectories(options.keepLogsIn());
            for (Path log : paths.filter(p -> p.toString().endsWith(".log")).toList()) {
                Files.copy(log, options.keepLogsIn().resolve(workDir.relativize(log).toString().replace('/', '-')),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            progress("could not keep the logs in " + options.keepLogsIn() + ": " + e.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp folder
        }
    }
}
