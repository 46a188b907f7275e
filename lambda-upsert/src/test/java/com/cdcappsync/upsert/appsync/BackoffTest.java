package com.cdcappsync.upsert.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Capped exponential backoff with full jitter. */
class BackoffTest {

    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(5);

    @Test
    void cap_doublesFromBaseUntilMax() {
        Backoff backoff = new Backoff(BASE, MAX, new MaxJitter(), d -> { });

        assertThat(backoff.cap(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.cap(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.cap(6)).isEqualTo(Duration.ofMillis(3200));
        assertThat(backoff.cap(7)).isEqualTo(MAX);
        assertThat(backoff.cap(Integer.MAX_VALUE)).isEqualTo(MAX);
    }

    @Test
    void delayBeforeRetry_zeroBase_isZero() {
        assertThat(new Backoff(Duration.ZERO, Duration.ZERO, new MaxJitter(), d -> { }).delayBeforeRetry(3)).isZero();
    }

    @Test
    void cap_hugeBaseAndMax_doesNotOverflow() {
        Duration fifteenMinutes = Duration.ofMinutes(15);
        Backoff backoff = new Backoff(fifteenMinutes, fifteenMinutes, new MaxJitter(), d -> { });

        assertThat(backoff.cap(40)).isEqualTo(fifteenMinutes);
    }

    @Property(tries = 300)
    void delayBeforeRetry_anyRetryAndSeed_withinZeroAndCap(@ForAll @IntRange(min = 1, max = 100) int retry,
            @ForAll long seed, @ForAll @LongRange(min = 0, max = 60_000) long baseMillis) {
        Duration base = Duration.ofMillis(baseMillis);
        Duration max = base.multipliedBy(20);
        Backoff backoff = new Backoff(base, max, new SplittableRandom(seed), d -> { });

        Duration delay = backoff.delayBeforeRetry(retry);

        double uncapped = baseMillis * Math.pow(2, retry - 1);
        Duration cap = uncapped >= max.toMillis() ? max : Duration.ofMillis((long) uncapped);
        assertThat(backoff.cap(retry)).isEqualTo(cap);
        assertThat(delay).isBetween(Duration.ZERO, cap);
    }
}
