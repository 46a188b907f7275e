package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The local stack's AppSync GraphQL endpoint: it authenticates and authorizes each request as AppSync does, then
 * hands it to the simulator's HTTP endpoint, which runs it. The simulator alone accepts any
 * {@code AWS4-HMAC-SHA256} header; here
 * <ul>
 *   <li>IAM: the signature is verified ({@link SigV4Verifier}) against the credentials the stack issued (or the one
 *       {@link TrustedExternalKey}, as the function's role, when the stack was told to trust it), then the
 *       function role's IAM policy is enforced per top-level field ({@link IamFieldPolicy});</li>
 *   <li>API key ({@code x-api-key}): forwarded; the simulator checks the key and refuses it on {@code @aws_iam}-only
 *       fields, as AppSync does;</li>
 *   <li>no usable authorization: 401 {@code UnauthorizedException} "Valid authorization header not provided.";</li>
 *   <li>{@code OPTIONS} (a browser's CORS preflight) is forwarded: AppSync answers it without credentials.</li>
 * </ul>
 * The real-time endpoint stays the simulator's (WebSocket; API key there).
 */
public final class AppSyncGateway implements AutoCloseable {

    /**
     * What the gateway needs.
     *
     * @param port a free port, or 0 for any
     * @param upstream the simulator's GraphQL endpoint, {@code http://127.0.0.1:<port>/graphql}
     * @param authority the stack's credentials authority (who may sign)
     * @param region the API's region (what they must sign for)
     * @param grantedMutations the function role's grant, {@code ApiManifest.mutationFields()}
     * @param upstreamToken the token the simulator wants from its gateway ({@link SimulatorProcess#gatewayToken()})
     * @param bindAddress where to listen ({@link BindHost}; 127.0.0.1 by default)
     * @param trustedKey an external key also accepted as the function's role; null for none (the default)
     */
    public record Settings(int port, URI upstream, CredentialsAuthority authority, String region,
                           List<String> grantedMutations, String upstreamToken, InetAddress bindAddress,
                           TrustedExternalKey trustedKey) {

        /** Rejects missing parts; copies the grant. */
        public Settings {
            Objects.requireNonNull(upstream, "upstream");
            Objects.requireNonNull(authority, "authority");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(upstreamToken, "upstreamToken");
            Objects.requireNonNull(bindAddress, "bindAddress");
            grantedMutations = List.copyOf(grantedMutations);
        }
    }

    static final String PATH = "/graphql";
    private static final String JSON = "application/json;charset=UTF-8";
    private static final Pattern INTROSPECTION = Pattern.compile("\\b__(schema|type)\\b");
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(30);
    /** Hop-by-hop headers and those the JDK's client sets itself: never copied across. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "date", "x-local-stack-gateway");
    /** Tells the simulator the request came through here (simulator.js, requireGateway). */
    static final String GATEWAY_HEADER = "x-local-stack-gateway";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Settings settings;
    private final SigV4Verifier verifier;
    /** Replaced when a new API definition is deployed (its mutations are the function role's new grant). */
    private volatile IamFieldPolicy policy;
    private final ObjectMapper mapper;
    private final AppSyncFaults faults = new AppSyncFaults();
    /** The AppSync policy of every role but the function's: nothing granted. */
    private static final IamFieldPolicy NO_GRANT = new IamFieldPolicy(List.of());

    private AppSyncGateway(HttpServer server, Settings settings, ObjectMapper mapper) {
        this.server = server;
        this.settings = settings;
        this.verifier = new SigV4Verifier(settings.authority(), settings.region(), SigV4Verifier.SERVICE,
                settings.trustedKey());
        this.policy = new IamFieldPolicy(settings.grantedMutations());
        this.mapper = mapper;
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
    }

    /**
     * Starts the gateway on {@link Settings#bindAddress()}.
     *
     * @throws UncheckedIOException naming the port when it cannot bind
     */
    public static AppSyncGateway start(Settings settings, ObjectMapper mapper) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 0);
            AppSyncGateway gateway = new AppSyncGateway(server, settings, mapper);
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the AppSync endpoint on " + settings.bindAddress()
                    .getHostAddress() + ":" + settings.port() + ": " + e.getMessage() + ". Fix: free the port or "
                    + "choose another with --graphql-port (0 picks one), or another --bind-host.", e);
        }
    }

    /**
     * The function role's grant after a deployment of a new API definition, as CDK's {@code grantMutation} for the
     * new manifest would leave it: from the next request on, exactly these {@code Mutation} fields.
     */
    void grant(List<String> grantedMutations) {
        this.policy = new IamFieldPolicy(List.copyOf(grantedMutations));
    }

    /** The faults this endpoint plays on demand (freeze, throttle). */
    public AppSyncFaults faults() {
        return faults;
    }

    /** {@code http://<bind host>:<port>/graphql} (127.0.0.1 when bound to all): the URL the stack hands out. */
    public URI graphQlUrl() {
        return URI.create("http://" + BindHost.urlHost(settings.bindAddress()) + ":" + server.getAddress().getPort()
                + PATH);
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!exchange.getRequestURI().getRawPath().equals(PATH)) {
                refuse(exchange, new AppSyncRefusal(404, "NotFoundException", "No route for "
                        + exchange.getRequestURI().getRawPath() + "; the GraphQL endpoint is " + PATH));
                return;
            }
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                forward(exchange, body);
                return;
            }
            Optional<AppSyncRefusal> fault = faults.play();
            if (fault.isPresent()) {
                refuse(exchange, fault.get());
                return;
            }
            Optional<byte[]> fieldRefusal = Optional.empty();
            Optional<AppSyncRefusal> refusal;
            CredentialsAuthority.Role signer = null;
            try {
                signer = authenticate(exchange, body);
                refusal = Optional.empty();
            } catch (SigV4Verifier.Refused e) {
                refusal = Optional.of(e.refusal());
            }
            if (refusal.isEmpty() && signer != null) {
                try {
                    fieldRefusal = authorizeFields(body, signer);
                } catch (SigV4Verifier.Refused e) {
                    refusal = Optional.of(e.refusal());
                }
            }
            if (refusal.isPresent()) {
                refuse(exchange, refusal.get());
            } else if (fieldRefusal.isEmpty() && INTROSPECTION.matcher(new String(body, StandardCharsets.UTF_8))
                    .find()) {
                send(exchange, 200, Map.of("Content-Type", List.of(JSON)), introspectionRefusal());
            } else if (fieldRefusal.isPresent()) {
                send(exchange, 200, Map.of("Content-Type", List.of(JSON)), fieldRefusal.get());
            } else {
                forward(exchange, body);
            }
        }
    }

    /**
     * The deployed API has introspection off (infra-cdk's default, {@code graphqlIntrospection=false}): AppSync then
     * refuses queries that ask for {@code __schema} or {@code __type} ({@code __typename} stays allowed), in every
     * auth mode (AppSync developer guide, "Configuring GraphQL run complexity, query depth, and introspection"). The
     * simulator would answer them, so the gateway refuses them as the deployed API does. The error's exact text is
     * not documented: this one names the setting.
     */
    private byte[] introspectionRefusal() {
        ObjectNode answer = mapper.createObjectNode().putNull("data");
        answer.putArray("errors").addObject().put("errorType", "ValidationError").put("message",
                "GraphQL introspection is disabled on this API (infra-cdk context graphqlIntrospection=false, the "
                        + "default)");
        return answer.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isIam(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith(SigV4Verifier.ALGORITHM);
    }

    /**
     * @return the role that signed an IAM request, null for an API-key request
     * @throws SigV4Verifier.Refused when neither authenticates
     */
    private CredentialsAuthority.Role authenticate(HttpExchange exchange, byte[] body) {
        if (isIam(exchange)) {
            String query = exchange.getRequestURI().getRawQuery();
            URI uri = URI.create("http://" + exchange.getRequestHeaders().getFirst("Host")
                    + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
            return verifier.authenticate(new SigV4Verifier.Request(exchange.getRequestMethod(), uri,
                    SigV4Verifier.lowerCaseNames(exchange.getRequestHeaders()), body)).role();
        }
        if (exchange.getRequestHeaders().containsKey("x-api-key")) {
            return null;
        }
        throw new SigV4Verifier.Refused(AppSyncRefusal.unauthorized("Valid authorization header not provided."));
    }

    /**
     * The signer's IAM policy, per top-level field; empty when every field is granted. Only the function's role is
     * granted fields (CDK's {@code grantMutation}); any other role the stack issued credentials to, the connector's,
     * has no AppSync grant at all, so every field is refused, as IAM refuses a principal without
     * {@code appsync:GraphQL} on the field.
     */
    private Optional<byte[]> authorizeFields(byte[] body, CredentialsAuthority.Role signer) {
        if (body.length == 0) {
            throw new SigV4Verifier.Refused(AppSyncRefusal.malformed("Request body is empty."));
        }
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (IOException e) {
            throw new SigV4Verifier.Refused(AppSyncRefusal.malformed("Unable to parse GraphQL query."));
        }
        if (request == null || !request.path("query").isTextual()) {
            throw new SigV4Verifier.Refused(AppSyncRefusal.malformed("Unable to parse GraphQL query."));
        }
        IamFieldPolicy policy = signer == CredentialsAuthority.Role.FUNCTION ? this.policy : NO_GRANT;
        List<IamFieldPolicy.TopField> fields;
        try {
            fields = policy.topFields(request.get("query").asText(),
                    request.path("operationName").isTextual() ? request.get("operationName").asText() : null);
        } catch (IllegalArgumentException e) {
            throw new SigV4Verifier.Refused(AppSyncRefusal.malformed(e.getMessage()));
        }
        List<IamFieldPolicy.TopField> refused = policy.refused(fields);
        return refused.isEmpty() ? Optional.empty() : Optional.of(policy.refusalBody(fields, refused, mapper));
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        URI target = settings.upstream().resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(UPSTREAM_TIMEOUT)
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        request.setHeader(GATEWAY_HEADER, settings.upstreamToken());
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            refuse(exchange, new AppSyncRefusal(502, "InternalFailure", "the AppSync simulator did not answer: " + e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse(exchange, new AppSyncRefusal(503, "InternalFailure", "the local stack is stopping"));
            return;
        }
        send(exchange, response.statusCode(), response.headers().map(), response.body());
    }

    private void refuse(HttpExchange exchange, AppSyncRefusal refusal) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", refusal.errorType());
        if (exchange.getRequestHeaders().containsKey("Origin")) {
            // As the simulator (and AppSync) answer every origin: a page can then read why it was refused.
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().set("Access-Control-Expose-Headers", "x-amzn-ErrorType,x-amzn-RequestId");
        }
        send(exchange, refusal.status(), Map.of("Content-Type", List.of(JSON)), refusal.body(mapper));
    }

    private static void send(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        boolean noBody = body.length == 0 || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops serving; requests in flight finish first (a frozen one is let go). */
    @Override
    public void close() {
        faults.thaw();
        server.stop(0);
        executor.close();
        client.close();
    }

    @Override
    public String toString() {
        return "AppSyncGateway[" + graphQlUrl() + " -> " + settings.upstream() + "]";
    }
}
