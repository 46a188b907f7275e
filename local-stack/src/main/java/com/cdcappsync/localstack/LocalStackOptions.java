package com.cdcappsync.localstack;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to start a {@link LocalStack}. Build with {@link #builder()}; every option has a default.
 *
 * @param layout             where the repository's files are; default {@link RepositoryLayout#locate} with no root
 * @param dynamoDbPort       DynamoDB Local's port; default {@value #DEFAULT_DYNAMODB_PORT}, 0 picks a free one
 * @param graphQlPort        the AppSync endpoint's port ({@link AppSyncGateway}); the simulator (real-time) takes the
 *                           next one; default {@value #DEFAULT_GRAPHQL_PORT}, 0 for free ones
 * @param invokePort         the Lambda Invoke API's port; default {@value #DEFAULT_INVOKE_PORT}, 0 picks a free one
 * @param webPort            the live page's port; default {@value #DEFAULT_WEB_PORT}, 0 picks a free one
 * @param apiKey             the API key websites use; default {@value #DEFAULT_API_KEY}
 * @param functionName       the function name the Invoke API answers to; default {@value #DEFAULT_FUNCTION_NAME}
 * @param handlerEnvironment extra handler settings (README's configuration table, e.g. {@code PUBLISH_COALESCE});
 *                           the stack sets the endpoint, IAM auth and region itself; default none
 * @param node               the Node.js command; default {@code node}
 * @param startupTimeout     how long the simulator may take to start; default 60 s
 * @param progress           receives progress lines; default standard output
 * @param lambdaLog          receives the handler's per-batch log line; default standard output
 * @param simulatorOutput    receives the simulator's own output; null (the default) keeps it for errors only
 */
public record LocalStackOptions(RepositoryLayout layout, int dynamoDbPort, int graphQlPort, int invokePort,
                                int webPort, String apiKey, String functionName,
                                Map<String, String> handlerEnvironment, String node, Duration startupTimeout,
                                Consumer<String> progress, Consumer<String> lambdaLog,
                                Consumer<String> simulatorOutput) {

    public static final int DEFAULT_DYNAMODB_PORT = 8000;
    public static final int DEFAULT_GRAPHQL_PORT = 20002;
    public static final int DEFAULT_INVOKE_PORT = 9001;
    public static final int DEFAULT_WEB_PORT = 9002;
    public static final String DEFAULT_API_KEY = "da2-local-stack-key";
    public static final String DEFAULT_FUNCTION_NAME = "cdc-appsync-upsert";

    /** Copies the environment. */
    public LocalStackOptions {
        handlerEnvironment = Map.copyOf(handlerEnvironment);
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LocalStackOptions}; {@link #build()} checks the values. */
    public static final class Builder {
        private RepositoryLayout layout;
        private int dynamoDbPort = DEFAULT_DYNAMODB_PORT;
        private int graphQlPort = DEFAULT_GRAPHQL_PORT;
        private int invokePort = DEFAULT_INVOKE_PORT;
        private int webPort = DEFAULT_WEB_PORT;
        private String apiKey = DEFAULT_API_KEY;
        private String functionName = DEFAULT_FUNCTION_NAME;
        private Map<String, String> handlerEnvironment = Map.of();
        private String node = "node";
        private Duration startupTimeout = Duration.ofSeconds(60);
        private Consumer<String> progress = System.out::println;
        private Consumer<String> lambdaLog = System.out::println;
        private Consumer<String> simulatorOutput;

        private Builder() {
        }

        public Builder layout(RepositoryLayout layout) {
            this.layout = layout;
            return this;
        }

        public Builder dynamoDbPort(int port) {
            this.dynamoDbPort = port;
            return this;
        }

        public Builder graphQlPort(int port) {
            this.graphQlPort = port;
            return this;
        }

        public Builder invokePort(int port) {
            this.invokePort = port;
            return this;
        }

        public Builder webPort(int port) {
            this.webPort = port;
            return this;
        }

        /** Every port picked free at start (tests, several stacks side by side). */
        public Builder ephemeralPorts() {
            return dynamoDbPort(0).graphQlPort(0).invokePort(0).webPort(0);
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder functionName(String functionName) {
            this.functionName = functionName;
            return this;
        }

        public Builder handlerEnvironment(Map<String, String> environment) {
            this.handlerEnvironment = Objects.requireNonNull(environment, "handlerEnvironment");
            return this;
        }

        public Builder node(String node) {
            this.node = node;
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public Builder lambdaLog(Consumer<String> lambdaLog) {
            this.lambdaLog = Objects.requireNonNull(lambdaLog, "lambdaLog");
            return this;
        }

        /** Where the simulator's own output goes; null keeps it for error messages only. */
        public Builder simulatorOutput(Consumer<String> output) {
            this.simulatorOutput = output;
            return this;
        }

        /**
         * Checks and builds.
         *
         * @throws IllegalArgumentException naming each bad option, what is expected and what was given
         */
        public LocalStackOptions build() {
            checkPort("DynamoDB port", dynamoDbPort);
            checkPort("GraphQL port", graphQlPort);
            checkPort("invoke port", invokePort);
            checkPort("web port", webPort);
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("API key must not be blank; pass --api-key KEY or keep the default");
            }
            if (functionName == null || !functionName.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("function name must be 1-64 letters, digits, '-' or '_' "
                        + "(as Lambda's), got '" + functionName + "'");
            }
            if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
                throw new IllegalArgumentException("startup timeout must be positive, got " + startupTimeout);
            }
            RepositoryLayout located = layout != null ? layout : RepositoryLayout.locate(null);
            return new LocalStackOptions(located, dynamoDbPort, graphQlPort, invokePort, webPort, apiKey,
                    functionName, handlerEnvironment, node, startupTimeout, progress, lambdaLog, simulatorOutput);
        }

        private static void checkPort(String name, int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(name + " must be 0 (pick a free one) to 65535, got " + port);
            }
        }
    }
}
