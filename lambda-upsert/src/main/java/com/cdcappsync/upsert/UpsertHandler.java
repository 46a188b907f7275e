package com.cdcappsync.upsert;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Lambda entry point: {@code com.cdcappsync.upsert.UpsertHandler::handleRequest}. Reads its settings from
 * the environment once, at cold start (every problem reported at once), then handles each invocation:
 * Confluent AWS Lambda Sink batches, Kafka and Kinesis event source mapping events.
 */
public final class UpsertHandler implements RequestStreamHandler {

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
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.MAPPER.writeValue(output, pipeline.handle(Json.MAPPER.readTree(input)));
    }
}
