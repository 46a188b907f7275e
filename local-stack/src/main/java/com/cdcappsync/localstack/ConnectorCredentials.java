package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The connector role's credentials for a process outside the stack (the Kafka Connect worker that runs the Lambda
 * sink, the AWS CLI), handed over as AWS hands credentials to a container: a container credentials endpoint
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} + {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}), which the AWS SDK's
 * default credentials chain reads, and which Confluent's connector uses through its default
 * {@code aws.credentials.provider.class} (the SDK's default chain). Credentials rotate before they expire; nothing
 * long-lived is written anywhere.
 */
public final class ConnectorCredentials implements AutoCloseable {

    private final ContainerCredentialsEndpoint endpoint;
    private final String token;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ConnectorCredentials(ContainerCredentialsEndpoint endpoint) {
        this.endpoint = endpoint;
        this.token = endpoint.newEnvironment();
    }

    /** Serves the connector role's credentials from {@code authority} on a free loopback port. */
    public static ConnectorCredentials serve(CredentialsAuthority authority) {
        return new ConnectorCredentials(ContainerCredentialsEndpoint.start(authority,
                CredentialsAuthority.Role.CONNECTOR, new ObjectMapper()));
    }

    /** The variables that point the SDK's default chain at this endpoint. */
    public Map<String, String> environment() {
        return Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.fullUri().toString(),
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", token);
    }

    /** How many times a process fetched credentials here. */
    public int fetches() {
        return endpoint.fetches();
    }

    /** Stops serving; a second call does nothing (a shutdown hook and a finally block may both close it). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            endpoint.close();
        }
    }

    @Override
    public String toString() {
        return "ConnectorCredentials[" + endpoint.fullUri() + "]";
    }
}
