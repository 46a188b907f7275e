package com.cdcappsync.upsert.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads {@link Settings} from an environment one by one, collecting problems instead of stopping at the first
 * ({@link HandlerConfig#fromEnvironment}). Used once per read; not thread-safe.
 */
final class SettingsReader {
    private final Function<String, String> env;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> failed = new HashSet<>();

    SettingsReader(Function<String, String> env) {
        this.env = env;
    }

    /** Parses one setting into {@code into}; a value that does not parse is a problem naming the key. */
    <T> void read(Setting<T> setting, Consumer<T> into) {
        String text = env.apply(setting.key());
        try {
            T value = setting.read(text);
            if (value != null) {
                into.accept(value);
            }
        } catch (IllegalArgumentException e) {
            boolean secret = setting == Settings.APPSYNC_API_KEY;
            problems.add(setting.key() + "=" + (secret ? "<hidden>" : "'" + text + "'") + ": " + e.getMessage());
            failed.add(setting.key());
        }
    }

    /** Every value that did not parse, each starting with its key. */
    List<String> problems() {
        return problems;
    }

    /** The keys whose values did not parse. */
    Set<String> failed() {
        return failed;
    }
}
