package com.cdcappsync.upsert.appsync;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The moment an invocation must stop sending, so that it answers before Lambda ends it. Lambda stops a run at the
 * function's timeout with an error and no answer of ours ("Task timed out after N.NN seconds",
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html); the time left is
 * {@code Context.getRemainingTimeInMillis()} (https://docs.aws.amazon.com/lambda/latest/dg/java-context.html).
 * The handler makes one per invocation from that time minus a reserve to write the answer
 * ({@link #forInvocation}); callers without a Lambda context (the dry-run CLI, tests) use {@link #NONE}.
 *
 * <p>Immutable and thread-safe: the publisher's threads share one. Time is read from a monotonic nanosecond clock
 * ({@link System#nanoTime()} unless a test passes its own).
 */
public final class Deadline {

    /** Every reason a deadline gives starts with this, so that logs and answers can be searched for it. */
    public static final String REASON = "function time budget";

    /** No deadline: nothing is cut short (dry runs, tests, callers without a Lambda context). */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE, Duration.ZERO, null, System::nanoTime);

    private final long atNanos;
    private final Duration budget;
    private final String origin;
    private final LongSupplier nanoClock;

    private Deadline(long atNanos, Duration budget, String origin, LongSupplier nanoClock) {
        this.atNanos = atNanos;
        this.budget = budget;
        this.origin = origin;
        this.nanoClock = nanoClock;
    }

    /**
     * The deadline of a Lambda invocation: {@code remaining} (the context's remaining time) minus {@code reserve},
     * counted from now. A reserve as large as the remaining time gives a deadline that has already passed: nothing
     * is sent and every record fails, naming the budget.
     */
    public static Deadline forInvocation(Duration remaining, Duration reserve, LongSupplier nanoClock) {
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(reserve, "reserve");
        Duration budget = remaining.minus(reserve);
        budget = budget.isNegative() ? Duration.ZERO : budget;
        String origin = "the invocation's remaining " + remaining.toMillis() + " ms minus a reserve of "
                + reserve.toMillis() + " ms to answer";
        return new Deadline(nanoClock.getAsLong() + budget.toNanos(), budget, origin, nanoClock);
    }

    /** A deadline {@code budget} from now, on {@code nanoClock} (tests). */
    public static Deadline after(Duration budget, LongSupplier nanoClock) {
        Objects.requireNonNull(budget, "budget");
        return new Deadline(nanoClock.getAsLong() + budget.toNanos(), budget, null, nanoClock);
    }

    /** Whether there is a deadline at all ({@link #NONE} has none). */
    public boolean isBounded() {
        return this != NONE;
    }

    /** The time left before the deadline, zero once it has passed; very long for {@link #NONE}. */
    public Duration remaining() {
        if (!isBounded()) {
            return Duration.ofNanos(Long.MAX_VALUE);
        }
        long left = atNanos - nanoClock.getAsLong();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Whether at least {@code needed} is left. */
    public boolean allows(Duration needed) {
        return remaining().compareTo(needed) >= 0;
    }

    /** {@code timeout}, shortened to the time left: the timeout of a request that must end by the deadline. */
    public Duration cap(Duration timeout) {
        Duration left = remaining();
        return left.compareTo(timeout) < 0 ? left : timeout;
    }

    /** The whole budget this deadline was given. */
    public Duration budget() {
        return budget;
    }

    /**
     * Why something stopped here, for a record's reason and the log: {@code "function time budget: stopped with
     * 12 ms left of 42000 ms (...)"}. The fix is in the docs under the setting {@code DEADLINE_RESERVE}.
     */
    public String stopped() {
        return REASON + ": stopped with " + remaining().toMillis() + " ms left of " + budget.toMillis() + " ms"
                + (origin == null ? "" : " (" + origin + ")");
    }

    @Override
    public String toString() {
        return isBounded() ? "Deadline[" + remaining().toMillis() + " ms left of " + budget.toMillis() + " ms]"
                : "Deadline[none]";
    }
}
