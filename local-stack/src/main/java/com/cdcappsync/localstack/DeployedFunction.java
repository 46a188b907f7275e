package com.cdcappsync.localstack;

import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The function name's current deployment, behind the Invoke API. A new deployment (Lambda's
 * {@code UpdateFunctionCode} / {@code UpdateFunctionConfiguration}: new code or environment, so new execution
 * environments) is started and initialised beside the old one; then invocations under way on the old one finish,
 * later ones go to the new one, and the old one is stopped. An invocation never sees a stopped function.
 *
 * <p>Each deployment is a new published version, numbered from 1, and the alias moves to it, as a {@code cdk deploy}
 * of UpsertFunction publishes {@code currentVersion} and points {@code live} at it.
 */
final class DeployedFunction implements FunctionInvoker, PublishedFunction, AutoCloseable {

    private final ReadWriteLock swap = new ReentrantReadWriteLock(true);
    private volatile LambdaFunction current;
    /** The current deployment's version; changed under the write lock with {@link #current}. */
    private volatile int version = 1;

    DeployedFunction(LambdaFunction first) {
        this.current = Objects.requireNonNull(first, "first");
    }

    @Override
    public Result invoke(Request request) throws InterruptedException {
        return invokeVersion(request).result();
    }

    @Override
    public Executed invokeVersion(Request request) throws InterruptedException {
        swap.readLock().lockInterruptibly();
        try {
            return new Executed(Integer.toString(version), current.invoke(request));
        } finally {
            swap.readLock().unlock();
        }
    }

    @Override
    public String aliasVersion() {
        return Integer.toString(version);
    }

    /** Routes every later invocation to {@code next} (already started) and stops the previous deployment. */
    void replace(LambdaFunction next) {
        LambdaFunction previous;
        swap.writeLock().lock();
        try {
            previous = current;
            current = Objects.requireNonNull(next, "next");
            version++;
        } finally {
            swap.writeLock().unlock();
        }
        previous.close();
    }

    /** The current deployment. */
    LambdaFunction current() {
        return current;
    }

    @Override
    public void close() {
        current.close();
    }

    @Override
    public String toString() {
        return current.toString();
    }
}
