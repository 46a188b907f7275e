package com.cdcappsync.infra.config;

import java.util.List;

/**
 * The app cannot be synthesized as configured: a context value, {@code graphql-schema/api.json} or a file it
 * names is wrong or missing. The message lists every problem found, each with what was expected and the fix.
 */
public final class InfraConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param summary what was being read, e.g. "Invalid CDK context"
     * @param problems one line per problem, never empty
     */
    public InfraConfigException(String summary, List<String> problems) {
        super(summary + " (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, one line each, in the order found */
    public List<String> problems() {
        return problems;
    }
}
