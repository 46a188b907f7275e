package com.cdcappsync.infra.config;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * When a website API key expires, as AppSync counts it. AppSync rounds the {@code expires} it is given down to
 * the hour and refuses, with {@code ApiKeyValidityOutOfBoundsException}, an expiry less than 1 or more than 365
 * days after the key's creation or update (AppSync API Reference, {@code CreateApiKey} and {@code ApiKey}). The
 * stack sets the expiry at synthesis, so it is checked here against the synthesis time, the earliest moment the
 * key can be created. 1 day passes only when synthesized on the hour, and the deploy creates the key later still:
 * use 2 days or more.
 */
public final class ApiKeyExpiry {

    /** The shortest validity AppSync accepts. */
    public static final Duration MIN = Duration.ofDays(1);
    /** The longest validity AppSync accepts. */
    public static final Duration MAX = Duration.ofDays(365);

    private ApiKeyExpiry() {
    }

    /**
     * @param validity      how long after synthesis the keys expire
     * @param synthesizedAt the synthesis time
     * @return the expiry AppSync keeps: {@code synthesizedAt + validity}, rounded down to the hour
     * @throws InfraConfigException when that expiry is not 1 to 365 days after {@code synthesizedAt}
     */
    public static Instant expiresAt(Duration validity, Instant synthesizedAt) {
        Optional<String> problem = problem(validity, synthesizedAt);
        if (problem.isPresent()) {
            throw new InfraConfigException("Invalid stack configuration", List.of("apiKeyExpiry = " + validity
                    + ": expected " + problem.get()));
        }
        return rounded(validity, synthesizedAt);
    }

    /**
     * @return what was expected and the fix, when {@code validity} after {@code synthesizedAt}, rounded down to the
     *         hour, is outside 1 to 365 days; empty when it is within
     */
    static Optional<String> problem(Duration validity, Instant synthesizedAt) {
        Instant expires = rounded(validity, synthesizedAt);
        Duration kept = Duration.between(synthesizedAt, expires);
        if (kept.compareTo(MIN) >= 0 && kept.compareTo(MAX) <= 0) {
            return Optional.empty();
        }
        String fix = kept.compareTo(MIN) < 0 ? "give 2 days or more" : "give 365 days or fewer";
        return Optional.of("an API key expiry 1 to 365 days after creation once AppSync rounds it down to the hour "
                + "(CreateApiKey refuses others with ApiKeyValidityOutOfBoundsException); received " + days(validity)
                + ": synthesized at " + synthesizedAt + ", the key would expire at " + expires + ", "
                + days(kept) + " later; " + fix);
    }

    private static Instant rounded(Duration validity, Instant synthesizedAt) {
        return synthesizedAt.plus(validity).truncatedTo(ChronoUnit.HOURS);
    }

    /** @return the duration as {@code 1 day}, {@code 364 days 23 h 30 min} */
    private static String days(Duration duration) {
        long days = duration.toDays();
        StringBuilder text = new StringBuilder().append(days).append(days == 1 ? " day" : " days");
        if (duration.toHoursPart() != 0 || duration.toMinutesPart() != 0) {
            text.append(' ').append(duration.toHoursPart()).append(" h ").append(duration.toMinutesPart())
                    .append(" min");
        }
        return text.toString();
    }
}
