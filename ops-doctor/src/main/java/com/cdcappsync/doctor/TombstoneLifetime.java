package com.cdcappsync.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * How long a deleted row's tombstone item lives before DynamoDB's TTL may reap it: the delete resolver's
 * {@code $ttlSeconds} ({@code graphql-schema/resolvers/delete.request.vtl}). A change of that row delivered later
 * than this finds no tombstone and recreates the item, so Kafka retention and replays must stay within it.
 * Read from the resolver with {@code --api-dir}, else {@code --tombstone-ttl}.
 */
public final class TombstoneLifetime {

    /** The resolver's value when this was written: 30 days. */
    public static final Duration DEFAULT = Duration.ofDays(30);

    private static final Pattern TTL_SECONDS = Pattern.compile("#set\\(\\$ttlSeconds\\s*=\\s*([0-9][0-9\\s*]*)\\)");

    @Option(names = "--tombstone-ttl", paramLabel = "DURATION", description = "how long a tombstone lives "
            + "(ISO-8601, default: P30D); must match $ttlSeconds in graphql-schema/resolvers/delete.request.vtl. "
            + "Not with --api-dir, which reads it from there")
    private Duration option;

    @Option(names = "--api-dir", paramLabel = "DIR", description = "the graphql-schema folder: the tombstone "
            + "lifetime is read from DIR/resolvers/delete.request.vtl ($ttlSeconds)")
    private Path apiDir;

    private Duration resolved;

    /**
     * The lifetime: from the resolver when {@code --api-dir} is given, else {@code --tombstone-ttl}, else 30 days.
     *
     * @throws IllegalArgumentException when both options are given, the file cannot be read or has no
     *                                  {@code #set($ttlSeconds = ...)} line, or the duration is not positive
     */
    public synchronized Duration get() {
        if (resolved == null) {
            if (apiDir != null && option != null) {
                throw new IllegalArgumentException("--api-dir and --tombstone-ttl both given: the lifetime is read "
                        + "from " + resolver(apiDir) + "; drop --tombstone-ttl");
            }
            resolved = apiDir != null ? fromResolver(resolver(apiDir)) : option != null ? option : DEFAULT;
            if (resolved.isNegative() || resolved.isZero()) {
                throw new IllegalArgumentException("--tombstone-ttl must be positive, got " + resolved);
            }
        }
        return resolved;
    }

    /** Where the lifetime comes from, for messages. */
    public String source() {
        return apiDir != null ? "$ttlSeconds in " + resolver(apiDir) : option != null ? "--tombstone-ttl"
                : "the default of --tombstone-ttl (30 days, as delete.request.vtl sets it)";
    }

    static Path resolver(Path apiDir) {
        return apiDir.resolve("resolvers").resolve("delete.request.vtl");
    }

    /**
     * The {@code #set($ttlSeconds = a * b * ...)} line of the delete resolver, evaluated.
     *
     * @throws IllegalArgumentException naming the file and what was expected
     */
    public static Duration fromResolver(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--api-dir: cannot read " + file + " (" + e.getMessage()
                    + "): give the graphql-schema folder, or --tombstone-ttl instead", e);
        }
        Matcher matcher = TTL_SECONDS.matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException(file + " has no line #set($ttlSeconds = <digits> [* <digits>]...): "
                    + "give the tombstone lifetime with --tombstone-ttl instead");
        }
        long seconds = 1;
        for (String factor : matcher.group(1).split("\\*")) {
            seconds = Math.multiplyExact(seconds, Long.parseLong(factor.strip()));
        }
        return Duration.ofSeconds(seconds);
    }

    /** "30 d", "36 h" or "90 s": the largest whole unit. */
    public static String human(Duration duration) {
        long s = duration.toSeconds();
        return s % 86_400 == 0 ? s / 86_400 + " d" : s % 3_600 == 0 ? s / 3_600 + " h" : s + " s";
    }
}
