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

    @Override
    public Map<String, List<String>> headers(byte[] body) {
        AwsCredentialsIdentity credentials = auth.credentials().resolveCredentials();
        if (credentials == null) {
            throw new IllegalStateException("The AWS credentials source " + auth.credentials()
                    + " returned null. Fix: return credentials or throw an exception that says what is missing.");
        }
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
