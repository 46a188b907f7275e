package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * An Invoke API on a free port in front of a stand-in function, with the stack's credentials authority, and the
 * SDK's own {@link LambdaClient} to call it with (what the connector and the AWS CLI speak).
 */
final class InvokeApiFixture implements AutoCloseable {

    static final String FUNCTION = "f";
    static final String ALIAS_ARN = "arn:aws:lambda:us-east-1:000000000000:function:f:live";

    final CredentialsAuthority authority = new CredentialsAuthority();
    final List<String> log = new CopyOnWriteArrayList<>();
    /** Counted down by the first log line. */
    final CountDownLatch logged = new CountDownLatch(1);
    final InvokeServer server;
    private final List<LambdaClient> clients = new CopyOnWriteArrayList<>();

    InvokeApiFixture(PublishedFunction function) {
        this(function, AsyncInvocations.LAMBDA_RETRY_DELAYS);
    }

    InvokeApiFixture(PublishedFunction function, List<Duration> asyncRetryDelays) {
        FunctionSpec spec = new FunctionSpec(FUNCTION, FunctionSpec.HANDLER, 1024, Duration.ofSeconds(45),
                LambdaMode.SNAPSTART, LocalStack.REGION, Map.of());
        server = InvokeServer.start(new InvokeServer.Settings(0, spec, authority, asyncRetryDelays, line -> {
            log.add(line);
            logged.countDown();
        }),
                function, new ObjectMapper());
    }

    /** Credentials of {@code role}, as the stack issues them. */
    AwsSessionCredentials credentials(CredentialsAuthority.Role role, Duration lifetime) {
        CredentialsAuthority.IssuedCredentials issued = authority.issue(role, lifetime);
        return AwsSessionCredentials.create(issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken());
    }

    /** The connector role's credentials. */
    AwsSessionCredentials connector() {
        return credentials(CredentialsAuthority.Role.CONNECTOR, Duration.ofHours(1));
    }

    /** The SDK's Lambda client at this endpoint, signing with {@code credentials} for us-east-1. */
    LambdaClient client(AwsCredentials credentials) {
        LambdaClient client = LambdaClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create()).build();
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(LambdaClient::close);
        server.close();
    }
}
