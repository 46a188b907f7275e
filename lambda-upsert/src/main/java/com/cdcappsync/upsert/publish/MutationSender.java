package com.cdcappsync.upsert.publish;

import com.cdcappsync.upsert.appsync.Deadline;
import com.cdcappsync.upsert.mapping.MappedChange;

/**
 * Sends one mutation. Implementations must be thread-safe: the publisher calls them from several threads,
 * never for the same item at once. They must not throw for a send that failed; they return
 * {@link SendResult.Failed}.
 */
@FunctionalInterface
public interface MutationSender {
    SendResult send(MappedChange change);

    /**
     * Sends one mutation within the invocation's {@code deadline}; a sender that waits on the network must end by
     * then and return {@link SendResult.Failed} with {@code outOfTime} when it could not finish. This default
     * ignores the deadline (senders that never wait: dry runs, test doubles); the publisher also stops starting
     * sends once the deadline has passed.
     */
    default SendResult send(MappedChange change, Deadline deadline) {
        return send(change);
    }
}
