package com.cdcappsync.infra;

import com.cdcappsync.apimanifest.ApiManifest;
import com.cdcappsync.apimanifest.TableSpec;
import com.cdcappsync.infra.config.InfraConfigException;
import com.cdcappsync.infra.config.StackConfig;
import com.cdcappsync.infra.constructs.ApiFirewall;
import com.cdcappsync.infra.constructs.ConnectorAccess;
import com.cdcappsync.infra.constructs.DataTables;
import com.cdcappsync.infra.constructs.OperationalAlarms;
import com.cdcappsync.infra.constructs.SyncApi;
import com.cdcappsync.infra.constructs.UpsertFunction;
import com.cdcappsync.infra.schema.GraphqlSources;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Everything one {@code cdk deploy} provisions: the tables, the AppSync API built from {@code graphql-schema/},
 * the upsert Lambda with its alias and on-failure queue, the connector's role, the alarms, and the outputs the
 * connector configuration is rendered from. Environment-agnostic: account and region come from the deploying
 * credentials, so nothing is looked up at synthesis.
 */
public final class CdcAppSyncStack extends Stack {

    /** The output keys, exactly as {@code cdk deploy --outputs-file} writes them. */
    public static final List<String> OUTPUT_KEYS = List.of("GraphQlUrl", "RealtimeUrl", "ApiId", "ApiKeyId",
            "ApiKeyIds", "FunctionAliasArn", "ConnectorPrincipalArn", "Region", "OnFailureQueueUrl");

    /**
     * @param config the settings read from context
     * @param sources the {@code graphql-schema/} folder
     * @param lambdaCode the function's deployment package (the shaded jar)
     */
    public record Props(StackConfig config, GraphqlSources sources, Path lambdaCode) {
    }

    private final SyncApi api;
    private final UpsertFunction upsert;
    private final ConnectorAccess connector;

    /**
     * @param scope the app
     * @param props what to build
     * @throws InfraConfigException when context names a table type {@code api.json} does not declare
     */
    public CdcAppSyncStack(Construct scope, Props props) {
        super(scope, props.config().stackName(), StackProps.builder()
                .stackName(props.config().stackName())
                .description("cdc-appsync (" + props.config().stage() + "): Debezium changes pushed live to "
                        + "websites through AppSync, DynamoDB and the upsert Lambda")
                .build());
        StackConfig config = props.config();
        ApiManifest manifest = props.sources().manifest();

        DataTables tables = new DataTables(this, "Tables",
                new DataTables.Props(manifest.tables(), tableNames(config, manifest), config.retainData()));
        api = new SyncApi(this, "Sync", new SyncApi.Props(config.resourcePrefix(), props.sources(),
                tables.byDataSource(), config.apiKeyExpiry(), config.websiteApiKeys(), config.fieldLogLevel(),
                config.logRetention(), config.apiProtection().introspection()));
        config.apiProtection().wafRateLimit().ifPresent(limit -> new ApiFirewall(this, "Firewall",
                new ApiFirewall.Props(config.resourcePrefix() + "-api", api.api().getArn(), limit)));
        upsert = new UpsertFunction(this, "Upsert", new UpsertFunction.Props(config.resourcePrefix() + "-upsert",
                props.lambdaCode(), config.memorySizeMb(), config.timeout(), config.logRetention(), api.api(),
                manifest.mutationFields(), handlerEnvironment(config)));
        connector = new ConnectorAccess(this, "Connector", new ConnectorAccess.Props(upsert.alias(),
                config.connectorTrustedPrincipalArn(), config.connectorExternalId()));
        new OperationalAlarms(this, "Alarms", new OperationalAlarms.Props(config.resourcePrefix(),
                upsert.function(), upsert.onFailureQueue(), config.alarmTopicArn(), config.metricsNamespace()));
        addOutputs();
    }

    private void addOutputs() {
        output("GraphQlUrl", api.api().getGraphqlUrl(),
                "GraphQL endpoint: the Lambda's APPSYNC_GRAPHQL_URL, and what websites query.");
        output("RealtimeUrl", api.realtimeUrl(), "Real-time endpoint websites subscribe on (graphql-ws).");
        output("ApiId", api.api().getApiId(), "AppSync API id.");
        output("ApiKeyId", api.apiKey().getAttrApiKeyId(),
                "Website API key (x-api-key): public by design, read and subscribe only; mutations need IAM.");
        output("ApiKeyIds", Fn.join(",", api.apiKeys().entrySet().stream()
                        .map(key -> key.getKey() + "=" + key.getValue().getAttrApiKeyId()).toList()),
                "Every website API key as name=key, the current (ApiKeyId) last: more than one while websites move "
                        + "to a new key.");
        output("FunctionAliasArn", upsert.alias().getFunctionArn(),
                "What the connector invokes: aws.lambda.function.name (the live alias, SnapStart).");
        output("ConnectorPrincipalArn", connector.role().getRoleArn(),
                "IAM role the connector assumes: InvokeFunction and GetFunction on the alias only.");
        output("Region", getRegion(), "Region of the stack: aws.lambda.region.");
        output("OnFailureQueueUrl", upsert.onFailureQueue().getQueueUrl(),
                "SQS queue receiving asynchronous invocations that failed after Lambda's retries.");
    }

    private void output(String key, String value, String description) {
        CfnOutput.Builder.create(this, key).value(value).description(description).build();
    }

    private static Map<String, String> tableNames(StackConfig config, ApiManifest manifest) {
        List<String> types = manifest.tables().stream().map(TableSpec::type).toList();
        List<String> unknown = config.tableNames().keySet().stream().filter(t -> !types.contains(t)).sorted()
                .map(t -> "context tableName." + t + " names no api.json type (types: " + String.join(", ", types)
                        + "); fix the type or remove the key")
                .toList();
        if (!unknown.isEmpty()) {
            throw new InfraConfigException("Invalid CDK context", unknown);
        }
        Map<String, String> names = new LinkedHashMap<>();
        types.forEach(type -> names.put(type, config.tableName(type)));
        return names;
    }

    private static Map<String, String> handlerEnvironment(StackConfig config) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (!config.javaToolOptions().isBlank()) {
            environment.put("JAVA_TOOL_OPTIONS", config.javaToolOptions());
        }
        environment.putAll(config.handlerEnvironment());
        return environment;
    }
}
