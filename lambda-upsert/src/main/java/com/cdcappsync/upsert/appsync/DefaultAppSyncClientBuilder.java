package com.cdcappsync.upsert.appsync;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/** Collects options, starting from {@link AppSyncClientOptions#DEFAULTS}; not thread-safe. */
final class DefaultAppSyncClientBuilder implements AppSyncClient.Builder {

    private static final AppSyncClientOptions DEFAULTS = AppSyncClientOptions.DEFAULTS;

    private URI endpoint = DEFAULTS.endpoint();
    private AppSyncAuth auth = DEFAULTS.auth();
    private Duration connectTimeout = DEFAULTS.connectTimeout();
    private Duration requestTimeout = DEFAULTS.requestTimeout();
    private int maxAttempts = DEFAULTS.maxAttempts();
    private Duration baseBackoff = DEFAULTS.baseBackoff();
    private Duration maxBackoff = DEFAULTS.maxBackoff();
    private String userAgent = DEFAULTS.userAgent();
    private Sleeper sleeper = DEFAULTS.sleeper();
    private RandomGenerator random = DEFAULTS.random();
    private Clock clock = DEFAULTS.clock();

    @Override
    public AppSyncClient.Builder endpoint(URI endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    @Override
    public AppSyncClient.Builder auth(AppSyncAuth auth) {
        this.auth = auth;
        return this;
    }

    @Override
    public AppSyncClient.Builder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    @Override
    public AppSyncClient.Builder requestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        return this;
    }

    @Override
    public AppSyncClient.Builder maxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
        return this;
    }

    @Override
    public AppSyncClient.Builder baseBackoff(Duration baseBackoff) {
        this.baseBackoff = baseBackoff;
        return this;
    }

    @Override
    public AppSyncClient.Builder maxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
        return this;
    }

    @Override
    public AppSyncClient.Builder userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    @Override
    public AppSyncClient.Builder sleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    @Override
    public AppSyncClient.Builder random(RandomGenerator random) {
        this.random = random;
        return this;
    }

    @Override
    public AppSyncClient.Builder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    @Override
    public AppSyncClient build() {
        AppSyncClientOptions options = new AppSyncClientOptions(endpoint, auth, connectTimeout, requestTimeout,
                maxAttempts, baseBackoff, maxBackoff, userAgent, sleeper, random, clock);
        List<String> problems = OptionsValidator.problems(options);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(OptionsValidator.message(problems));
        }
        return new DefaultAppSyncClient(options);
    }
}
