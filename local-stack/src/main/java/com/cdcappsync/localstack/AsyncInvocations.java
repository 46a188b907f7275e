package com.cdcappsync.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Lambda's queue for {@code Event} invocations: the Invoke API answers 202 as soon as the event is queued, and the
 * function runs afterwards. A function error (the handler's, or the runtime's such as a timeout) is retried twice,
 * one minute after the first attempt and two minutes after the second; then the event is dropped, where Lambda
 * would send it to the on-failure destination (docs.aws.amazon.com/lambda/latest/dg/invocation-async.html and
 * invocation-async-error-handling.html; infra-cdk's alias sets {@code retryAttempts} 2 and an SQS on-failure queue).
 * Events run concurrently and in no particular order, as Lambda promises none. Thread-safe.
 */
final class AsyncInvocations implements AutoCloseable {

    /** Lambda's waits before the second and the third attempt (invocation-async-error-handling.html). */
    static final List<Duration> LAMBDA_RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));

    private final PublishedFunction function;
    private final List<Duration> retryDelays;
    private final Consumer<String> log;
    private final ExecutorService queue = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param retryDelays the wait before each retry, in order; its size is the number of retries
     * @param log receives a line for each event given up on
     */
    AsyncInvocations(PublishedFunction function, List<Duration> retryDelays, Consumer<String> log) {
        this.function = Objects.requireNonNull(function, "function");
        this.retryDelays = List.copyOf(retryDelays);
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Queues {@code request}; returns at once. */
    void submit(String requestId, FunctionInvoker.Request request) {
        queue.execute(() -> run(requestId, request));
    }

    private void run(String requestId, FunctionInvoker.Request request) {
        try {
            for (int attempt = 0; ; attempt++) {
                PublishedFunction.Executed executed = function.invokeVersion(request);
                if (executed.result() instanceof FunctionInvoker.Success) {
                    return;
                }
                if (attempt == retryDelays.size()) {
                    log.accept("asynchronous invocation " + requestId + " failed " + (attempt + 1) + " times; "
                            + "dropped (Lambda would send it to the alias's on-failure destination)");
                    return;
                }
                Thread.sleep(retryDelays.get(attempt));
            }
        } catch (InterruptedException e) {
            // The stack is stopping: queued events go with it, as they would with a deleted function.
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the queue: events waiting for a retry are dropped. */
    @Override
    public void close() {
        queue.shutdownNow();
        try {
            queue.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
