package com.cdcappsync.upsert.appsync;

import java.util.random.RandomGenerator;

/** A "random" generator that always draws the largest allowed value, so backoffs equal their caps. */
final class MaxJitter implements RandomGenerator {

    @Override
    public long nextLong() {
        return Long.MAX_VALUE;
    }

    @Override
    public long nextLong(long bound) {
        return bound - 1;
    }
}
