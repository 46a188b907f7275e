package com.cdcappsync.pipeline;

import com.cdcappsync.cli.CommandLines;
import com.cdcappsync.cli.UsageException;
import com.cdcappsync.localstack.LocalStackOptions;
import com.cdcappsync.localstack.RepositoryLayout;
import com.cdcappsync.localstack.StackDefinition;
import com.cdcappsync.localstack.StackPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/local-pipeline}'s command line, read as every tool of this repository reads it ({@link CommandLines}):
 * every problem at once ({@link UsageException}), then the usage.
 */
@Command(name = "bin/local-pipeline", sortOptions = false,
        description = "Starts PostgreSQL, Kafka (KRaft), Kafka Connect with Debezium and the Lambda sink, and the local"
                + " stack; prints each part's address; runs until Ctrl-C or until a part dies.")
final class PipelineArguments {

    private static final int MAX_PORT = 65_535;
    /** Lambda's longest timeout, in seconds (https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html). */
    private static final int MAX_FUNCTION_TIMEOUT = 900;

    @Option(names = "--postgres-url", paramLabel = "URL", description = "use this database instead of a throwaway "
            + "cluster: postgresql://USER@HOST:PORT/DB, the Debezium role, its password in PGPASSWORD or the password "
            + "file (PGPASSFILE, default ~/.pgpass) as psql reads it; it needs wal_level=logical and "
            + "local-stack/docker/postgres/cdc-setup.sql applied")
    String postgresUrl;

    @Option(names = "--postgres-bin", paramLabel = "DIR",
            description = "PostgreSQL's bin folder (default: newest /usr/lib/postgresql/*/bin)")
    Path postgresBin;

    @Option(names = "--postgres-port", paramLabel = "N", description = "the throwaway cluster's port (default: a "
            + "free one)")
    Integer postgresPort;

    @Option(names = "--kafka-port", paramLabel = "N", description = "the broker's port (default: a free one)")
    Integer kafkaPort;

    @Option(names = "--connect-port", paramLabel = "N", description = "Kafka Connect's REST port (default: a free one)")
    Integer connectPort;

    @Mixin
    StackPorts stackPorts = new StackPorts();

    @Mixin
    StackDefinition stackDefinition = new StackDefinition();

    @Option(names = "--function-timeout", paramLabel = "SECONDS", description = "the function's timeout, 1-900 "
            + "(default 45, as deployed); a short one shows what AppSync outages do (RUNBOOK.md, \"Time budget\")")
    Integer functionTimeout;

    @Option(names = "--source", paramLabel = "KEY=VALUE",
            description = "put a property over the rendered Debezium config (repeatable)")
    List<String> source = new ArrayList<>();

    @Option(names = "--sink", paramLabel = "KEY=VALUE",
            description = "put a property over the rendered Lambda sink config (repeatable)")
    List<String> sink = new ArrayList<>();

    @Option(names = "--root", paramLabel = "DIR",
            description = "the repository folder (default: found upwards from the working directory)")
    Path root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
    boolean help;

    private final Map<String, String> sourceOverrides = new LinkedHashMap<>();
    private final Map<String, String> sinkOverrides = new LinkedHashMap<>();

    /**
     * Parses and checks the arguments.
     *
     * @throws UsageException listing every problem
     */
    static PipelineArguments parse(String... args) {
        return CommandLines.parse(new PipelineArguments(), a -> a.help, PipelineArguments::check, args);
    }

    /** The {@code --help} text. */
    static String usage() {
        return CommandLines.usage(new PipelineArguments());
    }

    private void check(List<String> problems) {
        port(problems, "--postgres-port", postgresPort);
        port(problems, "--kafka-port", kafkaPort);
        port(problems, "--connect-port", connectPort);
        if (functionTimeout != null && (functionTimeout < 1 || functionTimeout > MAX_FUNCTION_TIMEOUT)) {
            problems.add("--function-timeout must be 1 to " + MAX_FUNCTION_TIMEOUT + " seconds (Lambda's range), got "
                    + functionTimeout);
        }
        stackPorts.check(problems);
        stackDefinition.check(problems);
        keyValues(problems, "--source", source, sourceOverrides);
        keyValues(problems, "--sink", sink, sinkOverrides);
    }

    private static void port(List<String> problems, String option, Integer value) {
        if (value != null && (value < 0 || value > MAX_PORT)) {
            problems.add(option + " must be a port, 0 to 65535, got " + value);
        }
    }

    private static void keyValues(List<String> problems, String option, List<String> given, Map<String, String> into) {
        for (String value : given) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                problems.add(option + " must be KEY=VALUE, got " + value);
            } else {
                into.put(value.substring(0, eq), value.substring(eq + 1));
            }
        }
    }

    /**
     * The pipeline's options: what the command line set, the repository layout, the shipped configs' overrides.
     *
     * @throws IllegalArgumentException when the options do not combine (the builders' own checks)
     */
    PipelineOptions options() {
        PipelineOptions.Builder builder = PipelineOptions.builder();
        LocalStackOptions.Builder stack = stackDefinition.applyTo(stackPorts.applyTo(LocalStackOptions.builder()));
        if (functionTimeout != null) {
            stack.functionTimeout(Duration.ofSeconds(functionTimeout));
        }
        if (postgresUrl != null) {
            builder.postgresUrl(postgresUrl);
        }
        if (postgresBin != null) {
            builder.postgresBin(postgresBin);
        }
        if (postgresPort != null) {
            builder.postgresPort(postgresPort);
        }
        if (kafkaPort != null) {
            builder.kafkaPort(kafkaPort);
        }
        if (connectPort != null) {
            builder.connectPort(connectPort);
        }
        RepositoryLayout layout = RepositoryLayout.locate(root);
        return builder.layout(layout).stack(stack.layout(layout).progress(line -> { }).build())
                .sourceOverrides(sourceOverrides).sinkOverrides(sinkOverrides).build();
    }
}
