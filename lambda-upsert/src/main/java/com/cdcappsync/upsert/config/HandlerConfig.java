package com.cdcappsync.upsert.config;

import com.cdcappsync.upsert.appsync.AppSyncClientBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The handler's settings, typed. Read with {@link #fromEnvironment}: every setting is checked, every problem
 * is collected, and one {@link ConfigException} lists them all with the fix.
 *
 * @param endpoint          {@link Settings#APPSYNC_GRAPHQL_URL}; null only in dry runs
 * @param authMode          {@link Settings#APPSYNC_AUTH}
 * @param apiKey            {@link Settings#APPSYNC_API_KEY}
 * @param region            {@link Settings#AWS_REGION}
 * @param mappingPath       {@link Settings#MAPPING_PATH}; null for the packaged mapping
 * @param concurrency       {@link Settings#PUBLISH_CONCURRENCY}
 * @param coalesce          {@link Settings#PUBLISH_COALESCE}
 * @param connectTimeout    {@link Settings#HTTP_CONNECT_TIMEOUT}
 * @param requestTimeout    {@link Settings#HTTP_REQUEST_TIMEOUT}
 * @param maxAttempts       {@link Settings#RETRY_MAX_ATTEMPTS}
 * @param baseDelay         {@link Settings#RETRY_BASE_DELAY}
 * @param maxDelay          {@link Settings#RETRY_MAX_DELAY}
 * @param failOnRejected    {@link Settings#FAIL_ON_REJECTED}
 * @param versionFallback   {@link Settings#VERSION_FALLBACK}
 * @param toastPlaceholder  {@link Settings#TOAST_PLACEHOLDER}
 * @param metricsNamespace  {@link Settings#METRICS_NAMESPACE}
 */
public record HandlerConfig(URI endpoint, AuthMode authMode, String apiKey, String region, Path mappingPath,
                            int concurrency, boolean coalesce, Duration connectTimeout, Duration requestTimeout,
                            int maxAttempts, Duration baseDelay, Duration maxDelay, boolean failOnRejected,
                            VersionFallback versionFallback, String toastPlaceholder, String metricsNamespace) {

    /**
     * Reads and checks every setting.
     *
     * @param env         the environment, usually {@code System::getenv}
     * @param needEndpoint whether mutations will be sent (false for dry runs)
     * @throws ConfigException listing every problem
     */
    public static HandlerConfig fromEnvironment(Function<String, String> env, boolean needEndpoint) {
        Reader r = new Reader(env);
        URI endpoint = r.get(Settings.APPSYNC_GRAPHQL_URL);
        AuthMode auth = r.get(Settings.APPSYNC_AUTH);
        String apiKey = r.get(Settings.APPSYNC_API_KEY);
        String region = r.get(Settings.AWS_REGION);
        Path mapping = r.get(Settings.MAPPING_PATH);
        Integer concurrency = r.get(Settings.PUBLISH_CONCURRENCY);
        Boolean coalesce = r.get(Settings.PUBLISH_COALESCE);
        Duration connect = r.get(Settings.HTTP_CONNECT_TIMEOUT);
        Duration request = r.get(Settings.HTTP_REQUEST_TIMEOUT);
        Integer attempts = r.get(Settings.RETRY_MAX_ATTEMPTS);
        Duration base = r.get(Settings.RETRY_BASE_DELAY);
        Duration max = r.get(Settings.RETRY_MAX_DELAY);
        Boolean failOnRejected = r.get(Settings.FAIL_ON_REJECTED);
        VersionFallback fallback = r.get(Settings.VERSION_FALLBACK);
        String placeholder = r.get(Settings.TOAST_PLACEHOLDER);
        String namespace = r.get(Settings.METRICS_NAMESPACE);
        List<String> problems = r.problems;
        if (needEndpoint) {
            crossCheck(endpoint, auth, apiKey, region, problems);
        }
        if (AppSyncClientBuilder.backoffOrderProblem(base, max) != null) {
            problems.add(Settings.RETRY_BASE_DELAY.key() + " (" + base + ") must not exceed "
                    + Settings.RETRY_MAX_DELAY.key() + " (" + max + ")");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new HandlerConfig(endpoint, auth, apiKey, region, mapping, concurrency, coalesce, connect, request,
                attempts, base, max, failOnRejected, fallback, placeholder, namespace);
    }

    private static void crossCheck(URI endpoint, AuthMode auth, String apiKey, String region, List<String> problems) {
        if (endpoint == null && problems.stream().noneMatch(p -> p.startsWith(Settings.APPSYNC_GRAPHQL_URL.key()))) {
            problems.add(Settings.APPSYNC_GRAPHQL_URL.key() + " is not set; expected the AppSync GraphQL URL "
                    + "(stack output GraphQlUrl)");
        }
        if (auth == AuthMode.API_KEY && (apiKey == null || apiKey.isBlank())) {
            problems.add(Settings.APPSYNC_API_KEY.key() + " is not set but " + Settings.APPSYNC_AUTH.key()
                    + "=api-key; set the key, or use APPSYNC_AUTH=iam");
        }
        if (auth == AuthMode.IAM && (region == null || region.isBlank())) {
            problems.add(Settings.AWS_REGION.key() + " is not set but " + Settings.APPSYNC_AUTH.key()
                    + "=iam needs it to sign; set it to the API's region (Lambda sets it for you)");
        }
    }

    @Override
    public String toString() {
        // The API key stays out of logs.
        return "HandlerConfig[endpoint=" + endpoint + ", auth=" + authMode + ", region=" + region
                + ", mapping=" + (mappingPath == null ? "packaged" : mappingPath) + ", concurrency=" + concurrency
                + ", coalesce=" + coalesce + ", maxAttempts=" + maxAttempts + ", failOnRejected=" + failOnRejected
                + ", versionFallback=" + versionFallback + "]";
    }

    /** Reads settings one by one, collecting problems instead of stopping at the first. */
    private static final class Reader {
        private final Function<String, String> env;
        private final List<String> problems = new ArrayList<>();

        Reader(Function<String, String> env) {
            this.env = env;
        }

        <T> T get(Setting<T> setting) {
            String text = env.apply(setting.key());
            try {
                return setting.read(text);
            } catch (IllegalArgumentException e) {
                boolean secret = setting == Settings.APPSYNC_API_KEY;
                problems.add(setting.key() + "=" + (secret ? "<hidden>" : "'" + text + "'") + ": " + e.getMessage());
                return null;
            }
        }
    }
}
