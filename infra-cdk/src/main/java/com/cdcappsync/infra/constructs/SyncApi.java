package com.cdcappsync.infra.constructs;

import com.cdcappsync.apimanifest.FunctionSpec;
import com.cdcappsync.apimanifest.ResolverSpec;
import com.cdcappsync.apimanifest.TableSpec;
import com.cdcappsync.infra.config.ApiKeyExpiry;
import com.cdcappsync.infra.schema.GraphqlSources;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Expiration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.appsync.ApiKeyConfig;
import software.amazon.awscdk.services.appsync.AppsyncFunction;
import software.amazon.awscdk.services.appsync.AuthorizationConfig;
import software.amazon.awscdk.services.appsync.AuthorizationMode;
import software.amazon.awscdk.services.appsync.AuthorizationType;
import software.amazon.awscdk.services.appsync.BaseResolverProps;
import software.amazon.awscdk.services.appsync.CfnApiKey;
import software.amazon.awscdk.services.appsync.CfnGraphQLApi;
import software.amazon.awscdk.services.appsync.CfnGraphQLSchema;
import software.amazon.awscdk.services.appsync.Definition;
import software.amazon.awscdk.services.appsync.DynamoDbDataSource;
import software.amazon.awscdk.services.appsync.FieldLogLevel;
import software.amazon.awscdk.services.appsync.GraphqlApi;
import software.amazon.awscdk.services.appsync.IAppsyncFunction;
import software.amazon.awscdk.services.appsync.IntrospectionConfig;
import software.amazon.awscdk.services.appsync.MappingTemplate;
import software.amazon.awscdk.services.appsync.Resolver;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The AppSync GraphQL API, built from {@code graphql-schema/} as it is: the schema file, one DynamoDB data
 * source per {@code api.json} table, one AppSync function per {@code api.json} function, and one VTL resolver (unit,
 * or pipeline over those functions) per {@code api.json} resolver, the templates read from the files named there.
 * API key is the default authorization (websites read and subscribe), IAM the additional one (the Lambda writes).
 * Logs go to the API's log group, with a retention, through a role scoped to that group.
 */
public final class SyncApi extends Construct {

    /**
     * @param apiName the API's name
     * @param sources the schema folder
     * @param tablesByDataSource the table of each {@code api.json} data source
     * @param apiKeyExpiry how long after synthesis the website API keys expire (1-365 days)
     * @param apiKeyNames the website API keys' names, the current one last
     * @param fieldLogLevel AppSync's field log level
     * @param logRetention retention of the API's log group
     * @param introspection whether GraphQL introspection answers ({@code IntrospectionConfig})
     */
    public record Props(String apiName, GraphqlSources sources, Map<String, ITable> tablesByDataSource,
                        Duration apiKeyExpiry, List<String> apiKeyNames, FieldLogLevel fieldLogLevel,
                        RetentionDays logRetention, boolean introspection) {
        public Props {
            tablesByDataSource = Map.copyOf(tablesByDataSource);
            apiKeyNames = List.copyOf(apiKeyNames);
            if (apiKeyNames.isEmpty()) {
                throw new IllegalArgumentException("apiKeyNames: expected at least one website API key name");
            }
        }
    }

    private final GraphqlApi api;
    /** The key {@code GraphqlApi} creates from its API_KEY mode; its name keeps the logical id of earlier deploys. */
    private static final String BUILT_IN_KEY = "Website";
    private static final String KEY_DESCRIPTION =
            "Websites read and subscribe with this key; it cannot write (mutations are IAM only).";

    private final Map<String, CfnApiKey> apiKeys = new LinkedHashMap<>();
    private final Map<String, DynamoDbDataSource> dataSources = new LinkedHashMap<>();

    public SyncApi(Construct scope, String id, Props props) {
        super(scope, id);
        api = GraphqlApi.Builder.create(this, "Api")
                .name(props.apiName())
                .definition(Definition.fromFile(props.sources().schemaFile().toString()))
                .authorizationConfig(authorization(props.apiKeyExpiry()))
                .introspectionConfig(introspection(props.introspection()))
                .build();
        createApiKeys(props.apiKeyNames());
        configureLogging(props);
        for (TableSpec table : props.sources().manifest().tables()) {
            ITable dynamoTable = props.tablesByDataSource().get(table.dataSource());
            if (dynamoTable == null) {
                throw new IllegalArgumentException("No table for data source " + table.dataSource()
                        + "; pass one for every api.json table");
            }
            DynamoDbDataSource dataSource = DynamoDbDataSource.Builder.create(this, table.dataSource())
                    .api(api)
                    .name(table.dataSource())
                    .description("The " + table.type() + " table")
                    .table(dynamoTable)
                    .build();
            dataSources.put(table.dataSource(), dataSource);
            if (!table.indexes().isEmpty()) {
                allowIndexQueries(dataSource);
            }
        }
        Map<String, IAppsyncFunction> functions = new LinkedHashMap<>();
        for (FunctionSpec function : props.sources().manifest().functions()) {
            functions.put(function.name(), AppsyncFunction.Builder.create(this, "Function" + function.name())
                    .api(api)
                    .name(function.name())
                    .dataSource(dataSources.get(function.dataSource()))
                    .requestMappingTemplate(template(props, function.request()))
                    .responseMappingTemplate(template(props, function.response()))
                    .build());
        }
        for (ResolverSpec resolver : props.sources().manifest().resolvers()) {
            if (resolver.isPipeline()) {
                Resolver.Builder.create(this, resolver.qualifiedField())
                        .api(api)
                        .typeName(resolver.typeName())
                        .fieldName(resolver.fieldName())
                        .pipelineConfig(resolver.pipeline().stream().map(functions::get).toList())
                        .requestMappingTemplate(template(props, resolver.request()))
                        .responseMappingTemplate(template(props, resolver.response()))
                        .build();
                continue;
            }
            dataSources.get(resolver.dataSource()).createResolver(resolver.qualifiedField(), BaseResolverProps.builder()
                    .typeName(resolver.typeName())
                    .fieldName(resolver.fieldName())
                    .requestMappingTemplate(template(props, resolver.request()))
                    .responseMappingTemplate(template(props, resolver.response()))
                    .build());
        }
    }

    /**
     * A table with global secondary indexes is granted on {@code <table ARN>/index/*} too (CDK's grant): AppSync
     * Queries them (api.json {@code indexes}, e.g. the variants of a product), and DynamoDB names an index under its
     * table's ARN, so the wildcard covers this table's own indexes and nothing else. cdk-nag's IAM5 flags any
     * wildcard; this suppression applies to that one resource form only.
     */
    private static void allowIndexQueries(DynamoDbDataSource dataSource) {
        IConstruct policy = dataSource.getNode().findChild("ServiceRole").getNode().findChild("DefaultPolicy")
                .getNode().getDefaultChild();
        NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("AppSync queries this table's own global secondary indexes (graphql-schema/api.json "
                        + "\"indexes\"); DynamoDB addresses them as <table ARN>/index/<name>")
                .appliesTo(List.of(RegexAppliesTo.builder().regex("/^Resource::<Tables[A-Za-z0-9]+\\.Arn>\\/index"
                        + "\\/\\*$/g").build()))
                .build()), false);
    }

    private static MappingTemplate template(Props props, String relative) {
        return MappingTemplate.fromFile(props.sources().file(relative).toString());
    }

    /** @return the API */
    public GraphqlApi api() {
        return api;
    }

    /** @return the current website API key (the last name); its id is the value websites send as {@code x-api-key} */
    public CfnApiKey apiKey() {
        return apiKeys.values().stream().reduce((first, second) -> second).orElseThrow();
    }

    /** @return every website API key by name, the current one last */
    public Map<String, CfnApiKey> apiKeys() {
        return Collections.unmodifiableMap(apiKeys);
    }

    /**
     * One key per name. {@code GraphqlApi} always creates the key of its API_KEY mode ({@code Api/WebsiteApiKey});
     * it is kept for the name {@value BUILT_IN_KEY}, so a stack deployed before keys had names keeps its key, and
     * removed otherwise. Each other name gets its own {@code AWS::AppSync::ApiKey}, with the same expiry and, like
     * CDK's, created after the schema. Adding a name creates a key; removing one deletes that key at the next deploy.
     */
    private void createApiKeys(List<String> names) {
        CfnApiKey builtIn = api.getNode().findAll().stream().filter(CfnApiKey.class::isInstance)
                .map(CfnApiKey.class::cast).findFirst().orElseThrow(() -> new IllegalStateException(
                        "GraphqlApi created no API key; the default authorization must be API_KEY"));
        CfnGraphQLSchema schema = api.getNode().findAll().stream().filter(CfnGraphQLSchema.class::isInstance)
                .map(CfnGraphQLSchema.class::cast).findFirst().orElseThrow();
        for (String name : names) {
            if (name.equals(BUILT_IN_KEY)) {
                apiKeys.put(name, builtIn);
                continue;
            }
            CfnApiKey key = CfnApiKey.Builder.create(api, name + "ApiKey").apiId(api.getApiId())
                    .description(KEY_DESCRIPTION).expires(builtIn.getExpires()).build();
            key.addDependency(schema);
            apiKeys.put(name, key);
        }
        if (!names.contains(BUILT_IN_KEY)) {
            api.getNode().tryRemoveChild(builtIn.getNode().getId());
        }
    }

    /** @return the real-time (subscriptions) endpoint, {@code wss://...appsync-realtime-api.../graphql} */
    public String realtimeUrl() {
        return ((CfnGraphQLApi) api.getNode().getDefaultChild()).getAttrRealtimeUrl();
    }

    private static AuthorizationConfig authorization(Duration apiKeyExpiry) {
        ApiKeyConfig key = ApiKeyConfig.builder()
                .name(BUILT_IN_KEY)
                .description(KEY_DESCRIPTION)
                .expires(Expiration.atTimestamp(ApiKeyExpiry.expiresAt(apiKeyExpiry, Instant.now()).toEpochMilli()))
                .build();
        return AuthorizationConfig.builder()
                .defaultAuthorization(AuthorizationMode.builder()
                        .authorizationType(AuthorizationType.API_KEY).apiKeyConfig(key).build())
                .additionalAuthorizationModes(List.of(AuthorizationMode.builder()
                        .authorizationType(AuthorizationType.IAM).build()))
                .build();
    }

    /**
     * Introspection ({@code __schema}, {@code __type}) is off unless asked for: the API key is public, so with it on
     * anyone could list every type and field. AppSync's {@code IntrospectionConfig} (AppSync Developer Guide,
     * "Configuring GraphQL run complexity, query depth, and introspection"); AppSync's own default is ENABLED.
     */
    private static IntrospectionConfig introspection(boolean enabled) {
        return enabled ? IntrospectionConfig.ENABLED : IntrospectionConfig.DISABLED;
    }

    /**
     * Logging is set on the CloudFormation resource rather than through {@code GraphqlApi}'s {@code logConfig},
     * which would add a log-retention custom resource (a Node.js Lambda with an AWS managed policy) and a role
     * with the AWS managed {@code AWSAppSyncPushToCloudWatchLogs} policy on every log group. Here the log group
     * is a plain resource with its retention, and the role may write to that group only. Verbose content stays
     * on so that a failed resolver's log shows its evaluated templates.
     */
    private void configureLogging(Props props) {
        LogGroup logGroup = LogGroup.Builder.create(this, "LogGroup")
                .logGroupName("/aws/appsync/apis/" + api.getApiId())
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Role role = Role.Builder.create(this, "LogsRole")
                .assumedBy(new ServicePrincipal("appsync.amazonaws.com"))
                .description("AppSync writes the API's logs to its log group, and nowhere else.")
                .build();
        logGroup.grantWrite(role);
        ((CfnGraphQLApi) api.getNode().getDefaultChild()).setLogConfig(CfnGraphQLApi.LogConfigProperty.builder()
                .cloudWatchLogsRoleArn(role.getRoleArn())
                .fieldLogLevel(props.fieldLogLevel().name())
                .excludeVerboseContent(false)
                .build());
    }
}
