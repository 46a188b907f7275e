package com.cdcappsync.localstack;

import com.cdcappsync.cli.CommandLines;
import com.cdcappsync.cli.UsageException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The launcher's command line, read with picocli like every tool of this repository: {@link #parse} reports every
 * problem at once ({@link UsageException}); {@link #usage()} is the {@code --help} text.
 */
@Command(name = "local-stack", sortOptions = false, usageHelpWidth = 110, separator = " ", synopsisHeading = "",
        customSynopsis = {"Usage: bin/local-stack [--verify] [--replay FILE | --no-replay] [options]", ""},
        description = {
            "With no flag: start, replay the bundled sample, keep running until Ctrl-C.", ""},
        footer = {"", "The function gets its other settings (PUBLISH_COALESCE, MAPPING_PATH, ...) from this "
                + "environment: only the keys of lambda-upsert/README.md's configuration table, nothing else of it."})
final class LauncherArguments {

    @Option(names = "--verify", description = "subscribe over WebSocket, replay, check that every applied change "
            + "arrived (whole object), print them, stop; exit 0 only then")
    boolean verify;

    @Option(names = "--replay", paramLabel = "FILE", description = "replay this invocation instead of the bundled "
            + "sample (lambda-upsert/samples/odoo-product-changes.json)")
    Path replay;

    @Option(names = "--no-replay", description = "replay nothing; keep running until Ctrl-C")
    boolean noReplay;

    @Mixin
    StackPorts ports = new StackPorts();

    @Mixin
    StackDefinition definition = new StackDefinition();

    @Option(names = "--simulator-api-key", paramLabel = "KEY", description = "the API key the simulated AppSync "
            + "API accepts and the live page uses (default da2-local-stack-key)")
    String simulatorApiKey;

    @Option(names = "--trust-external-key", paramLabel = "ACCESS_KEY_ID", description = "also accept this access "
            + "key as the function's role on the AppSync endpoint, for a function in LocalStack (docker/README.md, "
            + "path B); its secret is read from " + TrustedExternalKey.SECRET_VARIABLE + ", never the command line. "
            + "SigV4 and the function's grant are still checked. Default: only credentials this stack issued")
    String trustExternalKey;

    @Option(names = "--function-name", paramLabel = "NAME", description = "the function name the Invoke API "
            + "serves (default cdc-appsync-upsert)")
    String functionName;

    @Option(names = "--lambda-mode", paramLabel = "M", description = "how the function runs, under AWS's runtime "
            + "interface client in a child JVM: snapstart (default; like the deployed live alias: CRaC hooks "
            + "before the first invocation, container credentials, no key variables) or plain (on-demand init, "
            + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN)")
    String lambdaMode;

    @Option(names = "--function-timeout", paramLabel = "SECONDS", description = "the function's timeout in seconds "
            + "(default 45, as deployed)")
    Long functionTimeout;

    @Option(names = "--function-memory", paramLabel = "MB", description = "the function's memory size (default "
            + "1024, as deployed; heap = 85%%)")
    Long functionMemory;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "how long --verify waits for the "
            + "subscription messages (default 30)")
    long timeoutSeconds = 30;

    @Option(names = "--root", paramLabel = "DIR", description = "the repository folder (default: found upwards "
            + "from the working directory)")
    Path root;

    @Option(names = "--node", paramLabel = "CMD", description = "the Node.js command (default node)")
    String node;

    @Option(names = "--verbose", description = "also print the simulator's own output")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
    boolean help;

    private LambdaMode mode;

    /**
     * Parses and checks the arguments.
     *
     * @throws UsageException listing every problem
     */
    static LauncherArguments parse(String[] args) {
        return CommandLines.parse(new LauncherArguments(), a -> a.help, LauncherArguments::check, args);
    }

    /** The {@code --help} text. */
    static String usage() {
        return CommandLines.usage(new LauncherArguments());
    }

    private void check(List<String> problems) {
        ports.check(problems);
        definition.check(problems);
        range(problems, "--function-timeout", functionTimeout, 1, 900);
        range(problems, "--function-memory", functionMemory, 128, 10240);
        range(problems, "--timeout", timeoutSeconds, 1, 3600);
        if (lambdaMode != null) {
            try {
                mode = LambdaMode.parse(lambdaMode);
            } catch (IllegalArgumentException e) {
                problems.add("--lambda-mode: " + e.getMessage());
            }
        }
        if (noReplay && (verify || replay != null)) {
            problems.add("--no-replay cannot be combined with --verify or --replay: verifying needs a replay");
        }
        if (replay != null && !Files.isRegularFile(replay)) {
            problems.add("--replay " + replay + ": no such file; expected a JSON invocation (for example "
                    + "lambda-upsert/samples/odoo-product-changes.json)");
        }
    }

    private static void range(List<String> problems, String option, Number value, long min, long max) {
        if (value != null && (value.longValue() < min || value.longValue() > max)) {
            problems.add(option + " must be a number from " + min + " to " + max + ", got '" + value + "'");
        }
    }

    boolean help() {
        return help;
    }

    boolean verify() {
        return verify;
    }

    /** {@code --replay FILE}; null for the bundled sample. */
    Path replay() {
        return replay;
    }

    boolean noReplay() {
        return noReplay;
    }

    /** How long {@code --verify} waits for the subscription messages. */
    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** The stack options: what the command line set, the root, progress and the handler settings of the environment. */
    LocalStackOptions options(Map<String, String> environment, PrintStream out) {
        LocalStackOptions.Builder builder = definition.applyTo(ports.applyTo(LocalStackOptions.builder()));
        if (simulatorApiKey != null) {
            builder.apiKey(simulatorApiKey);
        }
        if (functionName != null) {
            builder.functionName(functionName);
        }
        if (trustExternalKey != null) {
            builder.trustedExternalKey(TrustedExternalKey.fromEnvironment(trustExternalKey, environment));
        }
        if (node != null) {
            builder.node(node);
        }
        if (mode != null) {
            builder.lambdaMode(mode);
        }
        if (functionTimeout != null) {
            builder.functionTimeout(Duration.ofSeconds(functionTimeout));
        }
        if (functionMemory != null) {
            builder.functionMemoryMb(functionMemory.intValue());
        }
        builder.layout(RepositoryLayout.locate(root)).progress(out::println)
                .lambdaLog(line -> out.println("  lambda log: " + line))
                .handlerEnvironment(environment);
        if (verbose) {
            builder.simulatorOutput(line -> out.println("  [simulator] " + line));
        }
        return builder.build();
    }
}
