package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stack's GraphQL URL is as strict as AppSync: SigV4 verified against the credentials the stack issued, the
 * function's IAM grant enforced per field, the API key refused on IAM-only mutations, unsigned requests refused,
 * each with AppSync's status and error shape. Real stack: the gateway in front of the real simulator.
 */
class AppSyncGatewayE2ETest extends StackPerClassTest {

    private static final String REGION = LocalStack.REGION;

    private URI endpoint() {
        return e2e.stack.graphQlUrl();
    }

    private static String upsertPublicCategory(int id, long version) {
        return SignedPost.body("mutation { upsertPublicCategory(input: {id: \"" + id + "\", version: \"" + version
                + "\", name: \"Signed\"}) { id version name } }");
    }

    private AwsSessionCredentialsIdentity issued() {
        CredentialsAuthority.IssuedCredentials c = e2e.stack.credentialsAuthority().issue(Duration.ofMinutes(10));
        return AwsSessionCredentialsIdentity.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    private SignedPost.Answer post(String body, AwsCredentialsIdentity identity, String region, String service)
            throws Exception {
        return SignedPost.send(endpoint(), SignedPost.sign(endpoint(), body, identity, region, service,
                Clock.systemUTC()), body);
    }

    @Test
    void signedMutation_issuedCredentials_runsAndTheWriteLands() throws Exception {
        SignedPost.Answer answer = post(upsertPublicCategory(701, 5), issued(), REGION, "appsync");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("errors").isMissingNode()).as("%s", answer.body()).isTrue();
        assertThat(answer.body().path("data").path("upsertPublicCategory").path("name").asText()).isEqualTo("Signed");
        Map<String, AttributeValue> item = e2e.item("PublicCategory", 701);
        assertThat(item.get("name").s()).isEqualTo("Signed");
        assertThat(item.get("version").n()).isEqualTo("5");
        e2e.nextMessage("onUpsertPublicCategory", 701);
    }

    @Test
    void wrongSecret_refused403InvalidSignature_nothingWritten() throws Exception {
        AwsSessionCredentialsIdentity good = issued();
        AwsSessionCredentialsIdentity forged = AwsSessionCredentialsIdentity.create(good.accessKeyId(),
                "not-the-issued-secret", good.sessionToken());

        SignedPost.Answer answer = post(upsertPublicCategory(702, 5), forged, REGION, "appsync");

        assertRefused(answer, 403, "InvalidSignatureException", "The request signature we calculated does not "
                + "match the signature you provided.");
        assertThat(e2e.item("PublicCategory", 702)).isEmpty();
    }

    @Test
    void expiredCredentials_refused403ExpiredToken() throws Exception {
        CredentialsAuthority.IssuedCredentials c = e2e.stack.credentialsAuthority().issue(Duration.ofNanos(1));
        AwsSessionCredentialsIdentity expired = AwsSessionCredentialsIdentity.create(c.accessKeyId(),
                c.secretAccessKey(), c.sessionToken());

        SignedPost.Answer answer = post(upsertPublicCategory(703, 5), expired, REGION, "appsync");

        assertRefused(answer, 403, "ExpiredTokenException", "The security token included in the request is expired");
        assertThat(e2e.item("PublicCategory", 703)).isEmpty();
    }

    @Test
    void missingSessionToken_refused403UnrecognizedClient() throws Exception {
        AwsSessionCredentialsIdentity good = issued();
        AwsCredentialsIdentity withoutToken = AwsCredentialsIdentity.create(good.accessKeyId(),
                good.secretAccessKey());

        SignedPost.Answer answer = post(upsertPublicCategory(704, 5), withoutToken, REGION, "appsync");

        assertRefused(answer, 403, "UnrecognizedClientException", "The security token included in the request is "
                + "invalid.");
        assertThat(answer.message()).contains("X-Amz-Security-Token");
    }

    @Test
    void wrongRegion_refused403InvalidSignature() throws Exception {
        SignedPost.Answer answer = post(upsertPublicCategory(705, 5), issued(), "eu-west-1", "appsync");

        assertRefused(answer, 403, "InvalidSignatureException", "Credential should be scoped to a valid region, "
                + "not 'eu-west-1'.");
    }

    @Test
    void wrongService_refused403InvalidSignature() throws Exception {
        SignedPost.Answer answer = post(upsertPublicCategory(706, 5), issued(), REGION, "execute-api");

        assertRefused(answer, 403, "InvalidSignatureException", "Credential should be scoped to correct service: "
                + "'appsync'.");
    }

    @Test
    void signedLongAgo_refused403SignatureExpired() throws Exception {
        String body = upsertPublicCategory(707, 5);
        Clock sixMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6));

        SignedPost.Answer answer = SignedPost.send(endpoint(), SignedPost.sign(endpoint(), body, issued(), REGION,
                "appsync", sixMinutesAgo), body);

        assertRefused(answer, 403, "InvalidSignatureException", "Signature expired: ");
        assertThat(answer.message()).endsWith(" - 5 min.)");
    }

    @Test
    void bodyChangedAfterSigning_refused403PayloadHash_nothingWritten() throws Exception {
        Map<String, String> headers = SignedPost.sign(endpoint(), upsertPublicCategory(708, 5), issued(), REGION,
                "appsync", Clock.systemUTC());

        SignedPost.Answer answer = SignedPost.send(endpoint(), headers, upsertPublicCategory(708, 999_999));

        assertRefused(answer, 403, "InvalidSignatureException", "The provided 'x-amz-content-sha256' header does "
                + "not match what was computed.");
        assertThat(e2e.item("PublicCategory", 708)).isEmpty();
    }

    @Test
    void bodyChangedAfterSigning_withoutPayloadHashHeader_refused403SignatureMismatch() throws Exception {
        String body = upsertPublicCategory(712, 5);
        Map<String, String> headers = new HashMap<>(SignedPost.sign(endpoint(), body, issued(), REGION, "appsync",
                Clock.systemUTC()));
        String authorization = headers.get("Authorization");
        headers.put("Authorization", authorization.replace(";x-amz-content-sha256", ""));
        headers.remove("x-amz-content-sha256");

        SignedPost.Answer answer = SignedPost.send(endpoint(), headers, upsertPublicCategory(712, 999_999));

        assertRefused(answer, 403, "InvalidSignatureException", "The request signature we calculated does not match");
        assertThat(e2e.item("PublicCategory", 712)).isEmpty();
    }

    @Test
    void unsignedRequest_refused401Unauthorized() throws Exception {
        SignedPost.Answer answer = SignedPost.send(endpoint(), Map.of("content-type", "application/json"),
                upsertPublicCategory(709, 5));

        assertRefused(answer, 401, "UnauthorizedException", "Valid authorization header not provided.");
        assertThat(e2e.item("PublicCategory", 709)).isEmpty();
    }

    @Test
    void unsignedRequestFromAPage_refusalReadableAcrossOrigins() throws Exception {
        SignedPost.Answer answer = SignedPost.send(endpoint(), Map.of("content-type", "application/json",
                "Origin", "http://127.0.0.1:9002"), upsertPublicCategory(713, 5));

        assertRefused(answer, 401, "UnauthorizedException", "Valid authorization header not provided.");
        assertThat(answer.allowOrigin()).isEqualTo("*");
    }

    @Test
    void mutationWithTheApiKey_refusedByTheIamOnlyDirective() throws Exception {
        SignedPost.Answer answer = SignedPost.send(endpoint(), Map.of("content-type", "application/json",
                "x-api-key", e2e.stack.apiKey()), upsertPublicCategory(710, 5));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("data").path("upsertPublicCategory").isNull()).as("%s", answer.body()).isTrue();
        assertThat(answer.errorType()).isEqualTo("Unauthorized");
        assertThat(answer.message()).isEqualTo("Not Authorized to access upsertPublicCategory on type Mutation");
        assertThat(e2e.item("PublicCategory", 710)).isEmpty();
    }

    @Test
    void queryWithIam_outsideTheGrant_refusedPerField() throws Exception {
        SignedPost.Answer answer = post(SignedPost.body("{ listProducts(websiteId: \"1\") { items { id } }"
                + " }"), issued(), REGION,
                "appsync");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("data").has("listProducts")).isTrue();
        assertThat(answer.body().path("data").path("listProducts").isNull()).isTrue();
        assertThat(answer.errorType()).isEqualTo("Unauthorized");
        assertThat(answer.message()).isEqualTo("Not Authorized to access listProducts on type Query");
        assertThat(answer.body().path("errors").path(0).path("path").path(0).asText()).isEqualTo("listProducts");
    }

    @Test
    void mutationSignedByTheConnectorRole_refusedPerFieldAndNotRun() throws Exception {
        // The connector's role may invoke the function; it has no AppSync grant at all (infra-cdk ConnectorAccess).
        CredentialsAuthority.IssuedCredentials c = e2e.stack.credentialsAuthority()
                .issue(CredentialsAuthority.Role.CONNECTOR, Duration.ofMinutes(10));
        SignedPost.Answer answer = post(upsertPublicCategory(721, 1), AwsSessionCredentialsIdentity.create(
                c.accessKeyId(), c.secretAccessKey(), c.sessionToken()), REGION, "appsync");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errorType()).isEqualTo("Unauthorized");
        assertThat(answer.message()).isEqualTo("Not Authorized to access upsertPublicCategory on type Mutation");
        assertThat(answer.body().path("data").path("upsertPublicCategory").isNull()).isTrue();
        assertThat(e2e.item("PublicCategory", 721)).isEmpty();
    }

    @Test
    void mutationOutsideANarrowerGrant_refusedPerFieldAndNotRun() throws Exception {
        SimulatorProcess simulator = e2e.stack.simulator();
        try (AppSyncGateway narrow = AppSyncGateway.start(new AppSyncGateway.Settings(0, simulator.graphQlUrl(),
                e2e.stack.credentialsAuthority(), REGION, List.of("upsertProduct"), simulator.gatewayToken(),
                InetAddress.getLoopbackAddress(), null),
                new ObjectMapper())) {
            String body = SignedPost.body("mutation { granted: upsertProduct(input: {id: \"711\", "
                    + "version: \"1\"}) { id } upsertPublicCategory(input: {id: \"711\", version: \"1\"}) { id } }");
            SignedPost.Answer answer = SignedPost.send(narrow.graphQlUrl(), SignedPost.sign(narrow.graphQlUrl(), body,
                    issued(), REGION, "appsync", Clock.systemUTC()), body);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("errors")).hasSize(1);
            assertThat(answer.message()).isEqualTo("Not Authorized to access upsertPublicCategory on type Mutation");
            assertThat(answer.body().path("errors").path(0).path("errorType").asText()).isEqualTo("Unauthorized");
            Map<String, Object> data = new ObjectMapper().convertValue(answer.body().path("data"), HashMap.class);
            assertThat(data).containsOnlyKeys("granted", "upsertPublicCategory").containsValues((Object) null);
        }
        assertThat(e2e.item("PublicCategory", 711)).isEmpty();
        assertThat(e2e.item("Product", 711)).isEmpty();
    }

    @Test
    void simulatorBehindTheGateway_requestAroundIt_refused() throws Exception {
        URI simulator = e2e.stack.simulator().graphQlUrl();
        String body = upsertPublicCategory(714, 5);

        SignedPost.Answer answer = SignedPost.send(simulator, SignedPost.sign(simulator, body, issued(), REGION,
                "appsync", Clock.systemUTC()), body);

        assertRefused(answer, 403, "UnauthorizedException", "local stack: send GraphQL requests to the AppSync "
                + "endpoint the launcher prints");
        assertThat(e2e.item("PublicCategory", 714)).isEmpty();
    }

    @Test
    void emptyBody_signed_refused400Malformed() throws Exception {
        SignedPost.Answer answer = post("", issued(), REGION, "appsync");

        assertRefused(answer, 400, "MalformedHttpRequestException", "Request body is empty.");
    }

    private static void assertRefused(SignedPost.Answer answer, int status, String errorType, String messageStart) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(answer.errorType()).isEqualTo(errorType);
        assertThat(answer.errorTypeHeader()).isEqualTo(errorType);
        assertThat(answer.message()).startsWith(messageStart);
        assertThat(answer.body().path("errors")).hasSize(1);
    }
}
