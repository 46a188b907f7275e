package com.cdcappsync.upsert.config;

import com.cdcappsync.upsert.appsync.AppSyncClientBuilder;
import com.cdcappsync.upsert.internal.decode.DecoderOptions;
import com.cdcappsync.upsert.internal.publish.PublisherOptions;
import com.cdcappsync.upsert.mapping.ServedWebsites;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every environment setting of the handler, with its default: the one place defaults live. lambda-upsert/README.md's
 * configuration table is checked against this list by a test.
 */
public final class Settings {

    private Settings() {
    }

    public static final Setting<URI> APPSYNC_GRAPHQL_URL = new Setting<>("APPSYNC_GRAPHQL_URL", "URL", null,
            "The AppSync GraphQL endpoint (the stack output GraphQlUrl). Required unless dry-run.",
            Parsers::httpUri);
    public static final Setting<AuthMode> APPSYNC_AUTH = new Setting<>("APPSYNC_AUTH", "iam | api-key", "iam",
            "How to sign requests: SigV4 with the function's credentials, or an API key (local stacks only; "
                    + "deployed mutations accept IAM only).", Parsers.choice(AuthMode.class));
    public static final Setting<String> APPSYNC_API_KEY = new Setting<>("APPSYNC_API_KEY", "text (secret)", null,
            "The API key, when APPSYNC_AUTH=api-key. Never logged.", Function.identity());
    public static final Setting<String> AWS_REGION = new Setting<>("AWS_REGION", "region", null,
            "The API's region for SigV4 (Lambda sets it). Required with APPSYNC_AUTH=iam.", Function.identity());
    public static final Setting<Path> MAPPING_PATH = new Setting<>("MAPPING_PATH", "file path", null,
            "A mapping file to use instead of the packaged Odoo mapping (mappings/odoo-products.json).",
            Path::of);
    public static final Setting<Integer> PUBLISH_CONCURRENCY = new Setting<>("PUBLISH_CONCURRENCY", "1-256",
            Integer.toString(PublisherOptions.DEFAULT_CONCURRENCY),
            "Items sent at once; one item's changes are always sent in order.", Parsers.intBetween(1, 256));
    public static final Setting<Boolean> PUBLISH_COALESCE = new Setting<>("PUBLISH_COALESCE", "true | false",
            "true", "Send only the newest change of each item in a batch.", Parsers::bool);
    public static final Setting<Duration> HTTP_CONNECT_TIMEOUT = new Setting<>("HTTP_CONNECT_TIMEOUT",
            "duration", text(AppSyncClientBuilder.DEFAULT_CONNECT_TIMEOUT), "Connection timeout to AppSync.",
            Parsers::duration);
    public static final Setting<Duration> HTTP_REQUEST_TIMEOUT = new Setting<>("HTTP_REQUEST_TIMEOUT",
            "duration", text(AppSyncClientBuilder.DEFAULT_REQUEST_TIMEOUT),
            "Timeout of one GraphQL request (each retry gets its own), shortened to the time left before the "
                    + "invocation's deadline (DEADLINE_RESERVE).", Parsers::duration);
    public static final Setting<Integer> RETRY_MAX_ATTEMPTS = new Setting<>("RETRY_MAX_ATTEMPTS",
            "1-" + AppSyncClientBuilder.MAX_ATTEMPTS_LIMIT, Integer.toString(AppSyncClientBuilder.DEFAULT_MAX_ATTEMPTS),
            "Attempts per mutation for throttling, 5xx, timeouts and dropped connections (1 = no retry).",
            Parsers.intBetween(1, AppSyncClientBuilder.MAX_ATTEMPTS_LIMIT));
    public static final Setting<Duration> RETRY_BASE_DELAY = new Setting<>("RETRY_BASE_DELAY", "duration",
            text(AppSyncClientBuilder.DEFAULT_BASE_BACKOFF), "First backoff; doubles per attempt, with full jitter.",
            Parsers::duration);
    public static final Setting<Duration> RETRY_MAX_DELAY = new Setting<>("RETRY_MAX_DELAY", "duration",
            text(AppSyncClientBuilder.DEFAULT_MAX_BACKOFF), "Cap of one backoff.", Parsers::duration);
    public static final Setting<Duration> DEADLINE_RESERVE = new Setting<>("DEADLINE_RESERVE", "duration, 1s-60s",
            "3s", "Time kept back from each invocation's remaining time (the Lambda context's) to write the answer: "
                    + "no AppSync attempt or backoff runs past the rest, and the records not done by then fail "
                    + "naming the function time budget, instead of Lambda ending the run with a timeout.",
            Parsers::duration);
    public static final Setting<Boolean> FAIL_ON_REJECTED = new Setting<>("FAIL_ON_REJECTED", "true | false",
            "false", "Fail the invocation when a record is rejected (malformed, unknown table, ...), so the "
                    + "connector's task stops (`behavior.on.error=fail`) instead of moving on.", Parsers::bool);
    public static final Setting<VersionFallback> VERSION_FALLBACK = new Setting<>("VERSION_FALLBACK",
            "kafka-offset | none", "kafka-offset", "Version of records without an LSN: the Kafka offset, or "
                    + "none (reject them).", Parsers.choice(VersionFallback.class));
    public static final Setting<String> TOAST_PLACEHOLDER = new Setting<>("TOAST_PLACEHOLDER", "text",
            DecoderOptions.DEFAULT_TOAST_PLACEHOLDER,
            "Debezium's unavailable.value.placeholder; such columns are left out of writes.", Function.identity());
    public static final Setting<ServedWebsites> WEBSITES = new Setting<>("WEBSITES",
            "WEBSITE:COMPANY[+COMPANY...][,...]", ServedWebsites.DEFAULT_TEXT,
            "The Odoo websites this deployment serves, each with the companies whose products it shows (its own, "
                    + "then its parents): a product, category or other row with a websites rule is published with the "
                    + "ids of the served websites that show it, and leaves the API when none does.",
            ServedWebsites::parse);
    public static final Setting<String> METRICS_NAMESPACE = new Setting<>("METRICS_NAMESPACE", "text",
            "CdcAppSync", "CloudWatch namespace of the EMF metrics.", Function.identity());

    /** A default of the AppSync client, written the way the README and the variables write it: 2s, 100ms. */
    private static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** All settings, in documentation order. */
    public static final List<Setting<?>> ALL = List.of(APPSYNC_GRAPHQL_URL, APPSYNC_AUTH, APPSYNC_API_KEY,
            AWS_REGION, MAPPING_PATH, PUBLISH_CONCURRENCY, PUBLISH_COALESCE, HTTP_CONNECT_TIMEOUT,
            HTTP_REQUEST_TIMEOUT, RETRY_MAX_ATTEMPTS, RETRY_BASE_DELAY, RETRY_MAX_DELAY, DEADLINE_RESERVE,
            FAIL_ON_REJECTED, VERSION_FALLBACK, TOAST_PLACEHOLDER, WEBSITES, METRICS_NAMESPACE);

    /** The setting whose environment variable is {@code key}, if the handler has one. */
    public static Optional<Setting<?>> named(String key) {
        return ALL.stream().filter(setting -> setting.key().equals(key)).findFirst();
    }
}
