package com.cdcappsync.infra.config;

import static com.cdcappsync.infra.config.StackConfig.ANY;
import static com.cdcappsync.infra.config.StackConfig.API_KEY_NAME;
import static com.cdcappsync.infra.config.StackConfig.ENV_NAME;
import static com.cdcappsync.infra.config.StackConfig.EXTERNAL_ID;
import static com.cdcappsync.infra.config.StackConfig.IAM_PRINCIPAL_ARN;
import static com.cdcappsync.infra.config.StackConfig.MAX_API_KEYS;
import static com.cdcappsync.infra.config.StackConfig.RESERVED_ENV;
import static com.cdcappsync.infra.config.StackConfig.RETENTIONS;
import static com.cdcappsync.infra.config.StackConfig.SNS_TOPIC_ARN;
import static com.cdcappsync.infra.config.StackConfig.STAGE;
import static com.cdcappsync.infra.config.StackConfig.TABLE_NAME;
import static com.cdcappsync.infra.config.StackConfig.TYPE_NAME;

import com.cdcappsync.upsert.config.Settings;
import com.cdcappsync.upsert.config.ConfigException;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.config.TimeBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.appsync.FieldLogLevel;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Reads a {@link StackConfig} from CDK context ({@link ContextSettings}), reporting every invalid value at once. */
final class StackConfigReader {

    private StackConfigReader() {
    }

    static StackConfig read(Map<String, Object> context) {
        return read(context, Instant.now());
    }

    /** @param synthesizedAt the time the API keys' expiry is counted from (a fixed one in tests) */
    static StackConfig read(Map<String, Object> context, Instant synthesizedAt) {
        ContextReader reader = new ContextReader(context);
        reader.rejectUnknownKeys(ContextSettings.ALL);
        String stage = reader.matching(ContextSettings.STAGE, STAGE);
        Map<String, String> tableNames = reader.family(ContextSettings.TABLE_NAME, TYPE_NAME, TABLE_NAME);
        boolean retainData = reader.bool(ContextSettings.RETAIN_DATA);
        int memory = reader.intBetween(ContextSettings.MEMORY_SIZE, 128, 10240);
        int timeoutSeconds = reader.intBetween(ContextSettings.TIMEOUT_SECONDS, 1, 900);
        RetentionDays retention = retention(reader);
        int apiKeyDays = apiKeyExpiryDays(reader, synthesizedAt);
        List<String> apiKeys = websiteApiKeys(reader);
        FieldLogLevel fieldLogLevel = fieldLogLevel(reader);
        ApiProtection protection = new ApiProtection(reader.bool(ContextSettings.GRAPHQL_INTROSPECTION),
                reader.optionalLongBetween(ContextSettings.WAF_RATE_LIMIT, ApiProtection.MIN_RATE_LIMIT,
                        ApiProtection.MAX_RATE_LIMIT, "requests per 5 minutes per IP (AWS WAF's rate-based rule "
                                + "limit)"));
        String javaToolOptions = reader.text(ContextSettings.JAVA_TOOL_OPTIONS);
        Map<String, String> handlerEnv = handlerEnvironment(reader);
        timeBudget(reader, timeoutSeconds, handlerEnv);
        Optional<String> trusted = reader.optionalMatching(ContextSettings.CONNECTOR_TRUSTED_PRINCIPAL,
                IAM_PRINCIPAL_ARN);
        Optional<String> externalId = reader.optionalMatching(ContextSettings.CONNECTOR_EXTERNAL_ID, EXTERNAL_ID);
        Optional<String> alarmTopic = reader.optionalMatching(ContextSettings.ALARM_TOPIC_ARN, SNS_TOPIC_ARN);
        Optional<String> lambdaJar = reader.given(ContextSettings.LAMBDA_JAR.key());
        Optional<String> schemaDir = reader.given(ContextSettings.GRAPHQL_SCHEMA_DIR.key());
        if (!reader.problems().isEmpty()) {
            throw new InfraConfigException("Invalid CDK context", reader.problems());
        }
        return StackConfig.builderFromScratch().stage(stage).tableNames(tableNames).retainData(retainData)
                .memorySizeMb(memory)
                .timeout(Duration.ofSeconds(timeoutSeconds)).logRetention(retention)
                .apiKeyExpiry(Duration.ofDays(apiKeyDays)).websiteApiKeys(apiKeys).fieldLogLevel(fieldLogLevel)
                .apiProtection(protection)
                .javaToolOptions(javaToolOptions).handlerEnvironment(handlerEnv).connectorTrustedPrincipalArn(trusted)
                .connectorExternalId(externalId).alarmTopicArn(alarmTopic).lambdaJar(lambdaJar)
                .graphqlSchemaDir(schemaDir).build();
    }

    /**
     * Whole days from 1 to 365, and an expiry AppSync accepts: 1 to 365 days after creation once rounded down to
     * the hour ({@link ApiKeyExpiry}), counted here from the synthesis time.
     */
    private static int apiKeyExpiryDays(ContextReader reader, Instant synthesizedAt) {
        ContextSetting setting = ContextSettings.API_KEY_EXPIRY_DAYS;
        int before = reader.problems().size();
        int days = reader.intBetween(setting, (int) ApiKeyExpiry.MIN.toDays(), (int) ApiKeyExpiry.MAX.toDays());
        if (reader.problems().size() == before) {
            ApiKeyExpiry.problem(Duration.ofDays(days), synthesizedAt).ifPresent(expected -> reader.problem(setting,
                    setting.key(), Integer.toString(days), expected));
        }
        return days;
    }

    private static List<String> websiteApiKeys(ContextReader reader) {
        ContextSetting setting = ContextSettings.WEBSITE_API_KEYS;
        String value = reader.text(setting);
        List<String> names = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
        boolean valid = !names.isEmpty() && names.size() <= MAX_API_KEYS
                && names.stream().allMatch(n -> API_KEY_NAME.matcher(n).matches())
                && names.stream().distinct().count() == names.size();
        if (!valid) {
            reader.problem(setting, setting.key(), value, setting.accepted());
            return List.of(setting.defaultValue());
        }
        return names;
    }

    private static RetentionDays retention(ContextReader reader) {
        ContextSetting setting = ContextSettings.LOG_RETENTION_DAYS;
        String value = reader.text(setting);
        try {
            RetentionDays days = RETENTIONS.get(Integer.parseInt(value));
            if (days != null) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reader.problem(setting, setting.key(), value, setting.accepted());
        return RETENTIONS.get(Integer.parseInt(setting.defaultValue()));
    }

    private static FieldLogLevel fieldLogLevel(ContextReader reader) {
        ContextSetting setting = ContextSettings.FIELD_LOG_LEVEL;
        String value = reader.text(setting);
        try {
            return FieldLogLevel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            reader.problem(setting, setting.key(), value, setting.accepted());
            return FieldLogLevel.valueOf(setting.defaultValue());
        }
    }

    /**
     * The handler's settings as the stack sets them ({@code handlerEnv.*} over the handler's own defaults) must be
     * ones the handler accepts at cold start, and one mutation's retries must fit in the function's timeout
     * ({@link TimeBudget}): the handler would cut them at its deadline and the configured attempts would never
     * run. Lambda ends a run at the timeout (https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html).
     */
    private static void timeBudget(ContextReader reader, int timeoutSeconds, Map<String, String> handlerEnv) {
        HandlerConfig handler;
        try {
            handler = HandlerConfig.fromEnvironment(handlerEnv::get, false);
        } catch (ConfigException e) {
            e.problems().forEach(p -> reader.problem("context " + ContextSettings.HANDLER_ENV.prefix() + p
                    + " (the function would refuse it at cold start; fix it, or remove it for the handler's default)"));
            return;
        }
        TimeBudget.of(handler).problem(Duration.ofSeconds(timeoutSeconds), ContextSettings.TIMEOUT_SECONDS.key(),
                ContextSettings.HANDLER_ENV.prefix()).map(p -> "context " + p).ifPresent(reader::problem);
    }

    private static Map<String, String> handlerEnvironment(ContextReader reader) {
        ContextSetting setting = ContextSettings.HANDLER_ENV;
        Map<String, String> values = reader.family(setting, ENV_NAME, ANY);
        for (String name : List.copyOf(values.keySet())) {
            String value = values.get(name);
            StackConfig.handlerSettingProblem(name, value).ifPresent(expected -> {
                values.remove(name);
                boolean secret = RESERVED_ENV.matcher(name).matches();
                String shown = secret ? "(value not shown)" : "'" + value + "'";
                reader.problem("context " + setting.prefix() + name + "=" + shown + ": expected " + expected
                        + (secret || Settings.named(name).isEmpty() ? "" : " (the function would refuse it at cold "
                        + "start; fix it, or remove it for the handler's default)"));
            });
        }
        return values;
    }
}
