package com.cdcappsync.upsert.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retries' worst case against the function's timeout (the CDK app refuses what does not fit). */
class TimeBudgetTest {

    @Test
    void of_defaults_fitTheDeployedTimeoutOf45SecondsAndOneOf30() {
        TimeBudget budget = TimeBudget.of(HandlerConfig.fromEnvironment(Map.<String, String>of()::get, false));

        // 5 attempts × 5 s, backoff caps 0.1 + 0.2 + 0.4 + 0.8 s, reserve 3 s.
        assertThat(budget.worstMutation()).isEqualTo(Duration.ofMillis(26_500));
        assertThat(budget.needed()).isEqualTo(Duration.ofMillis(29_500));
        assertThat(budget.problem(Duration.ofSeconds(45), "timeoutSeconds", "")).isEmpty();
        assertThat(budget.problem(Duration.ofSeconds(30), "timeoutSeconds", "")).isEmpty();
        assertThat(budget.problem(Duration.ofSeconds(29), "timeoutSeconds", "")).isPresent();
    }

    @Test
    void problem_retriesLongerThanTheTimeout_namesBothNumbersAndTheFix() {
        HandlerConfig config = HandlerConfig.fromEnvironment(Map.of("HTTP_REQUEST_TIMEOUT", "10s",
                "RETRY_MAX_ATTEMPTS", "5")::get, false);

        String problem = TimeBudget.of(config).problem(Duration.ofSeconds(45), "timeoutSeconds", "handlerEnv.")
                .orElseThrow();

        assertThat(problem).startsWith("timeoutSeconds = 45 s is shorter than one mutation's retries need: "
                + "RETRY_MAX_ATTEMPTS=5 × HTTP_REQUEST_TIMEOUT=10.0 s + backoffs of up to 1.5 s")
                .contains("= 51.5 s, plus DEADLINE_RESERVE=3.0 s = 54.5 s")
                .contains("raise timeoutSeconds to at least 55")
                .contains("lower handlerEnv.RETRY_MAX_ATTEMPTS or handlerEnv.HTTP_REQUEST_TIMEOUT");
    }

    @Test
    void of_backoffsCappedByTheMaximum_countEachCapOnce() {
        HandlerConfig config = HandlerConfig.fromEnvironment(Map.of("RETRY_MAX_ATTEMPTS", "4", "RETRY_BASE_DELAY",
                "1s", "RETRY_MAX_DELAY", "1500ms", "HTTP_REQUEST_TIMEOUT", "1s")::get, false);

        // Caps before retries 1, 2, 3: 1 s, then 2 s capped to 1.5 s twice.
        assertThat(TimeBudget.of(config).worstMutation()).isEqualTo(Duration.ofSeconds(8));
    }
}
