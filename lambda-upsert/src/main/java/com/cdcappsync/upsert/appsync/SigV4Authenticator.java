package com.cdcappsync.upsert.appsync;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * IAM auth: signs each attempt with the SDK's {@link AwsV4HttpSigner} (service {@code appsync},
 * payload signed, the signer's defaults otherwise). Credentials are resolved per attempt, and the
 * date is taken per attempt, so a retry after a long backoff is not signed with a stale date.
 */
final class SigV4Authenticator implements RequestAuthenticator {

    static final String SERVICE = "appsync";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final URI endpoint;
    private final AppSyncAuth.Iam auth;
    private final Clock clock;

    SigV4Authenticator(URI endpoint, AppSyncAuth.Iam auth, Clock clock) {
        this.endpoint = endpoint;
        this.auth = auth;
        this.clock = clock;
    }

    /** Signs with made-up keys: warms the signer for a SnapStart snapshot without resolving any credentials. */
    private static final AwsCredentialsIdentity PRIMING_CREDENTIALS =
            AwsCredentialsIdentity.create("AKIDPRIMINGONLY", "priming-only-never-sent");

    @Override
    public Map<String, List<String>> headers(byte[] body) {
        return sign(body, resolveCredentials());
    }

    @Override
    public Map<String, List<String>> primingHeaders(byte[] body) {
        return sign(body, PRIMING_CREDENTIALS);
    }

    private AwsCredentialsIdentity resolveCredentials() {
        AwsCredentialsIdentity credentials;
        try {
            credentials = auth.credentials().resolveCredentials();
        } catch (RuntimeException e) {
            throw new IllegalStateException(noCredentialsMessage(e.getMessage()), e);
        }
        if (credentials == null) {
            throw new IllegalStateException(noCredentialsMessage("the provider returned null"));
        }
        return credentials;
    }

    private String noCredentialsMessage(String cause) {
        return "IAM auth to AppSync found no AWS credentials in " + auth.credentials() + ": " + cause
                + " Fix: in Lambda, leave the credentials the runtime provides alone (with SnapStart they come from"
                + " AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN, otherwise from"
                + " AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN); elsewhere, export"
                + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or set AWS_PROFILE, or use"
                + " API-key auth. The chain's order: https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/"
                + "credentials-chain.html";
    }

    private Map<String, List<String>> sign(byte[] body, AwsCredentialsIdentity credentials) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("content-type", CONTENT_TYPE)
                .putHeader("host", RestrictedHeaders.hostHeader(endpoint))
                .build();
        SignedRequest signed = signer.sign(request -> request
                .identity(credentials)
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, auth.region())
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.request().forEachHeader((name, values) -> {
            if (!RestrictedHeaders.isRestricted(name)) {
                headers.put(name, values);
            }
        });
        return headers;
    }

    @Override
    public String toString() {
        return "SigV4Authenticator[region=" + auth.region() + "]";
    }
}
