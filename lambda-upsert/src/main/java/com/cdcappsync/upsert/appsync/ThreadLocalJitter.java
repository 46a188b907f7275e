package com.cdcappsync.upsert.appsync;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The default jitter source: every call goes to the calling thread's {@link ThreadLocalRandom}.
 *
 * <p>Why a class: the client is shared by many threads, and {@link RandomGenerator#getDefault()}
 * returns a generator that is not thread-safe, while {@code ThreadLocalRandom.current()} must be
 * called on the thread that uses it. Stateless, so one instance can sit in the defaults.
 */
final class ThreadLocalJitter implements RandomGenerator {

    @Override
    public long nextLong() {
        return ThreadLocalRandom.current().nextLong();
    }

    @Override
    public long nextLong(long bound) {
        return ThreadLocalRandom.current().nextLong(bound);
    }

    @Override
    public String toString() {
        return "ThreadLocalJitter";
    }
}
