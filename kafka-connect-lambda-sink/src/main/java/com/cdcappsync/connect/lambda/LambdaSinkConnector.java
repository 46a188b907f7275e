package com.cdcappsync.connect.lambda;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * A stand-in for Confluent's AWS Lambda Sink ({@code io.confluent.connect.aws.lambda.AwsLambdaSinkConnector}),
 * which cannot be downloaded here: same property names, same invocation body, same ordering and error behaviour
 * as Confluent documents them, plus an endpoint override. Differences: {@code kafka-connect-lambda-sink/README.md}.
 */
public final class LambdaSinkConnector extends SinkConnector {

    static final String VERSION = "0.1.0";

    private Map<String, String> properties;
    private volatile Thread functionCheck;

    /**
     * Checks the function with {@code GetFunction} beside the start, as Confluent's connector checks it on start: a
     * refusal fails the connector ({@link org.apache.kafka.connect.connector.ConnectorContext#raiseError}). Not in
     * {@code start} itself: Kafka Connect's herder runs {@code start} on its own thread, and a call that waits on
     * the network there would hold up every other connector.
     */
    @Override
    public void start(Map<String, String> properties) {
        LambdaSinkConfig config = new LambdaSinkConfig(properties);
        this.properties = Map.copyOf(properties);
        functionCheck = new Thread(() -> checkFunction(config), config.connectorName() + "-get-function");
        functionCheck.setDaemon(true);
        functionCheck.start();
    }

    private void checkFunction(LambdaSinkConfig config) {
        try (FunctionCaller caller = new FunctionCaller(config)) {
            String refusal = caller.refusalOfGetFunction();
            if (refusal != null) {
                context().raiseError(new ConnectException("GetFunction on " + config.functionName() + " was refused: "
                        + refusal + ". Fix: give the connector's principal lambda:GetFunction and "
                        + "lambda:InvokeFunction on exactly that name (the stack's ConnectorPrincipalArn has them on "
                        + "FunctionAliasArn), or set " + LambdaSinkConfig.FUNCTION_NAME + " to an existing function "
                        + "or alias"));
            }
        } catch (RuntimeException e) {
            context().raiseError(e);
        }
    }

    /** Waits for the start's GetFunction check; true when it is over. */
    boolean awaitFunctionCheck(Duration timeout) throws InterruptedException {
        Thread check = functionCheck;
        if (check != null) {
            check.join(timeout.toMillis());
        }
        return check == null || !check.isAlive();
    }

    @Override
    public Class<? extends Task> taskClass() {
        return LambdaSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(properties);
        }
        return configs;
    }

    @Override
    public void stop() {
        // Nothing held.
    }

    @Override
    public ConfigDef config() {
        return LambdaSinkConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return VERSION;
    }
}
