package com.cdcappsync.upsert.publish;

import com.cdcappsync.upsert.adapter.RecordRef;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.response.RecordOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends a batch of changes: newest change per item (when coalescing), items concurrently up to the configured
 * bound, one item's changes strictly in version order, and every change classified.
 *
 * <p>Thread-safe. Owns a pool of daemon threads; {@link #close()} releases it.
 */
public final class Publisher implements AutoCloseable {

    private static final Comparator<MappedChange> BY_VERSION_THEN_POSITION = Comparator
            .comparingLong((MappedChange c) -> c.version().value())
            .thenComparingInt(c -> c.event().record().index());

    private final MutationSender sender;
    private final PublisherOptions options;
    private final ExecutorService pool;

    public Publisher(MutationSender sender, PublisherOptions options) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.options = Objects.requireNonNull(options, "options");
        this.pool = Executors.newFixedThreadPool(options.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "cdc-appsync-publisher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends the changes and returns one outcome per change, in no particular order. */
    public List<RecordOutcome> publish(List<MappedChange> changes) {
        Map<String, List<MappedChange>> byItem = new LinkedHashMap<>();
        for (MappedChange change : changes) {
            byItem.computeIfAbsent(change.itemKey(), k -> new ArrayList<>()).add(change);
        }
        ConcurrentLinkedQueue<RecordOutcome> outcomes = new ConcurrentLinkedQueue<>();
        List<Future<?>> running = new ArrayList<>(byItem.size());
        for (List<MappedChange> itemChanges : byItem.values()) {
            running.add(pool.submit(() -> sendItem(itemChanges, outcomes)));
        }
        for (Future<?> future : running) {
            await(future);
        }
        return List.copyOf(outcomes);
    }

    /** One item's changes, oldest first; with coalescing only the newest is sent. */
    private void sendItem(List<MappedChange> itemChanges, ConcurrentLinkedQueue<RecordOutcome> outcomes) {
        List<MappedChange> ordered = new ArrayList<>(itemChanges);
        ordered.sort(BY_VERSION_THEN_POSITION);
        MappedChange newest = ordered.getLast();
        for (MappedChange change : ordered) {
            if (options.coalesce() && change != newest) {
                RecordRef record = change.event().record();
                outcomes.add(new RecordOutcome.Stale(record.index(), record.location(),
                        "superseded by version " + newest.version() + " of the same item in this batch"));
                continue;
            }
            outcomes.add(classify(change, safeSend(change)));
        }
    }

    private SendResult safeSend(MappedChange change) {
        try {
            return sender.send(change);
        } catch (RuntimeException e) {
            // A sender must not throw; if it does, the record fails rather than the whole batch.
            return new SendResult.Failed("unexpected error while sending: " + e);
        }
    }

    private static RecordOutcome classify(MappedChange change, SendResult result) {
        RecordRef record = change.event().record();
        return switch (result) {
            case SendResult.Applied applied -> new RecordOutcome.Applied(record.index(), record.location(),
                    change.itemKey(), change.version().value());
            case SendResult.Stale stale -> new RecordOutcome.Stale(record.index(), record.location(), stale.reason());
            case SendResult.Failed failed -> new RecordOutcome.Failed(record.index(), record.location(),
                    failed.reason());
        };
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publisher task failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
