package com.cdcappsync.upsert.internal.publish;

/**
 * How the publisher sends a batch.
 *
 * @param concurrency how many items are sent at once (different items only; one item's changes are always
 *                    sent one after another). Default {@value #DEFAULT_CONCURRENCY}; 1 to 256.
 * @param coalesce    whether only the newest change of each item in a batch is sent (older ones are reported
 *                    stale without a request). Default true; turn off only to replay history change by change.
 */
public record PublisherOptions(int concurrency, boolean coalesce) {

    /** Default concurrency: enough to hide AppSync's latency, well below its request-rate quota. */
    public static final int DEFAULT_CONCURRENCY = 16;

    /** The defaults. */
    public static final PublisherOptions DEFAULTS = new PublisherOptions(DEFAULT_CONCURRENCY, true);

    public PublisherOptions {
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("concurrency must be between 1 and 256, got " + concurrency);
        }
    }
}
