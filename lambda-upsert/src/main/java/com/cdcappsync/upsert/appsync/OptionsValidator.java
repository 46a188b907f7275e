package com.cdcappsync.upsert.appsync;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks every {@link AppSyncClientOptions} field and collects all problems, so that one
 * {@link IllegalArgumentException} lists everything to fix. Each problem names the option, what is
 * expected, the value received (secrets redacted) and the fix.
 */
final class OptionsValidator {

    private static final String ENDPOINT_EXAMPLE = "https://<api-id>.appsync-api.<region>.amazonaws.com/graphql";

    private OptionsValidator() {
    }

    static List<String> problems(AppSyncClientOptions options) {
        List<String> problems = new ArrayList<>();
        checkEndpoint(options.endpoint(), problems);
        if (options.auth() == null) {
            problems.add("auth: required, expected AppSyncAuth.apiKey(key) or AppSyncAuth.iam(region), got null."
                    + " Fix: call auth(...) on the builder.");
        }
        checkDuration("connectTimeout", options.connectTimeout(), false, problems);
        checkDuration("requestTimeout", options.requestTimeout(), false, problems);
        checkMaxAttempts(options.maxAttempts(), problems);
        checkDuration("baseBackoff", options.baseBackoff(), true, problems);
        checkDuration("maxBackoff", options.maxBackoff(), true, problems);
        checkBackoffOrder(options, problems);
        checkUserAgent(options.userAgent(), problems);
        requirePresent("sleeper", options.sleeper(), "Sleeper.system()", problems);
        requirePresent("random", options.random(), "a thread-safe RandomGenerator", problems);
        requirePresent("clock", options.clock(), "Clock.systemUTC()", problems);
        return problems;
    }

    static String message(List<String> problems) {
        return "Invalid AppSync client options (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "):\n  - " + String.join("\n  - ", problems);
    }

    private static void checkEndpoint(URI endpoint, List<String> problems) {
        String expected = "expected an absolute http(s) URL such as " + ENDPOINT_EXAMPLE;
        if (endpoint == null) {
            problems.add("endpoint: required, " + expected + ", got null. Fix: call endpoint(URI) with the API's"
                    + " GraphQL URL (AppSync console > Settings, or the stack output).");
            return;
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        String received = ", got " + Endpoints.redacted(endpoint) + ".";
        if (!scheme.equals("https") && !scheme.equals("http")) {
            problems.add("endpoint: " + expected + received + " Fix: use the https:// URL of the API"
                    + " (or http://127.0.0.1:<port>/graphql for the local simulator).");
        } else if (endpoint.getHost() == null) {
            problems.add("endpoint: " + expected + ", with a host" + received + " Fix: check the URL for typos.");
        } else if (endpoint.getRawUserInfo() != null) {
            problems.add("endpoint: " + expected + ", without user info" + received
                    + " Fix: remove the user info; pass credentials with auth(...).");
        }
    }

    private static void checkDuration(String name, Duration value, boolean zeroAllowed, List<String> problems) {
        String lower = zeroAllowed ? "of 0 or more" : "greater than 0";
        String expected = "expected a duration " + lower + " and at most " + AppSyncClientOptions.MAX_DURATION;
        boolean tooSmall = value != null && (zeroAllowed ? value.isNegative() : !value.isPositive());
        boolean tooLarge = value != null && value.compareTo(AppSyncClientOptions.MAX_DURATION) > 0;
        if (value == null || tooSmall || tooLarge) {
            problems.add(name + ": " + expected + ", got " + value + ". Fix: pass e.g. Duration.ofMillis(...)"
                    + " within the range, or leave it unset for the default.");
        }
    }

    private static void checkMaxAttempts(int maxAttempts, List<String> problems) {
        if (maxAttempts < 1 || maxAttempts > AppSyncClientOptions.MAX_ATTEMPTS_LIMIT) {
            problems.add("maxAttempts: expected 1 (no retry) to " + AppSyncClientOptions.MAX_ATTEMPTS_LIMIT
                    + ", got " + maxAttempts + ". Fix: pass a value in range, or leave it unset for the default "
                    + AppSyncClientOptions.DEFAULTS.maxAttempts() + ".");
        }
    }

    private static void checkBackoffOrder(AppSyncClientOptions options, List<String> problems) {
        Duration base = options.baseBackoff();
        Duration max = options.maxBackoff();
        if (base != null && max != null && !base.isNegative() && max.compareTo(base) < 0) {
            problems.add("maxBackoff: expected at least baseBackoff (" + base + "), got " + max
                    + ". Fix: raise maxBackoff or lower baseBackoff.");
        }
    }

    private static void checkUserAgent(String userAgent, List<String> problems) {
        boolean printable = userAgent != null && userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (userAgent == null || userAgent.isBlank() || !printable) {
            problems.add("userAgent: expected a non-blank string of printable ASCII (no line breaks), got "
                    + (userAgent == null ? "null" : "\"" + userAgent.replaceAll("\\p{Cntrl}", "?") + "\"")
                    + ". Fix: pass e.g. \"my-app/1.0\", or leave it unset for the default.");
        }
    }

    private static void requirePresent(String name, Object value, String example, List<String> problems) {
        if (value == null) {
            problems.add(name + ": expected " + example + ", got null. Fix: pass one, or leave it unset for"
                    + " the default.");
        }
    }
}
