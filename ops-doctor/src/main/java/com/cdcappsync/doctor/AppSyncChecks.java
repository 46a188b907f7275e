package com.cdcappsync.doctor;

import com.cdcappsync.doctor.Finding.Sample;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appsync.AppSyncClient;
import software.amazon.awssdk.services.appsync.AppSyncClientBuilder;
import software.amazon.awssdk.services.appsync.model.ApiKey;

/**
 * AppSync reachable with the API key (a {@code __typename} query, header {@code x-api-key}:
 * https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#api-key-authorization), and the key's
 * expiry from {@code ListApiKeys} (https://docs.aws.amazon.com/appsync/latest/APIReference/API_ListApiKeys.html)
 * when an API id is given and AWS credentials allow it.
 */
final class AppSyncChecks {

    private final DoctorOptions options;
    private final AwsCredentialsProvider credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AppSyncChecks(DoctorOptions options) {
        this(options, DefaultCredentialsProvider.builder().build());
    }

    /** With the given credentials instead of the SDK's default chain (tests). */
    AppSyncChecks(DoctorOptions options, AwsCredentialsProvider credentials) {
        this.options = options;
        this.credentials = credentials;
    }

    List<Finding> run() {
        List<Finding> findings = new ArrayList<>();
        findings.add(reachable());
        findings.add(expiry());
        return findings;
    }

    private Finding reachable() {
        URI url = options.appsyncUrl();
        if (url == null || options.apiKey() == null) {
            return Finding.skipped("appsync.reachable", "needs --appsync-url and --api-key");
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("content-type", "application/json").header("x-api-key", options.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"query { __typename }\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean ok = answer.statusCode() == 200 && answer.body().contains("\"__typename\"");
            return Finding.of("appsync.reachable", ok ? Status.OK : Status.FAIL, ok
                    ? "GraphQL endpoint answers with the API key"
                    : "GraphQL endpoint answered " + answer.statusCode() + ": " + abbreviate(answer.body())
                            + (answer.statusCode() == 401
                                ? " (key expired or wrong: runbook \"API key rotation\")" : ""),
                    new Sample("cdc_doctor_appsync_up", "1 when AppSync answers a query with the API key",
                            Map.of(), ok ? 1 : 0));
        } catch (IOException e) {
            return Finding.of("appsync.reachable", Status.FAIL, url + " does not answer: " + e,
                    new Sample("cdc_doctor_appsync_up", "1 when AppSync answers a query with the API key",
                            Map.of(), 0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.of("appsync.reachable", Status.FAIL, "interrupted");
        }
    }

    private Finding expiry() {
        if (options.apiId() == null || options.apiKey() == null) {
            return Finding.skipped("appsync.key_expiry", "needs --api-id and --api-key (and AWS credentials)");
        }
        AppSyncClientBuilder builder = AppSyncClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(options.region())).credentialsProvider(credentials);
        if (options.appsyncControlEndpoint() != null) {
            builder.endpointOverride(options.appsyncControlEndpoint());
        }
        try (AppSyncClient client = builder.build()) {
            Optional<ApiKey> key = client.listApiKeysPaginator(b -> b.apiId(options.apiId())).apiKeys().stream()
                    .filter(k -> k.id().equals(options.apiKey())).findFirst();
            if (key.isEmpty()) {
                return Finding.of("appsync.key_expiry", Status.FAIL, "API " + options.apiId()
                        + " has no such key: it was deleted or expired past its grace period; rotate it");
            }
            Instant expires = Instant.ofEpochSecond(key.get().expires());
            Duration left = Duration.between(Instant.now(), expires);
            Status status = left.isNegative() ? Status.FAIL
                    : left.compareTo(options.apiKeyWarn()) < 0 ? Status.WARN : Status.OK;
            return Finding.of("appsync.key_expiry", status, "API key expires " + expires + " (in " + left.toDays()
                    + " days; warn under " + options.apiKeyWarn().toDays() + ")",
                    new Sample("cdc_doctor_api_key_expiry_seconds", "seconds until the API key expires",
                            Map.of(), left.toSeconds()));
        } catch (SdkException e) {
            return Finding.skipped("appsync.key_expiry", "cannot read the key with ListApiKeys: " + e.getMessage());
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
