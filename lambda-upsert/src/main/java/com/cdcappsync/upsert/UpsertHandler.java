package com.cdcappsync.upsert;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.cdcappsync.upsert.appsync.Deadline;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import org.crac.Core;
import org.crac.Resource;

/**
 * The Lambda entry point: {@code com.cdcappsync.upsert.UpsertHandler::handleRequest}. Reads its settings from
 * the environment once, at cold start (every problem reported at once), then handles each invocation:
 * Confluent AWS Lambda Sink batches, Kafka and Kinesis event source mapping events.
 *
 * <p>SnapStart (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks.html): priming runs in
 * {@link #beforeCheckpoint} and never resolves credentials; {@link #afterRestore} drops any credentials cached
 * before the snapshot (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html#snapstart-credentials).
 */
public final class UpsertHandler implements RequestStreamHandler, Resource {

    private final UpsertPipeline pipeline;

    /** Used by Lambda. */
    public UpsertHandler() {
        this(UpsertPipeline.builder()
                .config(HandlerConfig.fromEnvironment(System::getenv, true))
                .functionName(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "local"))
                .build());
    }

    /** With a pipeline built elsewhere (tests, the local stack). */
    public UpsertHandler(UpsertPipeline pipeline) {
        this.pipeline = pipeline;
        // SnapStart: prime before the snapshot is taken (a no-op where there is no CRaC). The global context
        // holds resources weakly; Lambda keeps this handler, so it stays registered.
        Core.getGlobalContext().register(this);
    }

    /**
     * Warms decoding, mapping and signing before the SnapStart snapshot; sends nothing and resolves no
     * credentials. Never throws: a failed priming only makes the first invocation slower, whereas a throwing
     * hook would fail the snapshot. The report goes to the pipeline's log.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        String message;
        try {
            message = pipeline.prime();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) { // LinkageError included: a class missing from the jar must not fail the snapshot.
            message = "priming failed (the first invocation will warm up instead): " + e;
        }
        try {
            pipeline.log(Json.MAPPER.createObjectNode().put("level", "INFO").put("message", message).toString());
        } catch (RuntimeException e) {
            System.err.println("priming: " + message + "; the log failed: " + e);
        }
    }

    /** Drops credentials cached before the snapshot; HTTP connections are opened lazily (priming opens none). */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        pipeline.afterRestore();
    }

    /**
     * Handles one invocation within its time budget: the deadline is the context's remaining time
     * (https://docs.aws.amazon.com/lambda/latest/dg/java-context.html), read first, minus {@code DEADLINE_RESERVE}.
     * Without a context (a caller that is not Lambda) there is no deadline.
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Deadline deadline = context == null ? Deadline.NONE
                : pipeline.deadline(Duration.ofMillis(context.getRemainingTimeInMillis()));
        Json.MAPPER.writeValue(output, pipeline.handle(Json.MAPPER.readTree(input), deadline));
    }
}
