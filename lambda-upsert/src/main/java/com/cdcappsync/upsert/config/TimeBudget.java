package com.cdcappsync.upsert.config;

import com.cdcappsync.upsert.appsync.AppSyncClientBuilder;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the handler's retries fit in the function's timeout. Each invocation stops sending at its deadline
 * (the Lambda context's remaining time minus {@link Settings#DEADLINE_RESERVE}), so nothing runs into Lambda's
 * timeout whatever the settings; but settings whose single mutation can outlast that budget promise retries that
 * never happen, and are refused where the timeout is known: the CDK app, at synth.
 *
 * @param worstMutation   the longest one mutation can take: {@link Settings#RETRY_MAX_ATTEMPTS} ×
 *                        {@link Settings#HTTP_REQUEST_TIMEOUT} plus every backoff at its cap
 *                        ({@link AppSyncClientBuilder#worstCase})
 * @param deadlineReserve {@link Settings#DEADLINE_RESERVE}
 * @param summary         how the worst case is made up, with the setting names, for messages
 */
public record TimeBudget(Duration worstMutation, Duration deadlineReserve, String summary) {

    /** The least {@link Settings#DEADLINE_RESERVE}: the answer and the publisher's grace after the deadline. */
    public static final Duration MIN_RESERVE = Duration.ofSeconds(1);
    /** The largest {@link Settings#DEADLINE_RESERVE}. */
    public static final Duration MAX_RESERVE = Duration.ofSeconds(60);

    /** The budget of a configuration. */
    public static TimeBudget of(HandlerConfig config) {
        Duration worst = AppSyncClientBuilder.worstCase(config.maxAttempts(), config.requestTimeout(),
                config.baseDelay(), config.maxDelay());
        Duration backoffs = worst.minus(config.requestTimeout().multipliedBy(config.maxAttempts()));
        String summary = Settings.RETRY_MAX_ATTEMPTS.key() + "=" + config.maxAttempts() + " × "
                + Settings.HTTP_REQUEST_TIMEOUT.key() + "=" + seconds(config.requestTimeout()) + " + backoffs of up to "
                + seconds(backoffs) + " (" + Settings.RETRY_BASE_DELAY.key() + "=" + seconds(config.baseDelay())
                + ", " + Settings.RETRY_MAX_DELAY.key() + "=" + seconds(config.maxDelay()) + ") = "
                + seconds(worst) + ", plus " + Settings.DEADLINE_RESERVE.key() + "="
                + seconds(config.deadlineReserve());
        return new TimeBudget(worst, config.deadlineReserve(), summary);
    }

    /** The shortest function timeout these settings fit in: one worst-case mutation plus the reserve. */
    public Duration needed() {
        return worstMutation.plus(deadlineReserve);
    }

    /**
     * What is wrong with running these settings under {@code functionTimeout}, or empty when they fit. The
     * message names both numbers and the fix.
     *
     * @param timeoutName   how the caller names the timeout (e.g. the CDK context key {@code timeoutSeconds})
     * @param settingPrefix how the caller names the handler's settings: empty for the environment itself,
     *                      {@code handlerEnv.} for the CDK context
     */
    public Optional<String> problem(Duration functionTimeout, String timeoutName, String settingPrefix) {
        if (needed().compareTo(functionTimeout) <= 0) {
            return Optional.empty();
        }
        long neededSeconds = (needed().toMillis() + 999) / 1000;
        return Optional.of(timeoutName + " = " + functionTimeout.toSeconds() + " s is shorter than one mutation's "
                + "retries need: " + summary + " = " + seconds(needed()) + ". Fix: raise " + timeoutName + " to at "
                + "least " + neededSeconds + " (staying below the connector's aws.lambda.socket.timeout), or lower "
                + settingPrefix + Settings.RETRY_MAX_ATTEMPTS.key() + " or " + settingPrefix
                + Settings.HTTP_REQUEST_TIMEOUT.key() + ".");
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
