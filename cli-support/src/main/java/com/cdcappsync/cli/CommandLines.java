package com.cdcappsync.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * The one way the tools of this repository read their command line: a picocli-annotated options object, parsed with
 * every error collected instead of stopping at the first, then the tool's own checks of how options combine; all
 * problems go out at once in a {@link UsageException}.
 */
public final class CommandLines {

    /** The exit status of bad usage, for every tool. */
    public static final int USAGE_EXIT_STATUS = 2;

    private CommandLines() {
    }

    /**
     * Fills {@code options} (a {@code @Command}/{@code @Option} annotated object) from {@code args}.
     *
     * @return picocli's problems (unknown options, missing or malformed values), all of them; empty when none
     */
    public static List<String> parse(Object options, String... args) {
        CommandLine commandLine = new CommandLine(options);
        commandLine.getCommandSpec().parser().collectErrors(true);
        return new ArrayList<>(commandLine.parseArgs(args).errors().stream().map(Throwable::getMessage).toList());
    }

    /**
     * The usual whole parse: picocli's problems, then (unless help was asked for) the options' own checks of how they
     * combine, all reported at once.
     *
     * @param options       a fresh {@code @Option}-annotated object, filled and returned
     * @param helpRequested whether the parsed options ask for {@code --help} (then no check runs)
     * @param check         adds the options' own problems to the list
     * @throws UsageException listing every problem
     */
    public static <T> T parse(T options, Predicate<T> helpRequested, BiConsumer<T, List<String>> check,
                              String... args) {
        List<String> problems = parse(options, args);
        if (helpRequested.test(options)) {
            return options;
        }
        check.accept(options, problems);
        failOn(problems);
        return options;
    }

    /**
     * Throws when any problem was found.
     *
     * @throws UsageException listing {@code problems}
     */
    public static void failOn(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
    }

    /** The {@code --help} text of an options object. */
    public static String usage(Object options) {
        return new CommandLine(options).getUsageMessage();
    }

    /**
     * Prints each problem as {@code tool: problem}, then the usage, on {@code err}. A problem echoes what was typed
     * ({@code Unknown option: '--postgres-ur=...password=...'}), so its secrets are masked ({@link Redact}).
     *
     * @return {@link #USAGE_EXIT_STATUS}
     */
    public static int reportUsage(String tool, UsageException problems, String usage, PrintStream err) {
        problems.problems().forEach(problem -> err.println(tool + ": " + Redact.secrets(problem)));
        err.print(usage);
        return USAGE_EXIT_STATUS;
    }
}
