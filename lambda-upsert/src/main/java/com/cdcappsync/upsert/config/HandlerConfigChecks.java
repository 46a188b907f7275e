package com.cdcappsync.upsert.config;

import com.cdcappsync.upsert.appsync.AppSyncClientBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks {@link HandlerConfig.Builder#build()} and {@link HandlerConfig#fromEnvironment} run. The URL, the
 * attempts' range and the backoff order follow the AppSync client's own rules ({@link AppSyncClientBuilder}).
 */
final class HandlerConfigChecks {

    private HandlerConfigChecks() {
    }

    /** Every problem of a candidate configuration, each starting with the setting's key. */
    static List<String> problems(HandlerConfig c, boolean requireEndpoint) {
        List<String> problems = new ArrayList<>();
        range(problems, Settings.PUBLISH_CONCURRENCY, c.concurrency(), 1, 256);
        range(problems, Settings.RETRY_MAX_ATTEMPTS, c.maxAttempts(), 1, AppSyncClientBuilder.MAX_ATTEMPTS_LIMIT);
        positive(problems, Settings.HTTP_CONNECT_TIMEOUT, c.connectTimeout());
        positive(problems, Settings.HTTP_REQUEST_TIMEOUT, c.requestTimeout());
        positive(problems, Settings.RETRY_BASE_DELAY, c.baseDelay());
        positive(problems, Settings.RETRY_MAX_DELAY, c.maxDelay());
        Duration reserve = c.deadlineReserve();
        if (reserve == null || reserve.compareTo(TimeBudget.MIN_RESERVE) < 0
                || reserve.compareTo(TimeBudget.MAX_RESERVE) > 0) {
            problems.add(Settings.DEADLINE_RESERVE.key() + " (" + reserve + "): expected a duration from "
                    + TimeBudget.MIN_RESERVE.toSeconds() + "s to " + TimeBudget.MAX_RESERVE.toSeconds()
                    + "s, enough to write the answer after the last AppSync attempt; the default is "
                    + Settings.DEADLINE_RESERVE.defaultText());
        }
        required(problems, Settings.APPSYNC_AUTH, c.authMode());
        required(problems, Settings.VERSION_FALLBACK, c.versionFallback());
        required(problems, Settings.TOAST_PLACEHOLDER, c.toastPlaceholder());
        required(problems, Settings.METRICS_NAMESPACE, c.metricsNamespace());
        required(problems, Settings.WEBSITES, c.websites());
        String endpointProblem = c.endpoint() == null ? null : AppSyncClientBuilder.endpointProblem(c.endpoint());
        if (endpointProblem != null) {
            problems.add(Settings.APPSYNC_GRAPHQL_URL.key() + ": " + endpointProblem);
        }
        Duration base = c.baseDelay();
        Duration max = c.maxDelay();
        if (AppSyncClientBuilder.backoffOrderProblem(base, max) != null) {
            problems.add(Settings.RETRY_BASE_DELAY.key() + " (" + base + ") must not exceed "
                    + Settings.RETRY_MAX_DELAY.key() + " (" + max + ")");
        }
        if (requireEndpoint) {
            sending(c, problems);
        }
        return problems;
    }

    /** What sending needs: an endpoint, and the credentials its auth mode signs with. */
    private static void sending(HandlerConfig c, List<String> problems) {
        if (c.endpoint() == null) {
            problems.add(Settings.APPSYNC_GRAPHQL_URL.key() + " is not set; expected the AppSync GraphQL URL "
                    + "(stack output GraphQlUrl)");
        }
        if (c.authMode() == AuthMode.API_KEY && (c.apiKey() == null || c.apiKey().isBlank())) {
            problems.add(Settings.APPSYNC_API_KEY.key() + " is not set but " + Settings.APPSYNC_AUTH.key()
                    + "=api-key; set the key, or use APPSYNC_AUTH=iam");
        }
        if (c.authMode() == AuthMode.IAM && (c.region() == null || c.region().isBlank())) {
            problems.add(Settings.AWS_REGION.key() + " is not set but " + Settings.APPSYNC_AUTH.key()
                    + "=iam needs it to sign; set it to the API's region (Lambda sets it for you)");
        }
    }

    private static void range(List<String> problems, Setting<Integer> setting, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(setting.key() + " (" + value + "): expected a whole number from " + min + " to " + max);
        }
    }

    private static void positive(List<String> problems, Setting<Duration> setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(setting.key() + " (" + value + "): expected a positive duration");
        }
    }

    private static void required(List<String> problems, Setting<?> setting, Object value) {
        if (value == null) {
            problems.add(setting.key() + " is not set; expected " + setting.type());
        }
    }
}
