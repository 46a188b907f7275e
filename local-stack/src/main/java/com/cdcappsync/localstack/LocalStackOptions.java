package com.cdcappsync.localstack;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to start a {@link LocalStack}. Build with {@link #builder()}, where every option has a default; the
 * constructor checks every value, so every instance is checked.
 *
 * <p>The stack's parts: {@link #layout()} where the repository's files are (default {@link RepositoryLayout#locate}
 * with no root); {@link #apiDir()} the API definition the simulator serves and whose tables and grant the stack
 * sets up (schema.graphql, api.json, the templates; default the layout's {@code graphql-schema/}); the ports
 * {@link #dynamoDbPort()} (default {@value #DEFAULT_DYNAMODB_PORT}), {@link #graphQlPort()}
 * (the AppSync endpoint, {@link AppSyncGateway}; the simulator's real-time endpoint takes the next port; default
 * {@value #DEFAULT_GRAPHQL_PORT}), {@link #invokePort()}
 * (default {@value #DEFAULT_INVOKE_PORT}) and {@link #webPort()} (default {@value #DEFAULT_WEB_PORT}), 0 picking a
 * free one; {@link #apiKey()} (default {@value #DEFAULT_API_KEY}); {@link #node()} (default {@code node});
 * {@link #startupTimeout()} for the simulator and the function's init (default 60 s); {@link #progress()},
 * {@link #lambdaLog()} (the function's output, default standard output) and {@link #simulatorOutput()} (null keeps
 * it for errors only).
 *
 * <p>The function, as the CDK stack deploys it: {@link #functionName()} (default {@value #DEFAULT_FUNCTION_NAME}),
 * {@link #lambdaMode()} (default {@link #DEFAULT_LAMBDA_MODE}), {@link #functionTimeout()} (default 45 s),
 * {@link #functionMemoryMb()} (default {@value #DEFAULT_FUNCTION_MEMORY_MB}) and {@link #handlerEnvironment()}:
 * the handler's settings (lambda-upsert/README.md, Configuration, e.g. {@code PUBLISH_COALESCE}); only the keys of that
 * table are passed, and the stack sets the endpoint, IAM auth and region itself; default none. {@link
 * Builder#mapping(Path)} is the typed way to set its {@code MAPPING_PATH} (the mapping file; default the packaged
 * Odoo one).
 *
 * <p>For a function or connector in Docker (local-stack/docker/README.md, paths B and C): {@link #bindHost()} where
 * the AppSync endpoint and the Invoke API listen (default 127.0.0.1; {@link BindHost}), and
 * {@link #trustedExternalKey()} one external key the AppSync endpoint accepts as the function's role (default none).
 */
public record LocalStackOptions(RepositoryLayout layout, Path apiDir, int dynamoDbPort, int graphQlPort, int invokePort,
                                int webPort, String apiKey, String functionName, Map<String, String> handlerEnvironment,
                                LambdaMode lambdaMode, Duration functionTimeout, int functionMemoryMb, String node,
                                Duration startupTimeout, Consumer<String> progress, Consumer<String> lambdaLog,
                                Consumer<String> simulatorOutput, InetAddress bindHost,
                                TrustedExternalKey trustedExternalKey) {

    public static final int DEFAULT_DYNAMODB_PORT = 8000;
    public static final int DEFAULT_GRAPHQL_PORT = 20002;
    public static final int DEFAULT_INVOKE_PORT = 9001;
    public static final int DEFAULT_WEB_PORT = 9002;
    public static final String DEFAULT_API_KEY = "da2-local-stack-key";
    public static final String DEFAULT_FUNCTION_NAME = "cdc-appsync-upsert";
    /** SnapStart, like the deployed {@code live} alias. */
    public static final LambdaMode DEFAULT_LAMBDA_MODE = LambdaMode.SNAPSTART;
    /** The CDK stack's timeout. */
    public static final Duration DEFAULT_FUNCTION_TIMEOUT = Duration.ofSeconds(45);
    /** The CDK stack's memory size. */
    public static final int DEFAULT_FUNCTION_MEMORY_MB = 1024;
    /** The handler setting naming its mapping file (lambda-upsert's {@code Settings.MAPPING_PATH}). */
    static final String MAPPING_PATH = "MAPPING_PATH";

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming each bad option, what is expected and what was given
     */
    public LocalStackOptions {
        Objects.requireNonNull(layout, "layout");
        apiDir = Objects.requireNonNull(apiDir, "apiDir").toAbsolutePath().normalize();
        handlerEnvironment = Map.copyOf(handlerEnvironment);
        Objects.requireNonNull(lambdaMode, "lambdaMode");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(lambdaLog, "lambdaLog");
        Objects.requireNonNull(bindHost, "bindHost");
        checkPort("DynamoDB port", dynamoDbPort);
        checkPort("GraphQL port", graphQlPort);
        checkPort("invoke port", invokePort);
        checkPort("web port", webPort);
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException(
                    "API key must not be blank; pass --simulator-api-key KEY or keep the default");
        }
        if (functionName == null || !functionName.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("function name must be 1-64 letters, digits, '-' or '_' "
                    + "(as Lambda's), got '" + functionName + "'");
        }
        if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startup timeout must be positive, got " + startupTimeout);
        }
        if (functionTimeout == null || functionTimeout.toMillis() < 1000
                || functionTimeout.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("function timeout must be 1 s to 15 min (Lambda's limits), got "
                    + functionTimeout + "; pass --function-timeout SECONDS");
        }
        if (functionMemoryMb < 128 || functionMemoryMb > 10240) {
            throw new IllegalArgumentException("function memory must be 128 to 10240 MB (Lambda's limits), got "
                    + functionMemoryMb + "; pass --function-memory MB");
        }
        if (!Files.isRegularFile(apiDir.resolve("api.json"))) {
            throw new IllegalArgumentException("API folder " + apiDir + " has no api.json; pass a folder laid out "
                    + "as graphql-schema/ (schema.graphql, api.json, resolvers/)");
        }
    }

    /** The function's mapping file ({@code MAPPING_PATH}); empty for the packaged one. */
    public Optional<Path> mapping() {
        String path = handlerEnvironment.get(MAPPING_PATH);
        return path == null || path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0 (pick a free one) to 65535, got " + port);
        }
    }

    /** A builder holding these options, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder().layout(layout).apiDir(apiDir).dynamoDbPort(dynamoDbPort).graphQlPort(graphQlPort)
                .invokePort(invokePort).webPort(webPort).apiKey(apiKey).functionName(functionName)
                .handlerEnvironment(handlerEnvironment).lambdaMode(lambdaMode).functionTimeout(functionTimeout)
                .functionMemoryMb(functionMemoryMb).node(node).startupTimeout(startupTimeout).progress(progress)
                .lambdaLog(lambdaLog).bindHost(bindHost).trustedExternalKey(trustedExternalKey);
        return b.simulatorOutput(simulatorOutput);
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LocalStackOptions}; {@link #build()} checks the values. */
    public static final class Builder {
        private RepositoryLayout layout;
        private Path apiDir;
        private Path mapping;
        private int dynamoDbPort = DEFAULT_DYNAMODB_PORT;
        private int graphQlPort = DEFAULT_GRAPHQL_PORT;
        private int invokePort = DEFAULT_INVOKE_PORT;
        private int webPort = DEFAULT_WEB_PORT;
        private String apiKey = DEFAULT_API_KEY;
        private String functionName = DEFAULT_FUNCTION_NAME;
        private Map<String, String> handlerEnvironment = Map.of();
        private LambdaMode lambdaMode = DEFAULT_LAMBDA_MODE;
        private Duration functionTimeout = DEFAULT_FUNCTION_TIMEOUT;
        private int functionMemoryMb = DEFAULT_FUNCTION_MEMORY_MB;
        private String node = "node";
        private Duration startupTimeout = Duration.ofSeconds(60);
        private Consumer<String> progress = System.out::println;
        private Consumer<String> lambdaLog = System.out::println;
        private Consumer<String> simulatorOutput;
        private InetAddress bindHost = InetAddress.getLoopbackAddress();
        private TrustedExternalKey trustedExternalKey;

        private Builder() {
        }

        public Builder layout(RepositoryLayout layout) {
            this.layout = layout;
            return this;
        }

        /** The API definition to serve instead of the layout's {@code graphql-schema/} (a copy being edited). */
        public Builder apiDir(Path dir) {
            this.apiDir = dir;
            return this;
        }

        /** The function's mapping file: sets its {@code MAPPING_PATH}; null for the packaged mapping. */
        public Builder mapping(Path file) {
            this.mapping = file;
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

        /** SnapStart (container credentials, CRaC hooks) or plain (key variables, on-demand init). */
        public Builder lambdaMode(LambdaMode mode) {
            this.lambdaMode = Objects.requireNonNull(mode, "lambdaMode");
            return this;
        }

        /** The function's timeout: a run past it is ended and reported as Lambda reports it (1 s to 15 min). */
        public Builder functionTimeout(Duration timeout) {
            this.functionTimeout = timeout;
            return this;
        }

        /** The function's memory size in MB (128 to 10240): its heap is 85% of it, as in Lambda. */
        public Builder functionMemoryMb(int memoryMb) {
            this.functionMemoryMb = memoryMb;
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

        /** Where the AppSync endpoint and the Invoke API listen ({@link BindHost#parse} checks a given text). */
        public Builder bindHost(InetAddress address) {
            this.bindHost = Objects.requireNonNull(address, "bindHost");
            return this;
        }

        /** {@code --bind-host}: parsed and checked ({@link BindHost#parse}). */
        public Builder bindHost(String address) {
            return bindHost(BindHost.parse(address));
        }

        /** One external key the AppSync endpoint accepts as the function's role; null for none (the default). */
        public Builder trustedExternalKey(TrustedExternalKey key) {
            this.trustedExternalKey = key;
            return this;
        }

        /**
         * Builds; the layout defaults to {@link RepositoryLayout#locate} and the API folder to its
         * {@code graphql-schema/}.
         *
         * @throws IllegalArgumentException naming each bad option, what is expected and what was given
         */
        public LocalStackOptions build() {
            RepositoryLayout located = layout != null ? layout : RepositoryLayout.locate(null);
            return new LocalStackOptions(located, apiDir != null ? apiDir : located.schemaDir(), dynamoDbPort,
                    graphQlPort, invokePort, webPort, apiKey, functionName, environmentWithMapping(), lambdaMode,
                    functionTimeout, functionMemoryMb, node, startupTimeout, progress, lambdaLog, simulatorOutput,
                    bindHost, trustedExternalKey);
        }

        private Map<String, String> environmentWithMapping() {
            if (mapping == null) {
                return handlerEnvironment;
            }
            String given = handlerEnvironment.get(MAPPING_PATH);
            if (given != null && !given.isBlank()
                    && !Path.of(given).toAbsolutePath().equals(mapping.toAbsolutePath())) {
                throw new IllegalArgumentException("two mapping files given: mapping " + mapping + " and MAPPING_PATH="
                        + given + " in the handler environment; pass only one (--mapping or MAPPING_PATH)");
            }
            if (!Files.isRegularFile(mapping)) {
                throw new IllegalArgumentException("mapping file " + mapping.toAbsolutePath() + " does not exist; "
                        + "pass the path of a mapping file (see lambda-upsert/src/main/resources/mappings/)");
            }
            Map<String, String> environment = new HashMap<>(handlerEnvironment);
            environment.put(MAPPING_PATH, mapping.toAbsolutePath().normalize().toString());
            return environment;
        }
    }
}
