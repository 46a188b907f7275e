package com.cdcappsync.localstack;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The function's configuration, as the CDK stack's {@code UpsertFunction} construct deploys it
 * (infra-cdk/src/main/java/com/cdcappsync/infra/constructs/UpsertFunction.java).
 *
 * @param name      the function name
 * @param handler   the handler string, {@value #HANDLER}
 * @param memoryMb  the memory size in MB (the construct's default 1024)
 * @param timeout   the function's timeout (the construct's default 45 s)
 * @param mode      SnapStart (a published version behind the {@code live} alias) or plain
 * @param region    the region
 * @param variables the function's own environment variables (what the construct sets, plus the handler's
 *                  settings); never Lambda's reserved ones
 */
record FunctionSpec(String name, String handler, int memoryMb, Duration timeout, LambdaMode mode, String region,
                    Map<String, String> variables) {

    /** {@code lambda-upsert}'s handler, as the CDK stack declares it. */
    static final String HANDLER = "com.cdcappsync.upsert.UpsertHandler::handleRequest";
    /** The runtime the CDK stack deploys. */
    static final String EXECUTION_ENV = "AWS_Lambda_java21";
    /** The account in every ARN the local stack makes up. */
    static final String ACCOUNT = "000000000000";

    /** Rejects what Lambda would reject, and copies the variables. */
    FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(region, "region");
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("function memory must be 128 to 10240 MB (Lambda's limits), got "
                    + memoryMb);
        }
        if (timeout == null || timeout.toMillis() < 1000 || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("function timeout must be 1 s to 15 min (Lambda's limits), got "
                    + timeout);
        }
        variables = Map.copyOf(variables);
        for (String key : variables.keySet()) {
            if (FunctionEnvironment.isReserved(key)) {
                throw new IllegalArgumentException("the function's environment cannot set " + key + ": Lambda "
                        + "reserves it (docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html)");
            }
        }
    }

    /** {@code 1} for the published SnapStart version, {@code $LATEST} otherwise. */
    String version() {
        return mode == LambdaMode.SNAPSTART ? "1" : "$LATEST";
    }

    /** The function's ARN, with {@code qualifier} when given. */
    String arn(String qualifier) {
        String arn = "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + name;
        return qualifier == null || qualifier.isEmpty() ? arn : arn + ":" + qualifier;
    }
}
