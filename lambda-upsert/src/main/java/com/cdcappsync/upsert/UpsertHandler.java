package com.cdcappsync.upsert;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.crac.Core;
import org.crac.Resource;

/**
 * The Lambda entry point: {@code com.cdcappsync.upsert.UpsertHandler::handleRequest}. Reads its settings from
 * the environment once, at cold start (every problem reported at once), then handles each invocation:
 * Confluent AWS Lambda Sink batches, Kafka and Kinesis event source mapping events.
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
        // SnapStart: prime before the snapshot is taken (a no-op where there is no CRaC).
        Core.getGlobalContext().register(this);
    }

    /** Warms decoding, mapping and signing before the SnapStart snapshot; sends nothing. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        System.out.println(Json.MAPPER.createObjectNode().put("level", "INFO").put("message", pipeline.prime()));
    }

    /** Nothing to do: credentials are read again on every request, and connections are re-opened lazily. */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.MAPPER.writeValue(output, pipeline.handle(Json.MAPPER.readTree(input)));
    }
}
