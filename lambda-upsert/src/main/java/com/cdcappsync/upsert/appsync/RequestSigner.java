package com.cdcappsync.upsert.appsync;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The headers that authenticate one attempt, for either {@link AppSyncAuth}: {@code x-api-key}, or a SigV4
 * signature made by the SDK's {@link AwsV4HttpSigner} (service {@code appsync}, payload signed) with credentials
 * resolved for each attempt and the date taken for each attempt, so a retry after a long backoff is not signed
 * with a stale date. Thread-safe.
 *
 * <p>Quirk: SigV4 must sign {@code host}, but the JDK {@link java.net.http.HttpClient} writes {@code host} (and a
 * few other headers) itself and refuses them from callers. Copying the signed headers skips those; that is safe
 * only because {@link #hostHeader(URI)} mirrors the JDK's rule (the port appears only when it is not the
 * scheme's default), and a test verifies the signature against the Host the server received.
 */
final class RequestSigner implements SdkAutoCloseable {

    static final String CONTENT_TYPE = "application/json";
    static final String API_KEY_HEADER = "x-api-key";
    static final String SERVICE = "appsync";

    private static final Set<String> JDK_RESTRICTED = Set.of("host", "content-length", "connection", "expect",
            "upgrade");
    /** Made-up keys: priming warms the signer without resolving credentials that a snapshot would keep. */
    private static final AwsCredentialsIdentity PRIMING_CREDENTIALS =
            AwsCredentialsIdentity.create("AKIDPRIMINGONLY", "priming-only-never-sent");

    private final URI endpoint;
    private final AppSyncAuth auth;
    private final Clock clock;
    private final AwsV4HttpSigner signer;

    RequestSigner(URI endpoint, AppSyncAuth auth, Clock clock) {
        this.endpoint = endpoint;
        this.auth = auth;
        this.clock = clock;
        this.signer = auth instanceof AppSyncAuth.Iam ? AwsV4HttpSigner.create() : null;
    }

    /**
     * The headers to put on one POST of {@code body}, content type included; never JDK-restricted ones.
     *
     * @throws IllegalStateException when no credentials can be resolved, saying where the chain looked and the fix
     */
    Map<String, List<String>> headers(byte[] body) {
        return switch (auth) {
            case AppSyncAuth.ApiKey key -> Map.of("content-type", List.of(CONTENT_TYPE),
                    API_KEY_HEADER, List.of(key.key()));
            case AppSyncAuth.Iam iam -> sign(body, iam, resolve(iam));
        };
    }

    /** Like {@link #headers} but never resolves credentials: for priming before a SnapStart snapshot. */
    Map<String, List<String>> primingHeaders(byte[] body) {
        return auth instanceof AppSyncAuth.Iam iam ? sign(body, iam, PRIMING_CREDENTIALS) : headers(body);
    }

    /** After a SnapStart restore: the SDK's default chain drops what it cached; other providers are the caller's. */
    void afterRestore() {
        if (auth instanceof AppSyncAuth.Iam iam && iam.credentials() instanceof DefaultChain chain) {
            chain.reset();
        }
    }

    @Override
    public void close() {
        if (auth instanceof AppSyncAuth.Iam iam && iam.credentials() instanceof DefaultChain chain) {
            chain.reset();
        }
    }

    /** The Host header value the JDK sends for {@code uri}. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || port == (secure ? 443 : 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static AwsCredentialsIdentity resolve(AppSyncAuth.Iam iam) {
        AwsCredentialsIdentity credentials;
        try {
            credentials = iam.credentials().resolveCredentials();
        } catch (RuntimeException e) {
            throw new IllegalStateException(noCredentials(iam, e.getMessage()), e);
        }
        if (credentials == null) {
            throw new IllegalStateException(noCredentials(iam, "the provider returned null."));
        }
        return credentials;
    }

    private static String noCredentials(AppSyncAuth.Iam iam, String cause) {
        return "IAM auth to AppSync found no AWS credentials in " + iam.credentials() + ": " + cause
                + " Fix: in Lambda, leave the credentials the runtime provides alone (with SnapStart they come from"
                + " AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN, otherwise from"
                + " AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN); elsewhere, export"
                + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or set AWS_PROFILE, or use"
                + " API-key auth. The chain's order: https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/"
                + "credentials-chain.html";
    }

    private Map<String, List<String>> sign(byte[] body, AppSyncAuth.Iam iam, AwsCredentialsIdentity credentials) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("content-type", CONTENT_TYPE)
                .putHeader("host", hostHeader(endpoint))
                .build();
        SignedRequest signed = signer.sign(request -> request
                .identity(credentials)
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, iam.region())
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.request().forEachHeader((name, values) -> {
            if (!JDK_RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, values);
            }
        });
        return headers;
    }

    @Override
    public String toString() {
        return switch (auth) {
            case AppSyncAuth.ApiKey key -> "ApiKey";
            case AppSyncAuth.Iam iam -> "SigV4[region=" + iam.region() + "]";
        };
    }

    /**
     * The AWS SDK for Java v2 default credentials chain (system properties, {@code AWS_ACCESS_KEY_ID} /
     * {@code AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN}, web identity, profiles, container credentials,
     * instance profile), made on first use and dropped by {@link #reset()}.
     *
     * <p>Why: with SnapStart, Lambda's Java runtime gives the function container credentials
     * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} + {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}) instead of the key
     * variables (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html#snapstart-credentials); the
     * chain reads both (https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/credentials-chain.html).
     * It caches what it fetched until near expiry; {@link #reset()}, after a SnapStart restore, throws that away
     * so no restored environment signs with credentials fetched before the snapshot.
     */
    static final class DefaultChain implements AwsCredentialsProvider {

        private DefaultCredentialsProvider chain;

        @Override
        public AwsCredentials resolveCredentials() {
            return chain().resolveCredentials();
        }

        private synchronized DefaultCredentialsProvider chain() {
            if (chain == null) {
                // Our own instance, not the SDK's shared DefaultCredentialsProvider.create(): reset() closes it.
                // No background refresh thread: Lambda freezes the environment between invocations.
                chain = DefaultCredentialsProvider.builder().asyncCredentialUpdateEnabled(false).build();
            }
            return chain;
        }

        /** Drops the chain and its cached credentials; the next request makes a new chain. */
        synchronized void reset() {
            if (chain != null) {
                chain.close();
                chain = null;
            }
        }

        @Override
        public String toString() {
            return "the AWS SDK's default credentials chain";
        }
    }
}
