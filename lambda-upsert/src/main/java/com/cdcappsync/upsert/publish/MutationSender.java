package com.cdcappsync.upsert.publish;

import com.cdcappsync.upsert.mapping.MappedChange;

/**
 * Sends one mutation. Implementations must be thread-safe: the publisher calls them from several threads,
 * never for the same item at once. They must not throw for a send that failed; they return
 * {@link SendResult.Failed}.
 */
@FunctionalInterface
public interface MutationSender {
    SendResult send(MappedChange change);
}
