package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * {@code --trust-external-key}: the AppSync gateway in front of a stand-in upstream (what it forwards is what the
 * simulator would run), so that only the gateway's own decisions are under test.
 */
class TrustedExternalKeyGatewayTest {

    private static final String REGION = LocalStack.REGION;
    private static final TrustedExternalKey KEY = new TrustedExternalKey("LKIAFUNCTIONINLOCALSTACK",
            "a-local-secret-for-tests");
    private static final String GRANTED = SignedPost.body("mutation { upsertProduct(input: {id: \"1\", "
            + "version: \"1\"}) { id } }");
    private static final String NOT_GRANTED = SignedPost.body("mutation { upsertPublicCategory(input: {id: \"1\", "
            + "version: \"1\"}) { id } }");

    private final AtomicInteger forwarded = new AtomicInteger();
    private final CredentialsAuthority authority = new CredentialsAuthority();
    private HttpServer upstream;
    private AppSyncGateway trusting;
    private AppSyncGateway strict;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            forwarded.incrementAndGet();
            byte[] answer = "{\"data\":{\"upsertProduct\":{\"id\":\"1\"}}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        upstream.start();
        URI upstreamUrl = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/graphql");
        trusting = AppSyncGateway.start(settings(upstreamUrl, KEY), new ObjectMapper());
        strict = AppSyncGateway.start(settings(upstreamUrl, null), new ObjectMapper());
    }

    private AppSyncGateway.Settings settings(URI upstreamUrl, TrustedExternalKey key) {
        return new AppSyncGateway.Settings(0, upstreamUrl, authority, REGION, List.of("upsertProduct"), "token",
                InetAddress.getLoopbackAddress(), key);
    }

    @AfterEach
    void stop() {
        trusting.close();
        strict.close();
        upstream.stop(0);
    }

    private SignedPost.Answer post(AppSyncGateway gateway, String body, AwsCredentialsIdentity identity, Clock clock)
            throws Exception {
        Map<String, String> headers = SignedPost.sign(gateway.graphQlUrl(), body, identity, REGION, "appsync", clock);
        return SignedPost.send(gateway.graphQlUrl(), headers, body);
    }

    @Test
    void grantedMutation_signedWithTheTrustedKeyWithoutSessionToken_accepted() throws Exception {
        SignedPost.Answer answer = post(trusting, GRANTED,
                AwsCredentialsIdentity.create(KEY.accessKeyId(), KEY.secretAccessKey()), Clock.systemUTC());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("data").path("upsertProduct").path("id").asText()).isEqualTo("1");
        assertThat(forwarded).hasValue(1);
    }

    /** LocalStack hands its functions a session token with their keys; the SDK then signs it too. */
    @Test
    void grantedMutation_signedWithTheTrustedKeyAndASessionToken_accepted() throws Exception {
        SignedPost.Answer answer = post(trusting, GRANTED, AwsSessionCredentialsIdentity.create(KEY.accessKeyId(),
                KEY.secretAccessKey(), "FQoGZXIvYXdzEExampleLocalStackToken"), Clock.systemUTC());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(forwarded).hasValue(1);
    }

    @Test
    void mutationOutsideTheFunctionsGrant_signedWithTheTrustedKey_refusedPerFieldAndNotForwarded() throws Exception {
        SignedPost.Answer answer = post(trusting, NOT_GRANTED,
                AwsCredentialsIdentity.create(KEY.accessKeyId(), KEY.secretAccessKey()), Clock.systemUTC());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errorType()).isEqualTo("Unauthorized");
        assertThat(answer.message()).isEqualTo("Not Authorized to access upsertPublicCategory on type Mutation");
        assertThat(forwarded).hasValue(0);
    }

    @Test
    void trustedKeyId_wrongSecret_refusedAsASignatureMismatch() throws Exception {
        SignedPost.Answer answer = post(trusting, GRANTED,
                AwsCredentialsIdentity.create(KEY.accessKeyId(), "not-the-secret"), Clock.systemUTC());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.errorTypeHeader()).isEqualTo("InvalidSignatureException");
        assertThat(forwarded).hasValue(0);
    }

    @Test
    void trustedKey_signedTenMinutesAgo_refusedAsExpired() throws Exception {
        SignedPost.Answer answer = post(trusting, GRANTED,
                AwsCredentialsIdentity.create(KEY.accessKeyId(), KEY.secretAccessKey()),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.errorTypeHeader()).isEqualTo("InvalidSignatureException");
        assertThat(answer.body().toString()).contains("Signature expired");
        assertThat(forwarded).hasValue(0);
    }

    @Test
    void sameKey_gatewayWithoutTheOption_refusedAsUnrecognized() throws Exception {
        SignedPost.Answer answer = post(strict, GRANTED,
                AwsCredentialsIdentity.create(KEY.accessKeyId(), KEY.secretAccessKey()), Clock.systemUTC());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.errorTypeHeader()).isEqualTo("UnrecognizedClientException");
        assertThat(forwarded).hasValue(0);
    }

    /** Issued credentials still need their own session token on a trusting gateway. */
    @Test
    void issuedKey_onATrustingGatewayWithoutItsToken_stillRefused() throws Exception {
        CredentialsAuthority.IssuedCredentials issued = authority.issue(Duration.ofHours(1));

        SignedPost.Answer answer = post(trusting, GRANTED,
                AwsCredentialsIdentity.create(issued.accessKeyId(), issued.secretAccessKey()), Clock.systemUTC());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.errorTypeHeader()).isEqualTo("UnrecognizedClientException");
    }

    @Test
    void key_badIdOrNoSecret_refusedNamingTheOptionAndTheVariable() {
        assertThatThrownBy(() -> TrustedExternalKey.fromEnvironment("LKIAFUNCTION", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TrustedExternalKey.SECRET_VARIABLE).hasMessageContaining("never on the command");
        assertThatThrownBy(() -> new TrustedExternalKey("ASIA0123456789ABCDEF", "s"))
                .hasMessageContaining("ASIA... keys are the ones this stack issues");
        assertThatThrownBy(() -> new TrustedExternalKey("not a key", "s"))
                .hasMessageContaining("--trust-external-key must be an access key id");
        assertThat(TrustedExternalKey.fromEnvironment("test", Map.of(TrustedExternalKey.SECRET_VARIABLE, "test")))
                .hasToString("TrustedExternalKey[accessKeyId=test]");
    }
}
