package com.cdcappsync.localstack;

import com.cdcappsync.apimanifest.ApiManifest;
import com.cdcappsync.apimanifest.ConnectorGrant;
import com.cdcappsync.upsert.config.Settings;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.cdcappsync.upsert.mapping.Mappings;
import com.cdcappsync.upsert.mapping.ServedWebsites;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole path on one machine, with real parts and without AWS or Docker:
 * <ol>
 *   <li>DynamoDB Local in this JVM, with one table per {@code graphql-schema/api.json} table (partition key,
 *       TTL attribute as the CDK stack sets them);</li>
 *   <li>the Amplify AppSync simulator as a child process, running {@code graphql-schema/} as is (API key the
 *       default auth, IAM the additional one);</li>
 *   <li>the function as Lambda runs it ({@link LambdaFunction}: the deployable jar in a child JVM under AWS's
 *       runtime interface client, SnapStart or plain, credentials from {@link CredentialsAuthority}) behind the
 *       Lambda Invoke API ({@link InvokeServer});</li>
 *   <li>the live product page ({@link LivePageServer}: {@code local-stack/web/} and a {@code config.json}
 *       pointing it at this stack).</li>
 * </ol>
 * {@link #close()} stops them all, in reverse order, and leaves no child process behind.
 */
public final class LocalStack implements Deployments, AutoCloseable {

    /** The API's region: requests must be signed for it (the gateway checks the credential scope). */
    public static final String REGION = "us-east-1";
    /** The account in every ARN the local stack makes up. */
    public static final String ACCOUNT_ID = FunctionSpec.ACCOUNT;
    /** The alias the connector invokes, as infra-cdk deploys it: the one its grant names (ConnectorGrant). */
    public static final String FUNCTION_ALIAS = ConnectorGrant.CONNECTOR.alias();

    private static final int MAX_PORT = 65_535;

    /** Replaced by {@link #deployApi} (the API folder) and {@link #deployFunction} (the mapping). */
    private volatile LocalStackOptions options;
    private volatile ApiManifest manifest;
    private volatile Mappings mappings;
    /** The website API keys the API accepts, the current one (the page's, {@link #apiKey()}) last. */
    private volatile List<String> apiKeys;
    private final ObjectMapper mapper = new ObjectMapper();
    private final StartedParts started;
    /**
     * The stack's stand-in for STS: issues the function's and the connector's credentials; the gateway and the Invoke
     * API verify against it.
     */
    private final CredentialsAuthority credentialsAuthority;
    /** The connector role's credentials, for in-process callers of the Invoke API ({@link #invoker}). */
    private final IssuedCredentialsSource connectorCredentials;
    private DynamoDbLocal dynamoDb;
    private SimulatorProcess simulator;
    private AppSyncGateway gateway;
    private DeployedFunction function;
    private InvokeServer invoke;
    private LivePageServer page;

    private LocalStack(LocalStackOptions options, ApiManifest manifest, Mappings mappings,
                       CredentialsAuthority authority) {
        this.options = options;
        this.credentialsAuthority = authority;
        this.connectorCredentials = new IssuedCredentialsSource(authority, CredentialsAuthority.Role.CONNECTOR);
        this.started = new StartedParts(options.progress());
        this.manifest = manifest;
        this.mappings = mappings;
        this.apiKeys = List.of(options.apiKey());
    }

    /**
     * Starts the three parts, reporting progress; on any failure stops what already started and rethrows.
     *
     * @throws IllegalStateException (or {@link UncheckedIOException}) naming the part, the cause and the fix
     */
    public static LocalStack start(LocalStackOptions options) {
        return start(options, new CredentialsAuthority());
    }

    /**
     * Starts the stack with {@code authority} as its stand-in for STS: a caller that must hand out the connector's
     * credentials before the stack is up (the local pipeline's Connect worker) issues them from the same authority.
     */
    public static LocalStack start(LocalStackOptions options, CredentialsAuthority authority) {
        // Read before any part starts, so that a bad manifest or mapping stops nothing.
        LocalStack stack = new LocalStack(options, ApiManifest.load(options.apiDir()),
                mappings(options), authority);
        try {
            stack.startParts();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startParts() {
        BindHost.warning(options.bindHost()).ifPresent(this::progress);
        dynamoDb = remember(StartedParts.onPort(options.dynamoDbPort(), port -> {
            progress("[1/4] starting DynamoDB Local (in-process, in memory) on 127.0.0.1:" + port + " ...");
            return DynamoDbLocal.start(port);
        }));
        try (DynamoDbClient client = dynamoDb.client()) {
            new TableSetup(client, line -> progress("      " + line)).createAll(manifest);
        }
        simulator = remember(StartedParts.onPort(simulatorPort(options.graphQlPort()), port -> {
            progress("[2/4] starting the AppSync simulator (node) with " + options.apiDir()
                    + " on 127.0.0.1:" + port + " ...");
            return SimulatorProcess.start(new SimulatorProcess.Launch(options.node(), options.layout(),
                    options.apiDir(), dynamoDb.endpoint(), port, options.apiKey(), options.startupTimeout(),
                    options.simulatorOutput()), mapper);
        }));
        progress("      simulator ready (pid " + simulator.pid() + ")");
        gateway = remember(StartedParts.onPort(options.graphQlPort(), port -> AppSyncGateway.start(
                new AppSyncGateway.Settings(port, simulator.graphQlUrl(), credentialsAuthority, REGION,
                        manifest.mutationFields(), simulator.gatewayToken(), options.bindHost(),
                        options.trustedExternalKey()), mapper)));
        progress("      AppSync endpoint " + gateway.graphQlUrl() + ": SigV4 verified, IAM grant "
                + manifest.mutationFields() + " enforced" + (options.trustedExternalKey() == null ? ""
                : "; also trusts " + options.trustedExternalKey().accessKeyId() + " as the function's role"));
        progress("[3/4] starting the function (" + options.lambdaMode() + " mode) behind the Lambda Invoke API ...");
        function = remember(new DeployedFunction(FunctionLauncher.start(options, gateway.graphQlUrl(),
                credentialsAuthority, mapper)));
        FunctionSpec published = new FunctionSpec(options.functionName(), FunctionSpec.HANDLER,
                options.functionMemoryMb(), options.functionTimeout(), options.lambdaMode(), REGION, Map.of());
        invoke = remember(InvokeServer.start(new InvokeServer.Settings(options.invokePort(), published,
                credentialsAuthority, AsyncInvocations.LAMBDA_RETRY_DELAYS, this::progress, options.bindHost()),
                function, mapper));
        progress("      function ready: " + options.functionName() + " under the Lambda runtime interface client"
                + " (pid " + function.current().pid() + "), signing (SigV4) with credentials this stack issued");
        page = remember(StartedParts.onPort(options.webPort(), port -> {
            progress("[4/4] serving the live page " + options.layout().webDir() + " on 127.0.0.1:" + port + " ...");
            return LivePageServer.start(port, options.layout().webDir(),
                    pageConfig(options.apiKey()), mapper);
        }));
    }

    /**
     * The live page's config.json for this stack with {@code apiKey}: the simulator's query-form handshake, and the
     * first website the function serves ({@code WEBSITES} of the handler environment, else its default).
     */
    private LivePageServer.PageConfig pageConfig(String apiKey) {
        String websites = options.handlerEnvironment().get(Settings.WEBSITES.key());
        ServedWebsites served = websites == null || websites.isBlank() ? ServedWebsites.defaults()
                : ServedWebsites.parse(websites.strip());
        return new LivePageServer.PageConfig(graphQlUrl(), realtimeUrl(), apiKey, RealtimeAuth.QUERY,
                served.companiesByWebsite().keySet().iterator().next());
    }

    /** The handler's mapping: {@code MAPPING_PATH} of the handler environment, else the packaged Odoo one. */
    private static Mappings mappings(LocalStackOptions options) {
        MappingLoader loader = new MappingLoader();
        return options.mapping().map(loader::load).orElseGet(loader::loadDefault);
    }

    /**
     * Deploys another API definition to the running stack, as {@code cdk deploy} of a changed schema, resolvers or
     * api.json does for AppSync: the simulator serves {@code apiDir} from the next request on (endpoints, data
     * and open subscriptions stay), tables it adds are created, and the function role's grant becomes the new
     * manifest's mutations (SigV4 and the grant stay enforced). The function is not touched.
     *
     * @param apiDir a folder laid out as {@code graphql-schema/}
     * @throws IllegalArgumentException when its api.json is wrong (nothing changed)
     * @throws IllegalStateException when the simulator refuses the definition (it keeps serving the previous one)
     */
    @Override
    public synchronized void deployApi(Path apiDir) {
        ApiManifest next = ApiManifest.load(apiDir);
        progress("deploying the API " + apiDir + " ...");
        // As CloudFormation orders them: the tables before the resolvers that use them, the grant after.
        try (DynamoDbClient client = dynamoDb.client()) {
            new TableSetup(client, line -> progress("      " + line)).createMissing(next);
        }
        simulator.reload(apiDir, options.startupTimeout());
        gateway.grant(next.mutationFields());
        manifest = next;
        options = options.toBuilder().apiDir(apiDir).build();
        progress("      API deployed: IAM grant " + next.mutationFields());
    }

    /**
     * Deploys the function again with another mapping file, as a Lambda {@code UpdateFunctionConfiguration} of
     * {@code MAPPING_PATH} does: a new execution environment (new JVM, new init) is started; once it is ready,
     * invocations under way finish on the old one and later ones run on the new one; the old one is stopped.
     * The simulator, the tables and their items are not touched (nor, in the local pipeline, PostgreSQL and Kafka).
     *
     * @param mapping the mapping file; null for the packaged one
     * @throws RuntimeException when the mapping does not load or the new function fails its init (the old one
     *     keeps serving)
     */
    @Override
    public synchronized void deployFunction(Path mapping) {
        Map<String, String> environment = new HashMap<>(options.handlerEnvironment());
        environment.remove(LocalStackOptions.MAPPING_PATH);
        LocalStackOptions next = options.toBuilder().handlerEnvironment(environment).mapping(mapping).build();
        Mappings nextMappings = mappings(next);
        progress("deploying the function with mapping " + (mapping == null ? "(packaged)" : mapping) + " ...");
        LambdaFunction started = FunctionLauncher.start(next, gateway.graphQlUrl(), credentialsAuthority, mapper);
        function.replace(started);
        options = next;
        mappings = nextMappings;
        progress("      function deployed (pid " + started.pid() + ")");
    }

    /**
     * Gives the API exactly these website API keys, as a deploy of the stack's {@code websiteApiKeys} does (infra-cdk;
     * RUNBOOK.md, "API key rotation"): keys not listed are refused from the next request or connection on, the last
     * one becomes the current key ({@link #apiKey()}, and the live page's config). The function is not touched (it
     * signs with IAM).
     *
     * @param keys the keys, current last
     * @throws IllegalArgumentException when the list is empty, or has a blank or repeated key (nothing changed)
     */
    @Override
    public synchronized void deployApiKeys(List<String> keys) {
        if (keys.isEmpty() || keys.stream().anyMatch(k -> k == null || k.isBlank())
                || keys.stream().distinct().count() != keys.size()) {
            throw new IllegalArgumentException("API keys must be one or more distinct, non-blank keys, the current "
                    + "one last; got " + keys.size() + " key(s)");
        }
        List<String> next = List.copyOf(keys);
        simulator.apiKeys(next, options.startupTimeout());
        apiKeys = next;
        page.config(pageConfig(apiKey()), mapper);
        progress("API keys deployed: " + next.size() + " accepted, current " + abbreviate(apiKey()));
    }

    private static String abbreviate(String key) {
        return key.length() <= 8 ? key : key.substring(0, 8) + "...";
    }

    private <T extends AutoCloseable> T remember(T part) {
        return started.remember(part);
    }

    private void progress(String line) {
        options.progress().accept(line);
    }

    /**
     * The GraphQL endpoint, {@code http://127.0.0.1:<port>/graphql} (or the bind host's): the {@link AppSyncGateway}, which verifies
     * SigV4 and the IAM grant before the simulator runs the request.
     */
    public URI graphQlUrl() {
        return gateway.graphQlUrl();
    }

    /** The AppSync endpoint's fault switch: freeze (a brown-out), throttle, thaw. */
    @Override
    public AppSyncFaults appSyncFaults() {
        return gateway.faults();
    }

    /** The simulator behind the gateway (tests put another gateway in front of it). */
    SimulatorProcess simulator() {
        return simulator;
    }

    /** The stack's one credentials authority: it issues the function's credentials; the gateway checks them. */
    public CredentialsAuthority credentialsAuthority() {
        return credentialsAuthority;
    }

    /**
     * The simulator's port (its real-time endpoint; its own HTTP endpoint is only the gateway's upstream): the one
     * after the GraphQL port, or any when that is 0.
     */
    private static int simulatorPort(int graphQlPort) {
        return graphQlPort == 0 || graphQlPort == MAX_PORT ? 0 : graphQlPort + 1;
    }

    /** The real-time endpoint, {@code ws://127.0.0.1:<port>/graphql/realtime}. */
    public URI realtimeUrl() {
        return simulator.realtimeUrl();
    }

    /** The API key websites read and subscribe with: the current one, the last of {@link #apiKeys()}. */
    public String apiKey() {
        return apiKeys.getLast();
    }

    /** Every API key the API accepts now; more than one while websites move to a new key. */
    public List<String> apiKeys() {
        return apiKeys;
    }

    /** {@code http://127.0.0.1:<port>} (or the bind host's), for {@code aws lambda invoke --endpoint-url}. */
    public URI invokeEndpoint() {
        return invoke.endpoint();
    }

    /** The invocation URL of the function's alias ({@value #FUNCTION_ALIAS}), which the connector role may invoke. */
    public URI invokeUrl() {
        return invoke.invocationUrl();
    }

    /** The alias's ARN: what the connector is configured with ({@code aws.lambda.function.name}). */
    public String functionAliasArn() {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + functionName() + ":" + FUNCTION_ALIAS;
    }

    /**
     * Credentials of the connector's role, renewed before they expire: allowed {@code lambda:InvokeFunction} and
     * {@code lambda:GetFunction} on the alias, nothing else (ConnectorGrant).
     */
    public AwsCredentialsProvider connectorCredentials() {
        return connectorCredentials;
    }

    /** Invokes the alias as the connector does: signed with the connector role's credentials. */
    public LambdaInvoker invoker(Duration timeout) {
        return new LambdaInvoker(invokeUrl(), connectorCredentials, REGION, timeout);
    }

    /** The live product page, {@code http://127.0.0.1:<port>/}, configured for this stack. */
    public URI livePageUrl() {
        return page.url();
    }

    /** The function name the Invoke API answers to. */
    public String functionName() {
        return invoke.functionName();
    }

    /** DynamoDB Local's endpoint. */
    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    /** The tables, as api.json declares them (local table name = data source name). */
    public ApiManifest manifest() {
        return manifest;
    }


    /** How the function runs. */
    public LambdaMode lambdaMode() {
        return options.lambdaMode();
    }

    /** How many times the function fetched container credentials (SnapStart mode; 0 in plain mode). */
    public int containerCredentialFetches() {
        ContainerCredentialsEndpoint endpoint = function.current().credentialsEndpoint();
        return endpoint == null ? 0 : endpoint.fetches();
    }

    /** The function's current deployment (tests: its lifecycle, its JVM). */
    LambdaFunction function() {
        return function.current();
    }

    /** The API definition deployed ({@link LocalStackOptions#apiDir()}, then the last {@link #deployApi}). */
    @Override
    public Path apiDir() {
        return options.apiDir();
    }

    /** The function's mapping file ({@code MAPPING_PATH}); empty when it runs the packaged one. */
    @Override
    public Optional<Path> mappingFile() {
        return options.mapping();
    }

    /** The mapping the handler runs with (what subscribers should expect to receive). */
    public Mappings mappings() {
        return mappings;
    }

    /** Whether something is still running (false once {@link #close()} ran). */
    public boolean isRunning() {
        return started.isRunning();
    }

    /** Stops the handler, the simulator (and its descendants) and DynamoDB Local; never throws. */
    @Override
    public void close() {
        started.close();
    }
}
