package com.cdcappsync.infra.config;

import java.util.List;

/**
 * Every CDK context key of the app, with its default: the one place they are declared. {@link StackConfig}
 * parses literal defaults from here; {@code infra-cdk/README.md}'s context table is checked against this
 * list by a test.
 */
public final class ContextSettings {

    private ContextSettings() {
    }

    public static final ContextSetting STAGE = ContextSetting.withDefault("stage",
            "1-20 letters, digits or `-`, starting with a letter", "dev",
            "Names the stack (`CdcAppSync-<stage>`) and prefixes resource names (`cdc-appsync-<stage>-...`).");
    public static final ContextSetting TABLE_NAME = ContextSetting.computed("tableName.<Type>",
            "3-255 of `A-Z a-z 0-9 _ . -`", "`cdc-appsync-<stage>-<Type>`",
            "Name of the DynamoDB table of one `api.json` type, e.g. `-c tableName.Product=shop-products`.");
    public static final ContextSetting RETAIN_DATA = ContextSetting.withDefault("retainData",
            "`true` \\| `false`", "true",
            "Keep the tables and their data when the stack is deleted or a table replaced; `false` deletes "
                    + "them (throwaway stages only).");
    public static final ContextSetting MEMORY_SIZE = ContextSetting.withDefault("memorySize", "128-10240 (MB)",
            "1024", "Memory of the function, and with it its CPU share.");
    public static final ContextSetting TIMEOUT_SECONDS = ContextSetting.withDefault("timeoutSeconds", "1-900",
            "45", "Function timeout; keep it below the connector's `aws.lambda.socket.timeout` (50 s by default). Must "
                    + "hold one mutation's retries plus the handler's `DEADLINE_RESERVE` (29.5 s with the handler's "
                    + "defaults): a shorter one is refused at synth.");
    public static final ContextSetting LOG_RETENTION_DAYS = ContextSetting.withDefault("logRetentionDays",
            "1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, "
                    + "3288, 3653, or 0 for never", "30",
            "Retention of the function's and the API's log groups.");
    public static final ContextSetting API_KEY_EXPIRY_DAYS = ContextSetting.withDefault("apiKeyExpiryDays",
            "1-365, AppSync's bounds, counted after AppSync rounds the expiry down to the hour: 1 only when "
                    + "synthesized on the hour, so 2-365", "365",
            "The website API keys expire this many days after synthesis; every deploy moves the date forward "
                    + "(CloudFormation updates `Expires` in place: the key stays the same).");
    public static final ContextSetting WEBSITE_API_KEYS = ContextSetting.withDefault("websiteApiKeys",
            "1-3 comma-separated names, each a capital letter then letters or digits", "Website",
            "One website API key per name (output `ApiKeyIds`); `ApiKeyId` is the last. To rotate, add a name, deploy, "
                    + "move the websites to the new key, then remove the old name and deploy (RUNBOOK.md).");
    public static final ContextSetting FIELD_LOG_LEVEL = ContextSetting.withDefault("fieldLogLevel",
            "`NONE` \\| `ERROR` \\| `INFO` \\| `DEBUG` \\| `ALL`", "ERROR",
            "AppSync field log level. `ERROR` logs failed resolvers only (stale writes included); `ALL` logs "
                    + "every field with its data.");
    public static final ContextSetting GRAPHQL_INTROSPECTION = ContextSetting.withDefault("graphqlIntrospection",
            "`true` \\| `false`", "false",
            "GraphQL introspection (`__schema`, `__type`) on the API. Off: the public API key cannot list the schema; "
                    + "`true` for a development stage whose tools read it.");
    public static final ContextSetting WAF_RATE_LIMIT = ContextSetting.computed("wafRateLimit",
            "10-2000000000 requests per 5 minutes per IP (AWS WAF's rate-based rule limit)", "(none: no web ACL)",
            "An AWS WAF web ACL on the API that blocks an IP while it sends more than this many requests in 5 "
                    + "minutes; SigV4-signed requests (the function's writes) are not counted.");
    public static final ContextSetting JAVA_TOOL_OPTIONS = ContextSetting.withDefault("javaToolOptions",
            "JVM options; empty for none", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1",
            "The function's `JAVA_TOOL_OPTIONS`: C1 only, the quickest start for a short, I/O-bound handler.");
    public static final ContextSetting HANDLER_ENV = ContextSetting.computed("handlerEnv.<NAME>",
            "a value the handler accepts (lambda-upsert/README.md, Configuration)", "(none)",
            "One more handler setting, e.g. `-c handlerEnv.FAIL_ON_REJECTED=true`: name and value are checked at "
                    + "synth against the handler's own settings (a typo fails with the valid names). `APPSYNC_*`, "
                    + "`AWS_*`, `LAMBDA_*`, `_*` and `JAVA_TOOL_OPTIONS` are set by the stack or by Lambda and "
                    + "refused. `METRICS_NAMESPACE` also moves the alarms on the function's own metrics.");
    public static final ContextSetting CONNECTOR_TRUSTED_PRINCIPAL = ContextSetting.computed(
            "connectorTrustedPrincipalArn", "an IAM ARN: `arn:aws:iam::<account>:root`, `...:role/<name>` or "
                    + "`...:user/<name>`", "this account's root",
            "Who may assume the connector role: Confluent Cloud's provider-integration role, or the identity "
                    + "of your Connect workers.");
    public static final ContextSetting CONNECTOR_EXTERNAL_ID = ContextSetting.computed("connectorExternalId",
            "2-1224 of `A-Z a-z 0-9 + = , . @ : / -`", "(none)",
            "The `sts:ExternalId` the assuming party must send (Confluent Cloud's provider integration gives "
                    + "one).");
    public static final ContextSetting ALARM_TOPIC_ARN = ContextSetting.computed("alarmTopicArn",
            "an SNS topic ARN", "(none)", "Alarms notify this topic; without it they only change state.");
    public static final ContextSetting LAMBDA_JAR = ContextSetting.computed("lambdaJar", "file path",
            "`../lambda-upsert/target/lambda-upsert.jar`",
            "The function's code, built by `./mvnw -B -pl lambda-upsert package`; relative to `infra-cdk/`.");
    public static final ContextSetting GRAPHQL_SCHEMA_DIR = ContextSetting.computed("graphqlSchemaDir",
            "directory path", "the repository's `graphql-schema/`",
            "Where `schema.graphql`, `api.json` and the resolvers are read from; relative to `infra-cdk/`.");

    /** All settings, in documentation order. */
    public static final List<ContextSetting> ALL = List.of(STAGE, TABLE_NAME, RETAIN_DATA, MEMORY_SIZE,
            TIMEOUT_SECONDS, LOG_RETENTION_DAYS, API_KEY_EXPIRY_DAYS, WEBSITE_API_KEYS, FIELD_LOG_LEVEL,
            GRAPHQL_INTROSPECTION, WAF_RATE_LIMIT, JAVA_TOOL_OPTIONS,
            HANDLER_ENV, CONNECTOR_TRUSTED_PRINCIPAL, CONNECTOR_EXTERNAL_ID, ALARM_TOPIC_ARN, LAMBDA_JAR,
            GRAPHQL_SCHEMA_DIR);
}
