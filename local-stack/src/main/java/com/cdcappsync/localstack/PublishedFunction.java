package com.cdcappsync.localstack;

/**
 * What the Invoke API runs: a function whose every deployment publishes a new version (1, 2, ...), with the alias
 * pointing at the newest, as infra-cdk's UpsertFunction deploys it ({@code currentVersion} and the {@code live}
 * alias). Only the newest version keeps an execution environment here.
 */
interface PublishedFunction {

    /**
     * One invocation's outcome and the version that ran it ({@code X-Amz-Executed-Version}).
     *
     * @param version the published version that ran
     * @param result what the function answered
     */
    record Executed(String version, FunctionInvoker.Result result) {
    }

    /** The newest published version: the one the alias points at. */
    String aliasVersion();

    /** Runs {@code request} on the newest version; never throws for a function error. */
    Executed invokeVersion(FunctionInvoker.Request request) throws InterruptedException;

    /** A function with one published version, {@code 1}, running {@code invoker} (tests). */
    static PublishedFunction single(FunctionInvoker invoker) {
        return new PublishedFunction() {
            @Override
            public String aliasVersion() {
                return "1";
            }

            @Override
            public Executed invokeVersion(FunctionInvoker.Request request) throws InterruptedException {
                return new Executed("1", invoker.invoke(request));
            }
        };
    }
}
