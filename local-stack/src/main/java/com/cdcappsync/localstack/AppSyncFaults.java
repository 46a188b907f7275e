package com.cdcappsync.localstack;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults the local AppSync endpoint ({@link AppSyncGateway}) plays on demand, so that a brown-out can be rehearsed
 * with the rest of the stack real: from a test ({@link LocalStack#appSyncFaults()}) or typed at
 * {@code bin/local-stack} ({@code freeze-appsync}, {@code throttle-appsync}, {@code thaw-appsync}; see
 * {@link DeployConsole}). Each stack has its own; thread-safe.
 * <ul>
 *   <li>{@link Fault#FREEZE}: every GraphQL request is held, unanswered, until thawed (or until its caller gives
 *       up), as when AppSync or its data source stalls; then it runs as usual;</li>
 *   <li>{@link Fault#THROTTLE}: every GraphQL request is answered {@link AppSyncRefusal#throttled()} at once
 *       (HTTP 429, {@code TooManyRequestsException}) without running;</li>
 *   <li>{@link Fault#NONE}: requests run as usual.</li>
 * </ul>
 */
public final class AppSyncFaults {

    /** What the endpoint does with a GraphQL request. */
    public enum Fault {
        /** Runs it. */
        NONE,
        /** Holds it, unanswered, until thawed. */
        FREEZE,
        /** Answers it as AppSync answers a throttled request. */
        THROTTLE;

        /** The console's word for it: {@code none}, {@code freeze}, {@code throttle}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Fault fault = Fault.NONE;
    /** Completed while nothing is frozen; a new one for each freeze, completed by the next change. */
    private CompletableFuture<Void> released = CompletableFuture.completedFuture(null);
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicLong throttled = new AtomicLong();

    /** Holds every GraphQL request from now on until {@link #thaw()} (or {@link #throttle()}). */
    public synchronized void freeze() {
        fault = Fault.FREEZE;
        if (released.isDone()) {
            released = new CompletableFuture<>();
        }
    }

    /** Answers every GraphQL request from now on as throttled; requests held by a freeze get that answer too. */
    public synchronized void throttle() {
        fault = Fault.THROTTLE;
        released.complete(null);
    }

    /** Runs requests as usual again; those held by a freeze go on. */
    public synchronized void thaw() {
        fault = Fault.NONE;
        released.complete(null);
    }

    /** The fault played now. */
    public synchronized Fault current() {
        return fault;
    }

    /** How many requests a freeze holds right now. */
    public int held() {
        return held.get();
    }

    /** How many requests were answered as throttled since the stack started. */
    public long throttled() {
        return throttled.get();
    }

    /**
     * Plays the current fault on one request: waits while frozen, then returns the refusal to answer with, or empty
     * when the request is to run. A stop of the gateway while the request is held answers 503, as a forward that
     * is cut short does.
     */
    Optional<AppSyncRefusal> play() {
        try {
            return playUntilDecided();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new AppSyncRefusal(503, "InternalFailure", "the local stack is stopping"));
        }
    }

    private Optional<AppSyncRefusal> playUntilDecided() throws InterruptedException {
        while (true) {
            Fault now;
            CompletableFuture<Void> wait;
            synchronized (this) {
                now = fault;
                wait = released;
            }
            if (now == Fault.FREEZE) {
                hold(wait);
            } else if (now == Fault.THROTTLE) {
                throttled.incrementAndGet();
                return Optional.of(AppSyncRefusal.throttled());
            } else {
                return Optional.empty();
            }
        }
    }

    private void hold(CompletableFuture<Void> until) throws InterruptedException {
        held.incrementAndGet();
        try {
            until.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a freeze is only ever released normally", e);
        } finally {
            held.decrementAndGet();
        }
    }

    @Override
    public synchronized String toString() {
        return "AppSyncFaults[" + fault.label() + ", held=" + held.get() + ", throttled=" + throttled.get() + "]";
    }
}
