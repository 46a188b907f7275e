package com.cdcappsync.pipeline;

import com.cdcappsync.localstack.LocalStack;
import com.cdcappsync.localstack.LocalStackOptions;
import com.cdcappsync.localstack.RepositoryLayout;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/local-pipeline}: starts the whole pipeline, prints each part's address, and runs until Ctrl-C or
 * until a part dies (saying which); either way everything stops and the temporary folder is deleted.
 * Exit status: 0 stopped by Ctrl-C, 1 a part died, 2 bad usage or a part could not start.
 */
public final class PipelineMain {

    static final String USAGE = """
            usage: bin/local-pipeline [options]

              --postgres-url URL    use this database instead of a throwaway cluster:
                                    postgresql://USER:PASSWORD@HOST:PORT/DB, the Debezium role; it needs
                                    wal_level=logical and local-stack/docker/postgres/cdc-setup.sql applied
              --postgres-bin DIR    PostgreSQL's bin folder (default: newest /usr/lib/postgresql/*/bin)
              --postgres-port N     the throwaway cluster's port (default: a free one)
              --kafka-port N        the broker's port (default: a free one)
              --connect-port N      Kafka Connect's REST port (default: a free one)
              --web-port N          the live page's port (default 9002; 0 = any)
              --graphql-port N      the AppSync simulator's port (default 20002; 0 = any)
              --invoke-port N       the Lambda Invoke API's port (default 9001; 0 = any)
              --dynamodb-port N     DynamoDB Local's port (default 8000; 0 = any)
              --source KEY=VALUE    put a property over the rendered Debezium config (repeatable)
              --sink KEY=VALUE      put a property over the rendered Lambda sink config (repeatable)
              --root DIR            the repository folder (default: found upwards from the working directory)
            """;

    private static final long WATCH_MILLIS = 1000;

    private PipelineMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        PipelineOptions options;
        try {
            Map<String, String> flags = new LinkedHashMap<>();
            PipelineOptions.Builder builder = parse(args, flags, out);
            if (builder == null) {
                return 0;
            }
            options = builder.build();
        } catch (IllegalArgumentException e) {
            err.println("local pipeline: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        LocalPipeline pipeline;
        try {
            pipeline = LocalPipeline.start(options);
        } catch (RuntimeException e) {
            err.println("local pipeline: could not start: " + e.getMessage());
            return 2;
        }
        Thread stopOnExit = new Thread(() -> stop(pipeline, out), "local-pipeline-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        printAddresses(pipeline, out);
        while (true) {
            TimeUnit.MILLISECONDS.sleep(WATCH_MILLIS);
            String problem = pipeline.problem();
            if (problem != null) {
                err.println("local pipeline: " + problem);
                if (!problem.startsWith("connector ")) {
                    stop(pipeline, out);
                    return 1;
                }
            }
        }
    }

    private static PipelineOptions.Builder parse(String[] args, Map<String, String> flags, PrintStream out) {
        PipelineOptions.Builder builder = PipelineOptions.builder();
        LocalStackOptions.Builder stack = LocalStackOptions.builder();
        Map<String, String> source = new LinkedHashMap<>();
        Map<String, String> sink = new LinkedHashMap<>();
        Path root = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE);
                return null;
            }
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            switch (arg) {
                case "--postgres-url" -> builder.postgresUrl(value);
                case "--postgres-bin" -> builder.postgresBin(Path.of(value));
                case "--postgres-port" -> builder.postgresPort(port(arg, value));
                case "--kafka-port" -> builder.kafkaPort(port(arg, value));
                case "--connect-port" -> builder.connectPort(port(arg, value));
                case "--web-port" -> stack.webPort(port(arg, value));
                case "--graphql-port" -> stack.graphQlPort(port(arg, value));
                case "--invoke-port" -> stack.invokePort(port(arg, value));
                case "--dynamodb-port" -> stack.dynamoDbPort(port(arg, value));
                case "--source" -> keyValue(arg, value, source);
                case "--sink" -> keyValue(arg, value, sink);
                case "--root" -> root = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
            flags.put(arg, value);
        }
        RepositoryLayout layout = RepositoryLayout.locate(root);
        return builder.layout(layout).stack(stack.layout(layout).progress(line -> { }).build())
                .sourceOverrides(source).sinkOverrides(sink);
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(option + " must be a port, 0 to 65535, got " + value);
    }

    private static void keyValue(String option, String value, Map<String, String> into) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(option + " must be KEY=VALUE, got " + value);
        }
        into.put(value.substring(0, eq), value.substring(eq + 1));
    }

    private static void printAddresses(LocalPipeline pipeline, PrintStream out) {
        LocalStack stack = pipeline.stack();
        out.println();
        out.printf("local pipeline ready in %.1f s%n", pipeline.startTime().toMillis() / 1000.0);
        out.println("  PostgreSQL      " + pipeline.psqlCommand());
        out.println("  Kafka           " + pipeline.kafkaBootstrapServers() + "  (KRaft, one broker)");
        out.println("  Kafka Connect   " + pipeline.connectUrl() + "  (connectors: " + pipeline.connectUrl()
                + "connectors?expand=status)");
        pipeline.connectorFiles().forEach(f -> out.println("  registered      " + f));
        out.println("  Lambda Invoke   " + stack.invokeUrl());
        out.println("  GraphQL URL     " + stack.graphQlUrl() + "  (API key " + stack.apiKey() + ")");
        out.println("  real-time URL   " + stack.realtimeUrl());
        out.println("  DynamoDB Local  " + stack.dynamoDbEndpoint());
        out.println("  live page       " + stack.livePageUrl() + "  (open it in a browser)");
        out.println("  logs            " + pipeline.workDir() + "  (deleted on exit)");
        pipeline.childPids().forEach((part, pid) -> out.println("  pid             " + pid + "  " + part));
        out.println("  try:  " + pipeline.psqlCommand()
                + " -c \"UPDATE product_template SET list_price = 14.00, write_date = now() WHERE id = 1\"");
        out.println("local pipeline running; press Ctrl-C to stop");
        out.println();
    }

    private static void stop(LocalPipeline pipeline, PrintStream out) {
        if (!pipeline.isRunning()) {
            return;
        }
        out.println("stopping the local pipeline ...");
        pipeline.close();
        out.println("local pipeline stopped; temporary folder deleted");
    }
}
