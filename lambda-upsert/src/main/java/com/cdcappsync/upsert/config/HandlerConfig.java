package com.cdcappsync.upsert.config;

import com.cdcappsync.upsert.mapping.ServedWebsites;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The handler's settings, typed. Read with {@link #fromEnvironment} (every setting parsed and checked, every
 * problem collected, one {@link ConfigException} listing them all with the fix), or built in code with
 * {@link #builder()}, whose {@code build()} runs the same checks; there is no other way to get one. Defaults
 * are those of the {@link Settings} registry. Accessors are named after the settings they hold.
 */
public final class HandlerConfig {

    private final URI endpoint;
    private final AuthMode authMode;
    private final String apiKey;
    private final String region;
    private final Path mappingPath;
    private final int concurrency;
    private final boolean coalesce;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration deadlineReserve;
    private final boolean failOnRejected;
    private final VersionFallback versionFallback;
    private final String toastPlaceholder;
    private final String metricsNamespace;
    private final ServedWebsites websites;

    private HandlerConfig(Builder b) {
        endpoint = b.endpoint;
        authMode = b.authMode;
        apiKey = b.apiKey;
        region = b.region;
        mappingPath = b.mappingPath;
        concurrency = b.concurrency;
        coalesce = b.coalesce;
        connectTimeout = b.connectTimeout;
        requestTimeout = b.requestTimeout;
        maxAttempts = b.maxAttempts;
        baseDelay = b.baseDelay;
        maxDelay = b.maxDelay;
        deadlineReserve = b.deadlineReserve;
        failOnRejected = b.failOnRejected;
        versionFallback = b.versionFallback;
        toastPlaceholder = b.toastPlaceholder;
        metricsNamespace = b.metricsNamespace;
        websites = b.websites;
    }

    /** A builder holding every default of {@link Settings}; {@link Builder#build()} checks the result. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder().endpoint(endpoint).authMode(authMode).apiKey(apiKey).region(region)
                .mappingPath(mappingPath).concurrency(concurrency).coalesce(coalesce).connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout).maxAttempts(maxAttempts).baseDelay(baseDelay).maxDelay(maxDelay)
                .deadlineReserve(deadlineReserve).failOnRejected(failOnRejected).versionFallback(versionFallback)
                .toastPlaceholder(toastPlaceholder).metricsNamespace(metricsNamespace).websites(websites)
                .requireEndpoint(endpoint != null);
    }

    /**
     * Reads and checks every setting.
     *
     * @param env          the environment, usually {@code System::getenv}
     * @param needEndpoint whether mutations will be sent (false for dry runs)
     * @throws ConfigException listing every problem
     */
    public static HandlerConfig fromEnvironment(Function<String, String> env, boolean needEndpoint) {
        SettingsReader r = new SettingsReader(env);
        Builder b = builder().requireEndpoint(needEndpoint);
        r.read(Settings.APPSYNC_GRAPHQL_URL, b::endpoint);
        r.read(Settings.APPSYNC_AUTH, b::authMode);
        r.read(Settings.APPSYNC_API_KEY, b::apiKey);
        r.read(Settings.AWS_REGION, b::region);
        r.read(Settings.MAPPING_PATH, b::mappingPath);
        r.read(Settings.PUBLISH_CONCURRENCY, b::concurrency);
        r.read(Settings.PUBLISH_COALESCE, b::coalesce);
        r.read(Settings.HTTP_CONNECT_TIMEOUT, b::connectTimeout);
        r.read(Settings.HTTP_REQUEST_TIMEOUT, b::requestTimeout);
        r.read(Settings.RETRY_MAX_ATTEMPTS, b::maxAttempts);
        r.read(Settings.RETRY_BASE_DELAY, b::baseDelay);
        r.read(Settings.RETRY_MAX_DELAY, b::maxDelay);
        r.read(Settings.DEADLINE_RESERVE, b::deadlineReserve);
        r.read(Settings.FAIL_ON_REJECTED, b::failOnRejected);
        r.read(Settings.VERSION_FALLBACK, b::versionFallback);
        r.read(Settings.TOAST_PLACEHOLDER, b::toastPlaceholder);
        r.read(Settings.METRICS_NAMESPACE, b::metricsNamespace);
        r.read(Settings.WEBSITES, b::websites);
        List<String> problems = new ArrayList<>(r.problems());
        // A setting that did not parse is reported once, not again as "not set" or out of range.
        b.problems().stream().filter(p -> r.failed().stream().noneMatch(p::startsWith)).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new HandlerConfig(b);
    }

    /** {@link Settings#APPSYNC_GRAPHQL_URL}; null only in dry runs. */
    public URI endpoint() {
        return endpoint;
    }

    /** {@link Settings#APPSYNC_AUTH}. */
    public AuthMode authMode() {
        return authMode;
    }

    /** {@link Settings#APPSYNC_API_KEY}; a secret, never in {@link #toString()}. */
    public String apiKey() {
        return apiKey;
    }

    /** {@link Settings#AWS_REGION}. */
    public String region() {
        return region;
    }

    /** {@link Settings#MAPPING_PATH}; null for the packaged mapping. */
    public Path mappingPath() {
        return mappingPath;
    }

    /** {@link Settings#PUBLISH_CONCURRENCY}. */
    public int concurrency() {
        return concurrency;
    }

    /** {@link Settings#PUBLISH_COALESCE}. */
    public boolean coalesce() {
        return coalesce;
    }

    /** {@link Settings#HTTP_CONNECT_TIMEOUT}. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@link Settings#HTTP_REQUEST_TIMEOUT}. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** {@link Settings#RETRY_MAX_ATTEMPTS}. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** {@link Settings#RETRY_BASE_DELAY}. */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** {@link Settings#RETRY_MAX_DELAY}. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** {@link Settings#DEADLINE_RESERVE}. */
    public Duration deadlineReserve() {
        return deadlineReserve;
    }

    /** {@link Settings#FAIL_ON_REJECTED}. */
    public boolean failOnRejected() {
        return failOnRejected;
    }

    /** {@link Settings#VERSION_FALLBACK}. */
    public VersionFallback versionFallback() {
        return versionFallback;
    }

    /** {@link Settings#TOAST_PLACEHOLDER}. */
    public String toastPlaceholder() {
        return toastPlaceholder;
    }

    /** {@link Settings#METRICS_NAMESPACE}. */
    public String metricsNamespace() {
        return metricsNamespace;
    }

    /** {@link Settings#WEBSITES}. */
    public ServedWebsites websites() {
        return websites;
    }

    @Override
    public String toString() {
        // The API key stays out of logs.
        return "HandlerConfig[endpoint=" + endpoint + ", auth=" + authMode + ", region=" + region
                + ", mapping=" + (mappingPath == null ? "packaged" : mappingPath) + ", concurrency=" + concurrency
                + ", coalesce=" + coalesce + ", maxAttempts=" + maxAttempts + ", failOnRejected=" + failOnRejected
                + ", versionFallback=" + versionFallback + "]";
    }

    /** Builds a {@link HandlerConfig}; starts from the {@link Settings} defaults. */
    public static final class Builder {
        private URI endpoint = Settings.APPSYNC_GRAPHQL_URL.read(null);
        private AuthMode authMode = Settings.APPSYNC_AUTH.read(null);
        private String apiKey = Settings.APPSYNC_API_KEY.read(null);
        private String region = Settings.AWS_REGION.read(null);
        private Path mappingPath = Settings.MAPPING_PATH.read(null);
        private int concurrency = Settings.PUBLISH_CONCURRENCY.read(null);
        private boolean coalesce = Settings.PUBLISH_COALESCE.read(null);
        private Duration connectTimeout = Settings.HTTP_CONNECT_TIMEOUT.read(null);
        private Duration requestTimeout = Settings.HTTP_REQUEST_TIMEOUT.read(null);
        private int maxAttempts = Settings.RETRY_MAX_ATTEMPTS.read(null);
        private Duration baseDelay = Settings.RETRY_BASE_DELAY.read(null);
        private Duration maxDelay = Settings.RETRY_MAX_DELAY.read(null);
        private Duration deadlineReserve = Settings.DEADLINE_RESERVE.read(null);
        private boolean failOnRejected = Settings.FAIL_ON_REJECTED.read(null);
        private VersionFallback versionFallback = Settings.VERSION_FALLBACK.read(null);
        private String toastPlaceholder = Settings.TOAST_PLACEHOLDER.read(null);
        private String metricsNamespace = Settings.METRICS_NAMESPACE.read(null);
        private ServedWebsites websites = Settings.WEBSITES.read(null);
        private boolean requireEndpoint = true;

        private Builder() {
        }

        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder authMode(AuthMode authMode) {
            this.authMode = authMode;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder mappingPath(Path mappingPath) {
            this.mappingPath = mappingPath;
            return this;
        }

        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public Builder coalesce(boolean coalesce) {
            this.coalesce = coalesce;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = baseDelay;
            return this;
        }

        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
            return this;
        }

        public Builder deadlineReserve(Duration deadlineReserve) {
            this.deadlineReserve = deadlineReserve;
            return this;
        }

        public Builder failOnRejected(boolean failOnRejected) {
            this.failOnRejected = failOnRejected;
            return this;
        }

        public Builder versionFallback(VersionFallback versionFallback) {
            this.versionFallback = versionFallback;
            return this;
        }

        public Builder toastPlaceholder(String toastPlaceholder) {
            this.toastPlaceholder = toastPlaceholder;
            return this;
        }

        /** {@link Settings#WEBSITES}. */
        public Builder websites(ServedWebsites websites) {
            this.websites = websites;
            return this;
        }

        public Builder metricsNamespace(String metricsNamespace) {
            this.metricsNamespace = metricsNamespace;
            return this;
        }

        /** Whether mutations will be sent, so an endpoint and matching credentials are needed; default true. */
        public Builder requireEndpoint(boolean requireEndpoint) {
            this.requireEndpoint = requireEndpoint;
            return this;
        }

        /**
         * Checks everything and builds.
         *
         * @throws ConfigException listing every problem
         */
        public HandlerConfig build() {
            List<String> problems = problems();
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new HandlerConfig(this);
        }

        /** Every problem of these settings, each starting with the setting's key. */
        List<String> problems() {
            return HandlerConfigChecks.problems(new HandlerConfig(this), requireEndpoint);
        }
    }
}
