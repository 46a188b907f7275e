package com.cdcappsync.upsert.appsync;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Configures an {@link AppSyncClient}: every option, its default (the constants below, the one place they live)
 * and its limits. Setters accept anything; {@link #build()} checks every option and reports all problems at once,
 * each naming the option, what is expected, the value received (secrets redacted) and the fix. Not thread-safe.
 */
public final class AppSyncClientBuilder {

    /** Default of {@link #connectTimeout}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Default of {@link #requestTimeout}. A DynamoDB-backed mutation answers in tens of milliseconds; one still
     * unanswered after 5 s is a brown-out better retried. 5 s also lets the default retries fit the deployed
     * function's 45 s, and a timeout lowered to 30 s: 5 attempts of 5 s and backoffs of at most 1.5 s are 26.5 s
     * ({@link #worstCase}), 29.5 s with the handler's 3 s reserve.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** Default of {@link #maxAttempts}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** Default of {@link #baseBackoff}. */
    public static final Duration DEFAULT_BASE_BACKOFF = Duration.ofMillis(100);
    /** Default of {@link #maxBackoff}. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);
    /** Largest accepted {@link #maxAttempts}. */
    public static final int MAX_ATTEMPTS_LIMIT = 20;
    /**
     * The least time an attempt is started with under a {@link Deadline} (or the request timeout, when shorter):
     * an attempt cut to a few milliseconds cannot succeed and only adds load to an API that is already slow.
     */
    public static final Duration MIN_ATTEMPT = Duration.ofSeconds(1);
    /** Largest accepted duration of any option: a Lambda invocation's maximum run time. */
    public static final Duration MAX_DURATION = Duration.ofMinutes(15);

    private static final String ENDPOINT_EXAMPLE = "https://<api-id>.appsync-api.<region>.amazonaws.com/graphql";

    URI endpoint;
    AppSyncAuth auth;
    Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    Duration baseBackoff = DEFAULT_BASE_BACKOFF;
    Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    String userAgent = "cdc-appsync/" + implementationVersion();
    // Test hooks (package-private): how to wait, where jitter comes from, the signing clock.
    Backoff.Sleeper sleeper = Thread::sleep;
    // A CSPRNG: Lambda's managed runtimes keep SecureRandom unique across environments restored from one
    // SnapStart snapshot (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-uniqueness.html), whereas a
    // seeded PRNG, or ThreadLocalRandom's seeder, would give every restored environment the same jitter.
    RandomGenerator random = new SecureRandom();
    Clock clock = Clock.systemUTC();

    AppSyncClientBuilder() {
    }

    /**
     * Required, no default. The API's GraphQL URL, {@code https://<id>.appsync-api.<region>.amazonaws.com/graphql},
     * or the simulator's {@code http://127.0.0.1:<port>/graphql} (spoken to in HTTP/1.1, see
     * {@code DefaultAppSyncClient}).
     */
    public AppSyncClientBuilder endpoint(URI endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    /** Required, no default. {@link AppSyncAuth#apiKey(String)} or {@link AppSyncAuth#iam(String)}. */
    public AppSyncClientBuilder auth(AppSyncAuth auth) {
        this.auth = auth;
        return this;
    }

    /** Time to open a TCP/TLS connection. Default 2 s; greater than 0, at most 15 min. */
    public AppSyncClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    /**
     * Time for one attempt's answer to arrive. Default 5 s; greater than 0, at most 15 min. Under a {@link Deadline}
     * an attempt waits at most the time left.
     */
    public AppSyncClientBuilder requestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        return this;
    }

    /** HTTP requests per {@code execute}, including the first. Default 5; 1 (no retry) to 20. */
    public AppSyncClientBuilder maxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
        return this;
    }

    /** Backoff cap before the first retry, doubled for each next one. Default 100 ms; 0 to 15 min. */
    public AppSyncClientBuilder baseBackoff(Duration baseBackoff) {
        this.baseBackoff = baseBackoff;
        return this;
    }

    /** Upper bound of any backoff. Default 5 s; at least {@code baseBackoff}, at most 15 min. */
    public AppSyncClientBuilder maxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
        return this;
    }

    /** The {@code User-Agent} header. Default {@code cdc-appsync/<version>}; printable ASCII, not blank. */
    public AppSyncClientBuilder userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    AppSyncClientBuilder sleeper(Backoff.Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    AppSyncClientBuilder random(RandomGenerator random) {
        this.random = random;
        return this;
    }

    AppSyncClientBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalArgumentException listing every invalid option: its name, what is expected, the value
     *     received and the fix
     */
    public AppSyncClient build() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid AppSync client options (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "):\n  - " + String.join("\n  - ", problems));
        }
        return new DefaultAppSyncClient(this);
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        String endpointProblem = endpointProblem(endpoint);
        if (endpointProblem != null) {
            problems.add("endpoint: " + endpointProblem);
        }
        if (auth == null) {
            problems.add("auth: required, expected AppSyncAuth.apiKey(key) or AppSyncAuth.iam(region), got null."
                    + " Fix: call auth(...) on the builder.");
        }
        checkDuration("connectTimeout", connectTimeout, false, problems);
        checkDuration("requestTimeout", requestTimeout, false, problems);
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            problems.add("maxAttempts: expected 1 (no retry) to " + MAX_ATTEMPTS_LIMIT + ", got " + maxAttempts
                    + ". Fix: pass a value in range, or leave it unset for the default " + DEFAULT_MAX_ATTEMPTS + ".");
        }
        checkDuration("baseBackoff", baseBackoff, true, problems);
        checkDuration("maxBackoff", maxBackoff, true, problems);
        String order = backoffOrderProblem(baseBackoff, maxBackoff);
        if (order != null) {
            problems.add("maxBackoff: " + order + " Fix: raise maxBackoff or lower baseBackoff.");
        }
        checkUserAgent(problems);
        requirePresent("sleeper", sleeper, "a Sleeper", problems);
        requirePresent("random", random, "a thread-safe RandomGenerator", problems);
        requirePresent("clock", clock, "Clock.systemUTC()", problems);
        return problems;
    }

    /**
     * What is wrong with {@code endpoint} as an AppSync GraphQL URL, or null when it is fine. Shared with the
     * handler's settings, so that the URL is checked by one rule.
     */
    public static String endpointProblem(URI endpoint) {
        String expected = "expected an absolute http(s) URL such as " + ENDPOINT_EXAMPLE;
        if (endpoint == null) {
            return "required, " + expected + ", got null. Fix: call endpoint(URI) with the API's GraphQL URL"
                    + " (AppSync console > Settings, or the stack output).";
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        String received = ", got " + FailureMessages.redacted(endpoint) + ".";
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return expected + received + " Fix: use the https:// URL of the API (or http://127.0.0.1:<port>/graphql"
                    + " for the local simulator).";
        } else if (endpoint.getHost() == null) {
            return expected + ", with a host" + received + " Fix: check the URL for typos.";
        } else if (endpoint.getRawUserInfo() != null) {
            return expected + ", without user info" + received + " Fix: remove the user info; pass credentials"
                    + " with auth(...).";
        }
        return null;
    }

    /** The least time left for which an attempt is started: {@link #MIN_ATTEMPT}, or the timeout when shorter. */
    static Duration minimumAttempt(Duration requestTimeout) {
        return requestTimeout.compareTo(MIN_ATTEMPT) < 0 ? requestTimeout : MIN_ATTEMPT;
    }

    /**
     * The longest one {@code execute} can take without a deadline: every attempt waiting its whole
     * {@code requestTimeout}, and every backoff its cap. Shared with the checks of the handler's time budget (the
     * CDK app refuses a function timeout it does not fit in).
     */
    public static Duration worstCase(int maxAttempts, Duration requestTimeout, Duration baseBackoff,
                                     Duration maxBackoff) {
        // Only the caps are read: no jitter is drawn and nothing sleeps.
        Backoff backoff = new Backoff(baseBackoff, maxBackoff, null, d -> { });
        Duration total = requestTimeout.multipliedBy(maxAttempts);
        for (int retry = 1; retry < maxAttempts; retry++) {
            total = total.plus(backoff.cap(retry));
        }
        return total;
    }

    /**
     * What is wrong with the order of the two backoff bounds, or null when {@code max >= base} (or either is
     * absent or negative, which is reported on its own). Shared with the handler's settings.
     */
    public static String backoffOrderProblem(Duration base, Duration max) {
        if (base != null && max != null && !base.isNegative() && max.compareTo(base) < 0) {
            return "expected at least baseBackoff (" + base + "), got " + max + ".";
        }
        return null;
    }

    private static void checkDuration(String name, Duration value, boolean zeroAllowed, List<String> problems) {
        String lower = zeroAllowed ? "of 0 or more" : "greater than 0";
        boolean tooSmall = value != null && (zeroAllowed ? value.isNegative() : !value.isPositive());
        boolean tooLarge = value != null && value.compareTo(MAX_DURATION) > 0;
        if (value == null || tooSmall || tooLarge) {
            problems.add(name + ": expected a duration " + lower + " and at most " + MAX_DURATION + ", got " + value
                    + ". Fix: pass e.g. Duration.ofMillis(...) within the range, or leave it unset for the default.");
        }
    }

    private void checkUserAgent(List<String> problems) {
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

    private static String implementationVersion() {
        String version = AppSyncClientBuilder.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
