package com.cdcappsync.upsert.appsync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with full jitter, and the wait itself: before retry {@code n} (1 for the first
 * retry) wait a uniformly random time in {@code [0, min(maxBackoff, baseBackoff * 2^(n-1))]}. Full jitter spreads
 * the retries of many concurrent callers that were throttled at the same moment. The jitter source must be
 * thread-safe (one client serves many threads) and unique per SnapStart environment: the default is a
 * {@link java.security.SecureRandom} ({@link AppSyncClientBuilder}).
 */
final class Backoff {

    /** Waits between retries; tests record the durations instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {

        /**
         * Waits for {@code duration} (zero or positive).
         *
         * @throws InterruptedException if the thread is interrupted while waiting
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final int MAX_SHIFT = 62;

    private final long baseNanos;
    private final long maxNanos;
    private final RandomGenerator random;
    private final Sleeper sleeper;

    Backoff(Duration base, Duration max, RandomGenerator random, Sleeper sleeper) {
        this.baseNanos = base.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
        this.sleeper = sleeper;
    }

    /** Waits {@code delay}, one drawn by {@link #delayBeforeRetry} (the caller first checks it fits its deadline). */
    void pause(Duration delay) throws InterruptedException {
        sleeper.sleep(delay);
    }

    /** The random wait before retry {@code retry} (1-based). */
    Duration delayBeforeRetry(int retry) {
        long cap = capNanos(retry);
        return Duration.ofNanos(cap == 0 ? 0 : random.nextLong(cap + 1));
    }

    /** The upper bound of the wait before retry {@code retry} (1-based), without overflow. */
    Duration cap(int retry) {
        return Duration.ofNanos(capNanos(retry));
    }

    private long capNanos(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry is 1-based, got " + retry);
        }
        int shift = Math.min(retry - 1, MAX_SHIFT);
        if (baseNanos > (maxNanos >> shift)) {
            return maxNanos;
        }
        return Math.min(maxNanos, baseNanos << shift);
    }
}
