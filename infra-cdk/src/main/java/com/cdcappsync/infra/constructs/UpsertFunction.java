package com.cdcappsync.infra.constructs;

import com.cdcappsync.apimanifest.ConnectorGrant;
import com.cdcappsync.upsert.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.appsync.GraphqlApi;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The upsert Lambda: Java 21 on arm64, SnapStart on published versions, and the {@link #ALIAS_NAME} alias
 * ({@code live}) that the connector invokes (pointing at the version published with this deploy). Its role may
 * write its own log group, call the API's own mutations and nothing else, and send to the on-failure queue that
 * receives the asynchronous invocations Lambda gave up on.
 */
public final class UpsertFunction extends Construct {

    /** The handler, as {@code lambda-upsert} declares it. */
    public static final String HANDLER = "com.cdcappsync.upsert.UpsertHandler::handleRequest";
    /** The alias the connector invokes: the one its grant names ({@link ConnectorGrant#CONNECTOR}). */
    public static final String ALIAS_NAME = ConnectorGrant.CONNECTOR.alias();
    /** Lambda's retries of a failed asynchronous invocation before it goes to the on-failure queue. */
    public static final int ASYNC_RETRY_ATTEMPTS = 2;
    /** How long an asynchronous invocation may wait (throttled) before it goes to the on-failure queue. */
    public static final Duration ASYNC_MAX_EVENT_AGE = Duration.ofHours(6);

    /**
     * @param functionName the function's name
     * @param codeAsset the deployment package: the shaded {@code lambda-upsert.jar} (tests pass a small zip)
     * @param memorySizeMb memory, and with it CPU
     * @param timeout the function's timeout
     * @param logRetention retention of its log group
     * @param api the API it writes through; its URL goes to {@code APPSYNC_GRAPHQL_URL}
     * @param mutationFields the {@code Mutation} fields it may call, one IAM resource each
     * @param environment more handler settings; {@code APPSYNC_GRAPHQL_URL} and {@code APPSYNC_AUTH} are set here
     */
    public record Props(String functionName, Path codeAsset, int memorySizeMb, Duration timeout,
                        RetentionDays logRetention, GraphqlApi api, List<String> mutationFields,
                        Map<String, String> environment) {
        public Props {
            mutationFields = List.copyOf(mutationFields);
            environment = Map.copyOf(environment);
            if (mutationFields.isEmpty()) {
                throw new IllegalArgumentException("No Mutation field to grant: api.json must list the "
                        + "Mutation resolvers the Lambda calls");
            }
        }
    }

    private final Function function;
    private final Alias alias;
    private final Queue onFailureQueue;

    public UpsertFunction(Construct scope, String id, Props props) {
        super(scope, id);
        LogGroup logGroup = LogGroup.Builder.create(this, "LogGroup")
                .logGroupName("/aws/lambda/" + props.functionName())
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("The upsert Lambda: its log group, its own mutations, its on-failure queue.")
                .build();
        logGroup.grantWrite(role);

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(Settings.APPSYNC_GRAPHQL_URL.key(), props.api().getGraphqlUrl());
        environment.put(Settings.APPSYNC_AUTH.key(), "iam");
        environment.putAll(props.environment());
        function = Function.Builder.create(this, "Function")
                .functionName(props.functionName())
                .description("Debezium change events to versioned AppSync mutations (cdc-appsync lambda-upsert).")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(HANDLER)
                .code(Code.fromAsset(props.codeAsset().toString()))
                .memorySize(props.memorySizeMb())
                .timeout(software.amazon.awscdk.Duration.seconds(props.timeout().toSeconds()))
                .role(role)
                .logGroup(logGroup)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(environment)
                .build();
        props.api().grantMutation(function, props.mutationFields().toArray(String[]::new));

        onFailureQueue = Queue.Builder.create(this, "OnFailureQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(software.amazon.awscdk.Duration.days(14))
                .build();
        alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS_NAME)
                .description("What the connector invokes: the version published by the last deploy (SnapStart).")
                .version(function.getCurrentVersion())
                .onFailure(new SqsDestination(onFailureQueue))
                .retryAttempts(ASYNC_RETRY_ATTEMPTS)
                .maxEventAge(software.amazon.awscdk.Duration.seconds(ASYNC_MAX_EVENT_AGE.toSeconds()))
                .build();
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "The live alias points at currentVersion, a published version, which is what SnapStart snapshots.");
        suppressNagFindings();
    }

    /** cdk-nag AwsSolutions findings that do not apply here, each with its reason, on its one resource. */
    private void suppressNagFindings() {
        suppress(function, "AwsSolutions-L1", "Java 21 is the runtime this project targets: lambda-upsert is "
                + "compiled with --release 21 and the issue pins java21, a supported Lambda runtime. A newer Java "
                + "runtime is a deliberate upgrade that needs the handler re-tested under SnapStart, not a lint fix.");
        suppress(onFailureQueue, "AwsSolutions-SQS3", "This queue is itself the dead-letter store: Lambda's "
                + "on-failure destination for asynchronous invocations that failed after retries. Nothing consumes "
                + "it automatically; an operator inspects and redrives its messages, so a second DLQ would never "
                + "be used.");
    }

    private static void suppress(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(construct.getNode().getDefaultChild(),
                List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), false);
    }

    /** @return the function */
    public Function function() {
        return function;
    }

    /** @return the alias the connector invokes */
    public Alias alias() {
        return alias;
    }

    /** @return the queue receiving asynchronous invocations that failed after Lambda's retries */
    public Queue onFailureQueue() {
        return onFailureQueue;
    }
}
