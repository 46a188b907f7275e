package com.cdcappsync.infra.config;

import com.cdcappsync.upsert.config.Setting;
import com.cdcappsync.upsert.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.appsync.FieldLogLevel;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The stack's settings, read from CDK context (see {@link ContextSettings} for keys and defaults). Immutable;
 * built once by {@link #fromContext(Map)}, which reports every invalid value at once, or in code with
 * {@link #builder()} (the context defaults, then what you change). The constructor checks every value either way.
 *
 * @param stage names the stack and prefixes resource names
 * @param tableNames table names given explicitly, by GraphQL type; other types get {@link #tableName(String)}
 * @param retainData keep tables (and their data) when the stack is deleted or a table replaced
 * @param memorySizeMb the function's memory
 * @param timeout the function's timeout
 * @param logRetention retention of the function's and the API's log groups
 * @param apiKeyExpiry how long after synthesis the website API keys expire
 * @param websiteApiKeys the names of the website API keys, one AppSync key each; the last is the current one
 * @param fieldLogLevel AppSync's field log level
 * @param apiProtection GraphQL introspection and the optional AWS WAF rate limit of the API
 * @param javaToolOptions the function's {@code JAVA_TOOL_OPTIONS}, empty for none
 * @param handlerEnvironment more handler settings, by variable name
 * @param connectorTrustedPrincipalArn who may assume the connector role; empty: this account
 * @param connectorExternalId the {@code sts:ExternalId} required to assume it; empty: none
 * @param alarmTopicArn the SNS topic alarms notify; empty: none
 * @param lambdaJar the function's code; empty: the repository's {@code lambda-upsert/target/lambda-upsert.jar}
 * @param graphqlSchemaDir the schema folder; empty: the repository's {@code graphql-schema/}
 */
public record StackConfig(String stage, Map<String, String> tableNames, boolean retainData, int memorySizeMb,
                          Duration timeout, RetentionDays logRetention, Duration apiKeyExpiry,
                          List<String> websiteApiKeys, FieldLogLevel fieldLogLevel, ApiProtection apiProtection,
                          String javaToolOptions,
                          Map<String, String> handlerEnvironment,
                          Optional<String> connectorTrustedPrincipalArn, Optional<String> connectorExternalId,
                          Optional<String> alarmTopicArn, Optional<String> lambdaJar,
                          Optional<String> graphqlSchemaDir) {

    static final Pattern STAGE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,19}");
    static final Pattern TYPE_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");
    static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    static final Pattern ANY = Pattern.compile("(?s).*");
    static final Pattern IAM_PRINCIPAL_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(root|role/\\S+|user/\\S+)");
    static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    static final Pattern SNS_TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[\\w-]+");
    /** A website API key's name: it becomes part of the key's CloudFormation logical id. */
    static final Pattern API_KEY_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,31}");
    /** At most this many website keys at once: the current one and those websites are moving away from. */
    static final int MAX_API_KEYS = 3;
    static final Pattern RESERVED_ENV =
            Pattern.compile("(?i)(APPSYNC_.*|AWS_.*|LAMBDA_.*|_.*|JAVA_TOOL_OPTIONS)");

    /** CloudWatch Logs retentions, in days (0 = never expire). */
    static final Map<Integer, RetentionDays> RETENTIONS = Map.ofEntries(
            Map.entry(0, RetentionDays.INFINITE), Map.entry(1, RetentionDays.ONE_DAY),
            Map.entry(3, RetentionDays.THREE_DAYS), Map.entry(5, RetentionDays.FIVE_DAYS),
            Map.entry(7, RetentionDays.ONE_WEEK), Map.entry(14, RetentionDays.TWO_WEEKS),
            Map.entry(30, RetentionDays.ONE_MONTH), Map.entry(60, RetentionDays.TWO_MONTHS),
            Map.entry(90, RetentionDays.THREE_MONTHS), Map.entry(120, RetentionDays.FOUR_MONTHS),
            Map.entry(150, RetentionDays.FIVE_MONTHS), Map.entry(180, RetentionDays.SIX_MONTHS),
            Map.entry(365, RetentionDays.ONE_YEAR), Map.entry(400, RetentionDays.THIRTEEN_MONTHS),
            Map.entry(545, RetentionDays.EIGHTEEN_MONTHS), Map.entry(731, RetentionDays.TWO_YEARS),
            Map.entry(1096, RetentionDays.THREE_YEARS), Map.entry(1827, RetentionDays.FIVE_YEARS),
            Map.entry(2192, RetentionDays.SIX_YEARS), Map.entry(2557, RetentionDays.SEVEN_YEARS),
            Map.entry(2922, RetentionDays.EIGHT_YEARS), Map.entry(3288, RetentionDays.NINE_YEARS),
            Map.entry(3653, RetentionDays.TEN_YEARS));

    public StackConfig {
        tableNames = Map.copyOf(tableNames);
        websiteApiKeys = websiteApiKeys == null ? null : List.copyOf(websiteApiKeys);
        handlerEnvironment = Map.copyOf(handlerEnvironment);
        List<String> problems = new ArrayList<>();
        check(problems, stage != null && STAGE.matcher(stage).matches(), "stage", stage, "1-20 letters, digits or -, "
                + "starting with a letter");
        tableNames.forEach((type, name) -> check(problems, TYPE_NAME.matcher(type).matches()
                && TABLE_NAME.matcher(name).matches(), "tableNames." + type, name, "a GraphQL type name and a "
                + "DynamoDB table name (3-255 of A-Z a-z 0-9 _ . -)"));
        check(problems, memorySizeMb >= 128 && memorySizeMb <= 10240, "memorySizeMb", memorySizeMb, "128-10240");
        check(problems, within(timeout, Duration.ofSeconds(1), Duration.ofSeconds(900)), "timeout", timeout,
                "1 s to 15 min");
        check(problems, within(apiKeyExpiry, Duration.ofDays(1), Duration.ofDays(365)), "apiKeyExpiry",
                apiKeyExpiry, "1 to 365 days");
        check(problems, websiteApiKeys != null && !websiteApiKeys.isEmpty() && websiteApiKeys.size() <= MAX_API_KEYS
                && websiteApiKeys.stream().allMatch(n -> API_KEY_NAME.matcher(n).matches())
                && websiteApiKeys.stream().distinct().count() == websiteApiKeys.size(), "websiteApiKeys",
                websiteApiKeys, "1 to " + MAX_API_KEYS + " distinct names of a capital letter then letters or digits");
        check(problems, logRetention != null, "logRetention", null, "a retention");
        check(problems, fieldLogLevel != null, "fieldLogLevel", null, "a field log level");
        check(problems, apiProtection != null, "apiProtection", null, "an ApiProtection (ApiProtection.DEFAULT)");
        check(problems, javaToolOptions != null, "javaToolOptions", null, "text, empty for none");
        handlerEnvironment.forEach((name, value) -> checkHandlerSetting(problems, name, value));
        checkOptional(problems, connectorTrustedPrincipalArn, IAM_PRINCIPAL_ARN, "connectorTrustedPrincipalArn");
        checkOptional(problems, connectorExternalId, EXTERNAL_ID, "connectorExternalId");
        checkOptional(problems, alarmTopicArn, SNS_TOPIC_ARN, "alarmTopicArn");
        checkOptional(problems, lambdaJar, ANY, "lambdaJar");
        checkOptional(problems, graphqlSchemaDir, ANY, "graphqlSchemaDir");
        if (!problems.isEmpty()) {
            throw new InfraConfigException("Invalid stack configuration", problems);
        }
    }

    /** A builder starting from the context defaults ({@link ContextSettings}). */
    public static Builder builder() {
        return fromContext(Map.of()).toBuilder();
    }

    /** An empty builder, for the context reader: every value must be set. */
    static Builder builderFromScratch() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The settings {@code handlerEnvironment} may set: the handler's own registry, less what the stack sets. */
    public static List<String> handlerSettingNames() {
        return Settings.ALL.stream().map(Setting::key).filter(key -> !RESERVED_ENV.matcher(key).matches()).toList();
    }

    /** A name of the handler's registry that the stack does not own, with a value the handler's parser accepts. */
    private static void checkHandlerSetting(List<String> problems, String name, String value) {
        handlerSettingProblem(name, value).ifPresent(expected -> problems.add("handlerEnvironment." + name
                + (RESERVED_ENV.matcher(name).matches() ? "" : " = " + value) + ": expected " + expected));
    }

    /**
     * What is wrong with one handler setting set through the stack, as "expected ..." text; empty when nothing is.
     * The names and the parsing are the handler's own ({@link Settings}), so a typo or a bad value fails at synth
     * instead of deploying a variable the function ignores or refuses at its first invocation.
     */
    static Optional<String> handlerSettingProblem(String name, String value) {
        if (RESERVED_ENV.matcher(name).matches()) {
            return Optional.of("a variable the stack does not own: " + name + " is set by the stack or by Lambda, "
                    + "and an API key (APPSYNC_API_KEY) must never be put in a template");
        }
        Optional<Setting<?>> setting = Settings.named(name);
        if (setting.isEmpty()) {
            return Optional.of("a handler setting, one of " + String.join(", ", handlerSettingNames())
                    + " (lambda-upsert/README.md, Configuration)");
        }
        try {
            setting.get().parse(value);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(setting.get().type() + " (" + e.getMessage() + ")");
        }
    }

    /** The CloudWatch namespace the function writes its metrics to: METRICS_NAMESPACE's value or its default. */
    public String metricsNamespace() {
        return handlerEnvironment.getOrDefault(Settings.METRICS_NAMESPACE.key(),
                Settings.METRICS_NAMESPACE.defaultText());
    }

    private static void check(List<String> problems, boolean ok, String name, Object value, String expected) {
        if (!ok) {
            problems.add(name + " = " + value + ": expected " + expected);
        }
    }

    private static void checkOptional(List<String> problems, Optional<String> value, Pattern pattern, String name) {
        if (value == null) {
            problems.add(name + " = null: expected Optional.empty() or a value");
        } else {
            value.ifPresent(v -> check(problems, pattern.matcher(v).matches(), name, v, "a value matching "
                    + pattern));
        }
    }

    private static boolean within(Duration value, Duration min, Duration max) {
        return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    /**
     * Reads every setting of {@link ContextSettings#ALL} from the given context.
     *
     * @param context the app's context (CLI {@code -c} values and {@code cdk.json}'s), any other keys included
     * @return the settings, defaults filled in
     * @throws InfraConfigException listing every invalid value, with what is expected and the fix
     */
    public static StackConfig fromContext(Map<String, Object> context) {
        return StackConfigReader.read(context);
    }

    /** @return the CloudFormation stack name, {@code CdcAppSync-<stage>} */
    public String stackName() {
        return "CdcAppSync-" + stage;
    }

    /** @return the prefix of resource names, {@code cdc-appsync-<stage>} */
    public String resourcePrefix() {
        return "cdc-appsync-" + stage;
    }

    /** @return the table name of a GraphQL type: given in context, else {@code cdc-appsync-<stage>-<Type>} */
    public String tableName(String type) {
        return tableNames.getOrDefault(type, resourcePrefix() + "-" + type);
    }

    /** Builds a {@link StackConfig}; {@link #build()} checks every value (see the constructor). */
    public static final class Builder {
        private String stage;
        private Map<String, String> tableNames = Map.of();
        private boolean retainData;
        private int memorySizeMb;
        private Duration timeout;
        private RetentionDays logRetention;
        private Duration apiKeyExpiry;
        private List<String> websiteApiKeys;
        private FieldLogLevel fieldLogLevel;
        private ApiProtection apiProtection = ApiProtection.DEFAULT;
        private String javaToolOptions;
        private Map<String, String> handlerEnvironment = Map.of();
        private Optional<String> connectorTrustedPrincipalArn = Optional.empty();
        private Optional<String> connectorExternalId = Optional.empty();
        private Optional<String> alarmTopicArn = Optional.empty();
        private Optional<String> lambdaJar = Optional.empty();
        private Optional<String> graphqlSchemaDir = Optional.empty();

        private Builder() {
        }

        private Builder(StackConfig c) {
            stage = c.stage;
            tableNames = c.tableNames;
            retainData = c.retainData;
            memorySizeMb = c.memorySizeMb;
            timeout = c.timeout;
            logRetention = c.logRetention;
            apiKeyExpiry = c.apiKeyExpiry;
            websiteApiKeys = c.websiteApiKeys;
            fieldLogLevel = c.fieldLogLevel;
            apiProtection = c.apiProtection;
            javaToolOptions = c.javaToolOptions;
            handlerEnvironment = c.handlerEnvironment;
            connectorTrustedPrincipalArn = c.connectorTrustedPrincipalArn;
            connectorExternalId = c.connectorExternalId;
            alarmTopicArn = c.alarmTopicArn;
            lambdaJar = c.lambdaJar;
            graphqlSchemaDir = c.graphqlSchemaDir;
        }

        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        public Builder tableNames(Map<String, String> tableNames) {
            this.tableNames = tableNames;
            return this;
        }

        public Builder retainData(boolean retainData) {
            this.retainData = retainData;
            return this;
        }

        public Builder memorySizeMb(int memorySizeMb) {
            this.memorySizeMb = memorySizeMb;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder logRetention(RetentionDays logRetention) {
            this.logRetention = logRetention;
            return this;
        }

        public Builder apiKeyExpiry(Duration apiKeyExpiry) {
            this.apiKeyExpiry = apiKeyExpiry;
            return this;
        }

        public Builder websiteApiKeys(List<String> websiteApiKeys) {
            this.websiteApiKeys = websiteApiKeys;
            return this;
        }

        public Builder fieldLogLevel(FieldLogLevel fieldLogLevel) {
            this.fieldLogLevel = fieldLogLevel;
            return this;
        }

        public Builder apiProtection(ApiProtection apiProtection) {
            this.apiProtection = apiProtection;
            return this;
        }

        public Builder javaToolOptions(String javaToolOptions) {
            this.javaToolOptions = javaToolOptions;
            return this;
        }

        public Builder handlerEnvironment(Map<String, String> handlerEnvironment) {
            this.handlerEnvironment = handlerEnvironment;
            return this;
        }

        public Builder connectorTrustedPrincipalArn(Optional<String> connectorTrustedPrincipalArn) {
            this.connectorTrustedPrincipalArn = connectorTrustedPrincipalArn;
            return this;
        }

        public Builder connectorExternalId(Optional<String> connectorExternalId) {
            this.connectorExternalId = connectorExternalId;
            return this;
        }

        public Builder alarmTopicArn(Optional<String> alarmTopicArn) {
            this.alarmTopicArn = alarmTopicArn;
            return this;
        }

        public Builder lambdaJar(Optional<String> lambdaJar) {
            this.lambdaJar = lambdaJar;
            return this;
        }

        public Builder graphqlSchemaDir(Optional<String> graphqlSchemaDir) {
            this.graphqlSchemaDir = graphqlSchemaDir;
            return this;
        }

        /** @throws InfraConfigException listing every invalid value */
        public StackConfig build() {
            return new StackConfig(stage, tableNames, retainData, memorySizeMb, timeout, logRetention, apiKeyExpiry,
                    websiteApiKeys, fieldLogLevel, apiProtection, javaToolOptions, handlerEnvironment,
                    connectorTrustedPrincipalArn, connectorExternalId, alarmTopicArn, lambdaJar, graphqlSchemaDir);
        }
    }
}
