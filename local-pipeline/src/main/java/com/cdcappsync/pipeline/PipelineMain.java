package com.cdcappsync.pipeline;

import com.cdcappsync.cli.CommandLines;
import com.cdcappsync.cli.Redact;
import com.cdcappsync.cli.UsageException;
import com.cdcappsync.localstack.DeployConsole;
import com.cdcappsync.localstack.LocalStack;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/local-pipeline}: starts the whole pipeline, prints each part's address, and runs until Ctrl-C or
 * until a part dies (saying which); either way everything stops and the temporary folder is deleted.
 * Exit status: 0 stopped by Ctrl-C, 1 a part died, 2 bad usage or a part could not start.
 */
public final class PipelineMain {

    private static final long WATCH_MILLIS = 1000;

    private PipelineMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        PipelineArguments parsed;
        PipelineOptions options;
        try {
            parsed = PipelineArguments.parse(args);
            if (parsed.help) {
                out.print(PipelineArguments.usage());
                return 0;
            }
            options = parsed.options();
        } catch (UsageException e) {
            return CommandLines.reportUsage("local-pipeline", e, PipelineArguments.usage(), err);
        } catch (IllegalArgumentException e) {
            err.println("local-pipeline: " + Redact.secrets(e.getMessage()));
            return CommandLines.USAGE_EXIT_STATUS;
        }
        LocalPipeline pipeline;
        try {
            pipeline = LocalPipeline.start(options);
        } catch (RuntimeException e) {
            err.println("local pipeline: could not start: " + Redact.secrets(e.getMessage()));
            return 2;
        }
        Thread stopOnExit = new Thread(() -> stop(pipeline, out), "local-pipeline-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        printAddresses(pipeline, out);
        new DeployConsole(pipeline.stack(), out).start(System.in);
        while (true) {
            TimeUnit.MILLISECONDS.sleep(WATCH_MILLIS);
            String problem = pipeline.problem();
            if (problem != null) {
                err.println("local pipeline: " + Redact.secrets(problem));
                if (!problem.startsWith("connector ")) {
                    stop(pipeline, out);
                    return 1;
                }
            }
        }
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
        out.println("  API definition  " + stack.apiDir());
        out.println("  mapping         " + stack.mappingFile().map(Object::toString).orElse("(packaged)"));
        out.println("  logs            " + pipeline.workDir() + "  (deleted on exit)");
        pipeline.childPids().forEach((part, pid) -> out.println("  pid             " + pid + "  " + part));
        out.println("  try:  " + pipeline.psqlCommand()
                + " -c \"UPDATE product_template SET list_price = 14.00, write_date = now() WHERE id = 1\"");
        out.println("local pipeline running; press Ctrl-C to stop; " + DeployConsole.help());
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
