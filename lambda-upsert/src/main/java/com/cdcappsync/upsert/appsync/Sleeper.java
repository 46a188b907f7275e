package com.cdcappsync.upsert.appsync;

import java.time.Duration;

/**
 * Waits between retries. The default is {@link #system()}; tests inject one that records the
 * requested durations instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for {@code duration} (zero or positive).
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the current thread with {@link Thread#sleep(Duration)}. */
    static Sleeper system() {
        return Thread::sleep;
    }
}
