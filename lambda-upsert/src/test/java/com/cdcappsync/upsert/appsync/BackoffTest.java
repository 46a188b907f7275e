package com.cdcappsync.upsert.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /**
     * 300 random cases drawn from a fixed seed, plus the range's edges (retry 1, 2 and 100; base 0, 1 ms and
     * 60 s; jitter seeds 0, -1, {@code Long.MIN_VALUE}, {@code Long.MAX_VALUE}). Each case's name holds all its
     * values, so a failing one reproduces as it is.
     */
    static List<Arguments> retrySeedAndBase() {
        List<Arguments> cases = new ArrayList<>();
        long[] seeds = {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE};
        int i = 0;
        for (int retry : new int[] {1, 2, 100}) {
            for (long baseMillis : new long[] {0, 1, 60_000}) {
                cases.add(Arguments.of(retry, seeds[i++ % seeds.length], baseMillis));
            }
        }
        SplittableRandom cases300 = new SplittableRandom(0xBAC0FFL);
        for (int n = 0; n < 300; n++) {
            cases.add(Arguments.of(cases300.nextInt(1, 101), cases300.nextLong(), cases300.nextLong(0, 60_001)));
        }
        return cases;
    }

    @ParameterizedTest(name = "retry {0}, jitter seed {1}, base {2} ms")
    @MethodSource("retrySeedAndBase")
    void delayBeforeRetry_anyRetryAndSeed_withinZeroAndCap(int retry, long seed, long baseMillis) {
        Duration base = Duration.ofMillis(baseMillis);
        Duration max = base.multipliedBy(20);
        Backoff backoff = new Backoff(base, max, new SplittableRandom(seed), d -> { });

        Duration delay = backoff.delayBeforeRetry(retry);

        double uncapped = baseMillis * Math.pow(2, retry - 1);
        Duration cap = uncapped >= max.toMillis() ? max : Duration.ofMillis((long) uncapped);
        String the = "retry " + retry + ", jitter seed " + seed + ", base " + baseMillis + " ms";
        assertThat(backoff.cap(retry)).as(the).isEqualTo(cap);
        assertThat(delay).as(the).isBetween(Duration.ZERO, cap);
    }
}
