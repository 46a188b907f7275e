package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;

/** The SnapStart credentials endpoint, read by the AWS SDK's own ContainerCredentialsProvider. */
class ContainerCredentialsEndpointTest {

    private final MovableClock clock = new MovableClock();
    private final CredentialsAuthority authority = new CredentialsAuthority(clock);
    private final ContainerCredentialsEndpoint endpoint = ContainerCredentialsEndpoint.start(authority,
            new ObjectMapper());
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private int status(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.fullUri()).GET();
        if (token != null) {
            request.header("Authorization", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void fetch_sdkContainerProviderWithTheToken_sessionCredentialsTheAuthorityIssued() {
        String token = endpoint.newEnvironment();
        System.setProperty("aws.containerCredentialsFullUri", endpoint.fullUri().toString());
        System.setProperty("aws.containerAuthorizationToken", token);
        try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().build()) {
            AwsSessionCredentials credentials = (AwsSessionCredentials) provider.resolveCredentials();

            CredentialsAuthority.IssuedCredentials issued = authority.find(credentials.accessKeyId()).orElseThrow();
            assertThat(credentials.secretAccessKey()).isEqualTo(issued.secretAccessKey());
            assertThat(credentials.sessionToken()).isEqualTo(issued.sessionToken());
            assertThat(credentials.expirationTime()).contains(issued.expiration());
        } finally {
            System.clearProperty("aws.containerCredentialsFullUri");
            System.clearProperty("aws.containerAuthorizationToken");
        }
    }

    @Test
    void fetch_wrongOrMissingToken_403() throws Exception {
        endpoint.newEnvironment();

        assertThat(status(null)).isEqualTo(403);
        assertThat(status("not-the-token")).isEqualTo(403);
        assertThat(endpoint.fetches()).isZero();
    }

    @Test
    void fetch_nearExpiry_aNewSetIsIssued() throws Exception {
        String token = endpoint.newEnvironment();
        status(token);
        String first = endpoint.current().accessKeyId();

        clock.advance(Duration.ofMinutes(5));
        status(token);
        assertThat(endpoint.current().accessKeyId()).as("still far from expiry").isEqualTo(first);

        clock.advance(Duration.ofMinutes(10));
        status(token);
        assertThat(endpoint.current().accessKeyId()).isNotEqualTo(first);
        assertThat(authority.find(first)).as("the old set stays valid until it expires, as STS's").isPresent();
    }

    @Test
    void newEnvironment_restore_newTokenAndTheOldOneRefused() throws Exception {
        String before = endpoint.newEnvironment();
        assertThat(status(before)).isEqualTo(200);

        String after = endpoint.newEnvironment();

        assertThat(after).isNotEqualTo(before);
        assertThat(status(before)).isEqualTo(403);
        assertThat(status(after)).isEqualTo(200);
    }

    @Test
    void rotate_restore_freshCredentialsForTheNextFetch() throws Exception {
        String token = endpoint.newEnvironment();
        status(token);
        String beforeRestore = endpoint.current().accessKeyId();

        endpoint.rotate();
        status(token);

        assertThat(endpoint.current().accessKeyId()).isNotEqualTo(beforeRestore);
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
