package com.cdcappsync.localstack;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The launcher's command line, parsed and checked (see {@link LocalStackMain#USAGE}).
 *
 * @param help      {@code --help}
 * @param verify    {@code --verify}
 * @param replay    {@code --replay FILE}; null for the bundled sample
 * @param noReplay  {@code --no-replay}
 * @param builder   the stack options gathered so far (ports, key, name, node, the function's mode and timeout)
 * @param root      {@code --root DIR}; null to search upwards from the working directory
 * @param verbose   {@code --verbose}
 * @param timeout   {@code --timeout SECONDS} for {@code --verify}
 */
record LauncherArguments(boolean help, boolean verify, Path replay, boolean noReplay,
                         LocalStackOptions.Builder builder, Path root, boolean verbose, Duration timeout) {

    static LauncherArguments parse(String[] args) {
        boolean help = false;
        boolean verify = false;
        boolean noReplay = false;
        boolean verbose = false;
        Path replay = null;
        Path root = null;
        Duration timeout = Duration.ofSeconds(30);
        LocalStackOptions.Builder builder = LocalStackOptions.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--verify" -> verify = true;
                case "--no-replay" -> noReplay = true;
                case "--verbose" -> verbose = true;
                case "--replay" -> replay = Path.of(value(args, ++i, arg));
                case "--root" -> root = Path.of(value(args, ++i, arg));
                case "--dynamodb-port" -> builder.dynamoDbPort(port(args, ++i, arg));
                case "--graphql-port" -> builder.graphQlPort(port(args, ++i, arg));
                case "--invoke-port" -> builder.invokePort(port(args, ++i, arg));
                case "--web-port" -> builder.webPort(port(args, ++i, arg));
                case "--api-key" -> builder.apiKey(value(args, ++i, arg));
                case "--function-name" -> builder.functionName(value(args, ++i, arg));
                case "--node" -> builder.node(value(args, ++i, arg));
                case "--lambda-mode" -> builder.lambdaMode(mode(args, ++i, arg));
                case "--function-timeout" -> builder.functionTimeout(Duration.ofSeconds(number(args, ++i, arg, 1,
                        900)));
                case "--function-memory" -> builder.functionMemoryMb((int) number(args, ++i, arg, 128, 10240));
                case "--timeout" -> timeout = Duration.ofSeconds(number(args, ++i, arg, 1, 3600));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (noReplay && (verify || replay != null)) {
            throw new IllegalArgumentException("--no-replay cannot be combined with --verify or --replay: "
                    + "verifying needs a replay");
        }
        if (replay != null && !Files.isRegularFile(replay)) {
            throw new IllegalArgumentException("--replay " + replay + ": no such file; expected a JSON invocation "
                    + "(for example lambda-upsert/samples/odoo-product-changes.json)");
        }
        return new LauncherArguments(help, verify, replay, noReplay, builder, root, verbose, timeout);
    }

    /** The stack options: root, progress and the handler settings of {@code environment}. */
    LocalStackOptions options(Map<String, String> environment, PrintStream out) {
        builder.layout(RepositoryLayout.locate(root)).progress(out::println)
                .lambdaLog(line -> out.println("  lambda log: " + line))
                .handlerEnvironment(environment);
        if (verbose) {
            builder.simulatorOutput(line -> out.println("  [simulator] " + line));
        }
        return builder.build();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static LambdaMode mode(String[] args, int index, String option) {
        try {
            return LambdaMode.parse(value(args, index, option));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    private static int port(String[] args, int index, String option) {
        return (int) number(args, index, option, 0, 65535);
    }

    private static long number(String[] args, int index, String option, long min, long max) {
        String text = value(args, index, option);
        try {
            long n = Long.parseLong(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a number from " + min + " to " + max + ", got '"
                + text + "'");
    }
}
