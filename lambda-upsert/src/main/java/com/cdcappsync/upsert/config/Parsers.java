package com.cdcappsync.upsert.config;

import com.cdcappsync.upsert.appsync.AppSyncClientBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text parsers for settings; each failure says what was expected. */
final class Parsers {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    private Parsers() {
    }

    /** {@code 500ms}, {@code 2s}, {@code 1m}, or ISO-8601 such as {@code PT2S}; must be positive. */
    static Duration duration(String text) {
        Duration d;
        Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMinutes(n);
            };
        } else {
            try {
                d = Duration.parse(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("expected a duration such as 500ms, 2s, 1m or PT2S");
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("expected a positive duration");
        }
        return d;
    }

    static Function<String, Integer> intBetween(int min, int max) {
        return text -> {
            int n;
            try {
                n = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number from " + min + " to " + max);
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException("expected a whole number from " + min + " to " + max);
            }
            return n;
        };
    }

    static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    /** An AppSync GraphQL URL, checked by the client's own rule ({@link AppSyncClientBuilder#endpointProblem}). */
    static URI httpUri(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "expected a URL such as https://<id>.appsync-api.<region>.amazonaws.com/graphql");
        }
        String problem = AppSyncClientBuilder.endpointProblem(uri);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return uri;
    }

    static <E extends Enum<E>> Function<String, E> choice(Class<E> type) {
        return text -> {
            for (E e : type.getEnumConstants()) {
                if (e.toString().equalsIgnoreCase(text)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("expected one of " + Arrays.toString(type.getEnumConstants()));
        };
    }
}
