package com.cdcappsync.upsert.internal.publish;

import com.cdcappsync.upsert.adapter.RecordRef;
import com.cdcappsync.upsert.appsync.Deadline;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.publish.MutationSender;
import com.cdcappsync.upsert.publish.SendResult;
import com.cdcappsync.upsert.response.RecordOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * How long after the deadline the publisher still waits for sends to return: the AppSync client ends its
     * attempts at the deadline, so this only covers the return itself. Must stay well inside the reserve the
     * deadline leaves ({@code DEADLINE_RESERVE}, at least 1 s).
     */
    public static final Duration LATE_GRACE = Duration.ofMillis(250);

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

    /** Sends the changes without a deadline; see {@link #publish(List, Deadline)}. */
    public List<RecordOutcome> publish(List<MappedChange> changes) {
        return publish(changes, Deadline.NONE);
    }

    /**
     * Sends the changes within {@code deadline} and returns one outcome per change, in no particular order. No
     * send starts once the deadline has passed; its change fails with {@code outOfTime}. The wait for the
     * concurrent sends ends {@link #LATE_GRACE} after the deadline at the latest: sends still running then
     * (a sender that ignores the deadline) are interrupted and their changes fail with {@code outOfTime} too, so
     * the answer is written in time whatever the sender does.
     */
    public List<RecordOutcome> publish(List<MappedChange> changes, Deadline deadline) {
        Map<String, List<MappedChange>> byItem = new LinkedHashMap<>();
        for (MappedChange change : changes) {
            byItem.computeIfAbsent(change.itemKey(), k -> new ArrayList<>()).add(change);
        }
        ConcurrentLinkedQueue<RecordOutcome> outcomes = new ConcurrentLinkedQueue<>();
        List<Future<?>> running = new ArrayList<>(byItem.size());
        for (List<MappedChange> itemChanges : byItem.values()) {
            running.add(pool.submit(() -> sendItem(itemChanges, outcomes, deadline)));
        }
        // One wait for all: the grace is counted once, from the deadline, on the real clock the futures wait on.
        long waitUntil = deadline.isBounded()
                ? System.nanoTime() + deadline.remaining().plus(LATE_GRACE).toNanos() : Long.MAX_VALUE;
        boolean late = false;
        for (Future<?> future : running) {
            late |= !await(future, waitUntil);
        }
        if (!late) {
            return List.copyOf(outcomes);
        }
        // What had ended by the end of the wait counts; the rest fails (a send interrupted now may still land:
        // harmless, writes are versioned and the caller retries the record).
        List<RecordOutcome> done = new ArrayList<>(outcomes);
        running.forEach(future -> future.cancel(true));
        Set<Integer> ended = new HashSet<>();
        done.forEach(outcome -> ended.add(outcome.index()));
        for (MappedChange change : changes) {
            RecordRef record = change.event().record();
            if (!ended.contains(record.index())) {
                done.add(new RecordOutcome.Failed(record.index(), record.location(), deadline.stopped()
                        + ": not finished when the time ran out (still sending, or waiting for a free sender); "
                        + "interrupted", true));
            }
        }
        return List.copyOf(done);
    }

    /** One item's changes, oldest first; with coalescing only the newest is sent. */
    private void sendItem(List<MappedChange> itemChanges, ConcurrentLinkedQueue<RecordOutcome> outcomes,
                          Deadline deadline) {
        List<MappedChange> ordered = new ArrayList<>(itemChanges);
        ordered.sort(BY_VERSION_THEN_POSITION);
        MappedChange newest = ordered.getLast();
        for (MappedChange change : ordered) {
            RecordRef record = change.event().record();
            if (options.coalesce() && change != newest) {
                outcomes.add(new RecordOutcome.Stale(record.index(), record.location(),
                        "superseded by version " + newest.version() + " of the same item in this batch"));
            } else if (deadline.isBounded() && deadline.remaining().isZero()) {
                outcomes.add(new RecordOutcome.Failed(record.index(), record.location(), deadline.stopped()
                        + ": not sent (waited for a free sender until the time ran out)", true));
            } else {
                outcomes.add(classify(change, safeSend(change, deadline)));
            }
        }
    }

    private SendResult safeSend(MappedChange change, Deadline deadline) {
        try {
            return sender.send(change, deadline);
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
                    failed.reason(), failed.outOfTime());
        };
    }

    /**
     * Waits for one item's sends until {@code waitUntil} ({@link System#nanoTime()}; {@code Long.MAX_VALUE}: no
     * limit); false when they were still running then.
     */
    private static boolean await(Future<?> future, long waitUntil) {
        try {
            if (waitUntil == Long.MAX_VALUE) {
                future.get();
            } else {
                future.get(Math.max(0, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
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
