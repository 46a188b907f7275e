package com.cdcappsync.cli;

import java.util.List;

/**
 * Bad usage of a command-line tool: every problem with its command line, found at once. Each problem names the
 * option, what was expected and the fix. Tools print each as {@code tool: problem}, then their usage, and exit with
 * status 2 ({@link CommandLines#reportUsage}).
 */
public final class UsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param problems at least one problem, each a sentence
     * @throws IllegalArgumentException when {@code problems} is empty
     */
    public UsageException(List<String> problems) {
        super(String.join("\n", requireSome(problems)));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order they were found; never empty. */
    public List<String> problems() {
        return problems;
    }

    private static List<String> requireSome(List<String> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("a UsageException needs at least one problem");
        }
        return problems;
    }
}
