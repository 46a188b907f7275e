package com.cdcappsync.localstack;

/**
 * Runs one invocation of the function, for the Invoke API ({@link InvokeServer}); {@link LambdaFunction} runs it
 * as Lambda does, in a child JVM behind the Runtime API.
 */
@FunctionalInterface
public interface FunctionInvoker {

    /**
     * One invocation.
     *
     * @param payload       the event
     * @param qualifier     the version or alias it was invoked with; null for none
     * @param clientContext the decoded {@code X-Amz-Client-Context} JSON; null when the caller sent none
     */
    record Request(byte[] payload, String qualifier, String clientContext) {
    }

    /** What the Invoke API answers. */
    sealed interface Result permits Success, Failure {
    }

    /** The function's response. */
    record Success(byte[] payload) implements Result {
    }

    /**
     * The function failed: Lambda's error document ({@code errorMessage}, {@code errorType}, ...), answered with
     * {@code X-Amz-Function-Error: Unhandled}.
     */
    record Failure(byte[] errorDocument) implements Result {
    }

    /** Runs {@code request} and returns its result; never throws for a function error. */
    Result invoke(Request request) throws InterruptedException;
}
