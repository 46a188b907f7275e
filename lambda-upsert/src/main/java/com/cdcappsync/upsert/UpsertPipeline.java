package com.cdcappsync.upsert;

import com.cdcappsync.upsert.adapter.InputKind;
import com.cdcappsync.upsert.appsync.AppSyncAuth;
import com.cdcappsync.upsert.appsync.AppSyncClient;
import com.cdcappsync.upsert.appsync.Deadline;
import com.cdcappsync.upsert.appsync.GraphQlRequest;
import com.cdcappsync.upsert.config.AuthMode;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.config.VersionFallback;
import com.cdcappsync.upsert.internal.BatchProcessor;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.internal.decode.DebeziumDecoder;
import com.cdcappsync.upsert.internal.decode.DecoderOptions;
import com.cdcappsync.upsert.internal.mapping.ChangeMapper;
import com.cdcappsync.upsert.internal.publish.AppSyncSender;
import com.cdcappsync.upsert.internal.publish.Publisher;
import com.cdcappsync.upsert.internal.publish.PublisherOptions;
import com.cdcappsync.upsert.internal.response.ResponseWriter;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.cdcappsync.upsert.mapping.Mappings;
import com.cdcappsync.upsert.publish.MutationSender;
import com.cdcappsync.upsert.publish.SendResult;
import com.cdcappsync.upsert.response.BatchReport;
import com.cdcappsync.upsert.response.RecordOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The whole handler, built once (in the Lambda constructor) and used for every invocation: the single entry
 * point of the library. {@link #handle} turns an invocation into its answer, logs one line per batch, and
 * throws {@link BatchFailedException} when the caller must retry.
 */
public final class UpsertPipeline implements AutoCloseable {

    /** A few real Debezium events of every shape, bundled for {@link #prime()}. */
    static final String PRIMING_RESOURCE = "/priming/invocation.json";

    private final BatchProcessor processor;
    private final Publisher publisher;
    private final AppSyncClient client;
    private final ResponseWriter responses;
    private final BatchReport report;
    private final Consumer<String> log;
    private final Clock clock;
    private final boolean failOnRejected;
    private final Duration deadlineReserve;
    private final LongSupplier nanoClock;

    private UpsertPipeline(Builder b, Mappings mappings, ObjectMapper mapper) {
        HandlerConfig config = b.config;
        this.client = b.sender == null ? appSyncClient(config, b.credentials) : null;
        MutationSender sender = b.sender != null ? b.sender : new AppSyncSender(client);
        this.publisher = new Publisher(sender, new PublisherOptions(config.concurrency(), config.coalesce()));
        DecoderOptions decoderOptions = new DecoderOptions(config.toastPlaceholder(),
                config.versionFallback() == VersionFallback.KAFKA_OFFSET);
        this.processor = new BatchProcessor(new DebeziumDecoder(decoderOptions),
                new ChangeMapper(mappings, mapper, config.websites()), publisher, b.clock);
        this.responses = new ResponseWriter(mapper);
        this.report = new BatchReport(config.metricsNamespace(), b.functionName);
        this.log = b.log;
        this.clock = b.clock;
        this.failOnRejected = config.failOnRejected();
        this.deadlineReserve = config.deadlineReserve();
        this.nanoClock = b.nanoClock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Processes one invocation and returns the answer for its caller.
     *
     * @throws BatchFailedException when a record failed (or was rejected with {@code FAIL_ON_REJECTED}) and either
     *                              the caller is the Confluent connector, which retries the whole batch on an
     *                              error, or the record cannot be named in {@code batchItemFailures}
     * @throws com.cdcappsync.upsert.adapter.InputShapeException when the invocation's shape is unknown
     */
    public JsonNode handle(JsonNode invocation) {
        return handle(invocation, Deadline.NONE);
    }

    /**
     * Like {@link #handle(JsonNode)}, within {@code deadline} (see {@link #deadline}): records not completed by
     * then fail, naming the function time budget, and the answer is written before Lambda's timeout.
     */
    public JsonNode handle(JsonNode invocation, Deadline deadline) {
        BatchResult result = process(invocation, deadline);
        List<RecordOutcome> mustRetry = result.mustRetry(failOnRejected);
        boolean unnamed = mustRetry.stream()
                .anyMatch(o -> responses.itemIdentifier(result.kind(), o.location()).isEmpty());
        if (!mustRetry.isEmpty() && (result.kind() == InputKind.CONFLUENT_SINK || unnamed)) {
            throw new BatchFailedException(mustRetry, responses);
        }
        return responses.write(result.kind(), result.invocation().items(), result.outcomes(), failOnRejected);
    }

    /** Like {@link #handle} but also returns the per-record outcomes (for the CLI and tests); no deadline. */
    public BatchResult process(JsonNode invocation) {
        return process(invocation, Deadline.NONE);
    }

    /** Like {@link #handle(JsonNode, Deadline)} but also returns the per-record outcomes. */
    public BatchResult process(JsonNode invocation, Deadline deadline) {
        BatchResult result = processor.process(invocation, deadline);
        log.accept(report.line(Json.MAPPER, result.kind(), result.outcomes(), result.elapsed(), result.maxLagMs(),
                clock.millis()));
        String budget = report.budgetLine(Json.MAPPER, result.kind(), result.outcomes(), deadline);
        if (budget != null) {
            log.accept(budget);
        }
        return result;
    }

    /**
     * The deadline of an invocation with {@code remaining} time left (the Lambda context's
     * {@code getRemainingTimeInMillis()}): that minus {@link HandlerConfig#deadlineReserve()}, from now.
     */
    public Deadline deadline(Duration remaining) {
        return Deadline.forInvocation(remaining, deadlineReserve, nanoClock);
    }

    /**
     * Warms every path of an invocation without sending anything, for a SnapStart checkpoint: a small
     * bundled batch of real Debezium events (envelope with and without schema, string-encoded, flattened
     * delete) goes through adapter, decoder, mapping, response and report with a sender that only keeps the
     * mutations, and the AppSync client serialises and signs the first of them with made-up credentials (real
     * ones are never resolved before a snapshot). Never throws a {@link RuntimeException}.
     *
     * @return what was warmed, for one log line
     */
    public String prime() {
        List<MappedChange> kept = new CopyOnWriteArrayList<>();
        try (InputStream in = UpsertPipeline.class.getResourceAsStream(PRIMING_RESOURCE);
             Publisher keepOnly = new Publisher(c -> {
                 kept.add(c);
                 return new SendResult.Applied(null);
             }, new PublisherOptions(1, true))) {
            JsonNode invocation = Json.MAPPER.readTree(in);
            BatchResult result = processor.withPublisher(keepOnly).process(invocation);
            responses.write(result.kind(), result.invocation().items(), result.outcomes(), failOnRejected);
            report.line(Json.MAPPER, result.kind(), result.outcomes(), result.elapsed(), result.maxLagMs(),
                    clock.millis());
            String signing = client == null || kept.isEmpty() ? "no client to prime"
                    : client.prime(new GraphQlRequest(kept.getFirst().query(), kept.getFirst().variables()));
            return "primed: " + result.outcomes().size() + " records, " + kept.size() + " mutations; signing: "
                    + (signing == null ? "ok" : signing);
        } catch (IOException | RuntimeException e) {
            return "priming failed (the first invocation will warm up instead): " + e;
        }
    }

    /**
     * After a SnapStart restore: drops what must not be shared by restored environments (the credentials the
     * SDK's default chain may have cached; see {@link AppSyncClient#afterRestore()}).
     */
    public void afterRestore() {
        if (client != null) {
            client.afterRestore();
        }
    }

    /** Writes one line to the injected log (priming reports, for instance). */
    void log(String line) {
        log.accept(line);
    }

    private static AppSyncClient appSyncClient(HandlerConfig config, AwsCredentialsProvider credentials) {
        AppSyncAuth auth = config.authMode() == AuthMode.API_KEY ? AppSyncAuth.apiKey(config.apiKey())
                : credentials == null ? AppSyncAuth.iam(config.region())
                : AppSyncAuth.iam(config.region(), credentials);
        return AppSyncClient.builder().endpoint(config.endpoint()).auth(auth)
                .connectTimeout(config.connectTimeout()).requestTimeout(config.requestTimeout())
                .maxAttempts(config.maxAttempts()).baseBackoff(config.baseDelay()).maxBackoff(config.maxDelay())
                .build();
    }

    @Override
    public void close() {
        publisher.close();
        if (client != null) {
            client.close();
        }
    }

    /** Builds a pipeline; {@link #config} is required, the rest has defaults. */
    public static final class Builder {
        private HandlerConfig config;
        private MutationSender sender;
        private Clock clock = Clock.systemUTC();
        private Consumer<String> log = System.out::println;
        private String functionName = "local";
        private Mappings mappings;
        private AwsCredentialsProvider credentials;
        private LongSupplier nanoClock = System::nanoTime;

        private Builder() {
        }

        /** The monotonic clock deadlines are measured on; default {@link System#nanoTime()} (tests pass a fake). */
        public Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
            return this;
        }

        /** The settings (see {@link HandlerConfig#fromEnvironment}). Required. */
        public Builder config(HandlerConfig config) {
            this.config = config;
            return this;
        }

        /** Sends mutations some other way than the AppSync client built from the config (dry runs, tests). */
        public Builder sender(MutationSender sender) {
            this.sender = sender;
            return this;
        }

        /** The mapping to use instead of the one the config names. */
        public Builder mappings(Mappings mappings) {
            this.mappings = mappings;
            return this;
        }

        /**
         * Where IAM auth ({@code APPSYNC_AUTH=iam}) gets the credentials it signs with; default the AWS SDK's
         * default credentials chain ({@link AppSyncAuth#iam(String)}: key variables, SnapStart's container
         * credentials, profiles), made again after a SnapStart restore. Pass
         * {@code StaticCredentialsProvider.create(...)} for fixed keys. Ignored with an API key or a
         * {@link #sender}.
         */
        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Where the per-batch log line goes; default standard output (CloudWatch Logs in Lambda). */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** The clock for lag and metrics timestamps; default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The metrics' FunctionName dimension; default {@code local}. */
        public Builder functionName(String functionName) {
            this.functionName = Objects.requireNonNull(functionName, "functionName");
            return this;
        }

        /** Loads the mapping, builds the client, and checks that the pieces fit. */
        public UpsertPipeline build() {
            if (config == null) {
                throw new IllegalStateException("UpsertPipeline.builder().config(...) is required; read it with "
                        + "HandlerConfig.fromEnvironment(System::getenv, true)");
            }
            if (sender == null && config.endpoint() == null) {
                throw new IllegalStateException("no AppSync endpoint: set APPSYNC_GRAPHQL_URL, or pass a sender "
                        + "(dry run)");
            }
            MappingLoader loader = new MappingLoader();
            Mappings loaded = mappings != null ? mappings
                    : config.mappingPath() == null ? loader.loadDefault() : loader.load(config.mappingPath());
            return new UpsertPipeline(this, loaded, Json.MAPPER);
        }
    }
}
