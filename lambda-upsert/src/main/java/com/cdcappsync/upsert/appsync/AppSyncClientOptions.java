package com.cdcappsync.upsert.appsync;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Every option of an {@link AppSyncClient}, and their defaults in one place ({@link #DEFAULTS}).
 * Built and checked by {@link AppSyncClient.Builder}; see each builder method for the limits.
 *
 * @param endpoint       the GraphQL URL; no default
 * @param auth           API key or IAM; no default
 * @param connectTimeout time to connect; default 2 s
 * @param requestTimeout time for one attempt's answer; default 10 s
 * @param maxAttempts    requests per execute, first included; default 5
 * @param baseBackoff    backoff cap of the first retry; default 100 ms
 * @param maxBackoff     upper bound of any backoff; default 5 s
 * @param userAgent      the User-Agent header; default {@code cdc-appsync/<version>}
 * @param sleeper        waits between retries; default {@link Sleeper#system()}
 * @param random         jitter source; default thread-local random
 * @param clock          SigV4 signing clock; default {@link Clock#systemUTC()}
 */
public record AppSyncClientOptions(
        URI endpoint,
        AppSyncAuth auth,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxAttempts,
        Duration baseBackoff,
        Duration maxBackoff,
        String userAgent,
        Sleeper sleeper,
        RandomGenerator random,
        Clock clock) {

    /** Largest accepted {@link #maxAttempts()}. */
    public static final int MAX_ATTEMPTS_LIMIT = 20;

    /** Largest accepted duration of any option: a Lambda invocation's maximum run time. */
    public static final Duration MAX_DURATION = Duration.ofMinutes(15);

    /** The defaults; {@code endpoint} and {@code auth} are null because they are required. */
    public static final AppSyncClientOptions DEFAULTS = new AppSyncClientOptions(
            null,
            null,
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            5,
            Duration.ofMillis(100),
            Duration.ofSeconds(5),
            "cdc-appsync/" + implementationVersion(),
            Sleeper.system(),
            new ThreadLocalJitter(),
            Clock.systemUTC());

    private static String implementationVersion() {
        String version = AppSyncClientOptions.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
