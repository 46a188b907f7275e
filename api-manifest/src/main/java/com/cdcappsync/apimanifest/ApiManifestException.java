package com.cdcappsync.apimanifest;

import java.util.List;

/**
 * {@code graphql-schema/api.json} cannot be used as it is: unreadable, not JSON, or inconsistent. The message
 * lists every problem found, each naming the entry and key, what was expected and the fix.
 */
public final class ApiManifestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String summary;
    private final List<String> problems;

    /**
     * @param summary what was being read, e.g. "Invalid /repo/graphql-schema/api.json"
     * @param problems one line per problem, never empty
     */
    public ApiManifestException(String summary, List<String> problems) {
        super(summary + " (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n  - "
                + String.join("\n  - ", problems));
        this.summary = summary;
        this.problems = List.copyOf(problems);
    }

    /** @return what was being read, without the problems */
    public String summary() {
        return summary;
    }

    /** @return the problems, one line each, in the order found */
    public List<String> problems() {
        return problems;
    }
}
