package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** The SigV4 checks one by one, on a clock the test moves (no stack, no network). */
class SigV4VerifierTest {

    private static final URI ENDPOINT = URI.create("http://127.0.0.1:20002/graphql");
    private static final String BODY =
            SignedPost.body("mutation { upsertProduct(input: {id: \"1\", version: \"1\"}) { id } }");

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final CredentialsAuthority authority = new CredentialsAuthority(clock);
    private final SigV4Verifier verifier = new SigV4Verifier(authority, "us-east-1");
    private final CredentialsAuthority.IssuedCredentials issued = authority.issue(Duration.ofHours(1));

    private Map<String, List<String>> signed(Clock signingClock, String token) {
        AwsSessionCredentialsIdentity identity = AwsSessionCredentialsIdentity.create(issued.accessKeyId(),
                issued.secretAccessKey(), token);
        Map<String, List<String>> headers = new HashMap<>();
        SignedPost.sign(ENDPOINT, BODY, identity, "us-east-1", "appsync", signingClock)
                .forEach((name, value) -> headers.put(name.toLowerCase(), List.of(value)));
        headers.put("host", List.of("127.0.0.1:20002"));
        return headers;
    }

    /** Empty when the signature holds, else the refusal {@link SigV4Verifier#authenticate} throws. */
    private Optional<AppSyncRefusal> verify(Map<String, List<String>> headers) {
        try {
            verifier.authenticate(new SigV4Verifier.Request("POST", ENDPOINT, headers,
                    BODY.getBytes(StandardCharsets.UTF_8)));
            return Optional.empty();
        } catch (SigV4Verifier.Refused e) {
            return Optional.of(e.refusal());
        }
    }

    @Test
    void verify_signedWithIssuedCredentials_accepted() {
        assertThat(verify(signed(clock, issued.sessionToken()))).isEmpty();
    }

    @Test
    void verify_fourMinutesLate_stillAccepted() {
        Map<String, List<String>> headers = signed(clock, issued.sessionToken());
        clock.now = clock.now.plus(Duration.ofMinutes(4));

        assertThat(verify(headers)).isEmpty();
    }

    @Test
    void verify_signedSixMinutesInTheFuture_notYetCurrent() {
        Map<String, List<String>> headers = signed(Clock.offset(clock, Duration.ofMinutes(6)), issued.sessionToken());

        assertThat(verify(headers)).get().extracting(AppSyncRefusal::message).asString()
                .startsWith("Signature not yet current: 20260301T120600Z is still later than 20260301T120500Z "
                        + "(20260301T120000Z + 5 min.)");
    }

    @Test
    void verify_credentialsExpiredSinceSigning_expiredToken() {
        clock.now = issued.expiration().minusSeconds(60);
        Map<String, List<String>> headers = signed(clock, issued.sessionToken());
        clock.now = issued.expiration();

        assertThat(verify(headers)).contains(AppSyncRefusal.expiredToken());
    }

    @Test
    void verify_otherSessionToken_unrecognizedClient() {
        Optional<AppSyncRefusal> refusal = verify(signed(clock, "another-token"));

        assertThat(refusal).get().extracting(AppSyncRefusal::errorType).isEqualTo("UnrecognizedClientException");
        assertThat(refusal.get().status()).isEqualTo(403);
    }

    @Test
    void verify_accessKeyNeverIssued_unrecognizedClient() {
        Map<String, List<String>> headers = signed(clock, issued.sessionToken());
        headers.put("authorization", List.of(headers.get("authorization").getFirst()
                .replace(issued.accessKeyId(), "ASIAUNKNOWN")));

        assertThat(verify(headers)).get().extracting(AppSyncRefusal::message).asString()
                .contains("access key ASIAUNKNOWN was not issued by this stack");
    }

    @Test
    void verify_hostNotSigned_invalidSignature() {
        Map<String, List<String>> headers = signed(clock, issued.sessionToken());
        headers.put("authorization", List.of(headers.get("authorization").getFirst().replace("host;", "")));

        assertThat(verify(headers)).get().extracting(AppSyncRefusal::message)
                .isEqualTo("'Host' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void verify_noXAmzDate_incompleteSignature() {
        Map<String, List<String>> headers = signed(clock, issued.sessionToken());
        headers.remove("x-amz-date");

        assertThat(verify(headers)).get().extracting(AppSyncRefusal::errorType)
                .isEqualTo("IncompleteSignatureException");
    }

    @Test
    void verify_headerWithoutSignature_incompleteSignatureNamesThePart() {
        Map<String, List<String>> headers = signed(clock, issued.sessionToken());
        String authorization = headers.get("authorization").getFirst();
        headers.put("authorization", List.of(authorization.substring(0, authorization.indexOf(", Signature="))));

        assertThat(verify(headers)).get().extracting(AppSyncRefusal::message).asString()
                .startsWith("Authorization header requires 'Signature' parameter.");
    }

    @Test
    void verify_scopeDateNotTheSigningDay_invalidSignature() {
        Map<String, List<String>> headers = signed(clock, issued.sessionToken());
        headers.put("authorization", List.of(headers.get("authorization").getFirst().replace("/20260301/",
                "/20260228/")));

        assertThat(verify(headers)).get().extracting(AppSyncRefusal::message).asString()
                .startsWith("Date in Credential scope does not match YYYYMMDD");
    }
}
