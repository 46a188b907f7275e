package com.cdcappsync.upsert.config;

import java.util.List;

/** The environment's settings cannot be used; lists every problem with the fix. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid configuration (" + problems.size() + " problem(s); see lambda-upsert/README.md, "
                + "Configuration):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
