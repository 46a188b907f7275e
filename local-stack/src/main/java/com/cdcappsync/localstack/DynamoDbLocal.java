package com.cdcappsync.localstack;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local running in this JVM, in memory: {@code -inMemory} (nothing on disk),
 * {@code -sharedDb} (one database whatever the client's keys and region, so the simulator, the launcher and
 * {@code aws dynamodb --endpoint-url} all see the same tables) and {@code -disableTelemetry} (this machine has
 * no network to send it to). The sqlite4java natives come inside the DynamoDBLocal jar. It has no bind-address
 * option and would listen on every interface: {@link #bindToLoopback} sets its Jetty connector to 127.0.0.1 before
 * it starts, as every listener of this project binds (tested by {@code DynamoDbLocalTest}).
 */
public final class DynamoDbLocal implements AutoCloseable {

    /** The keys every local client uses; DynamoDB Local checks none. */
    static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("local", "local");

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocal(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Starts DynamoDB Local on {@code port}.
     *
     * @param port a free TCP port (1-65535)
     * @throws IllegalStateException naming the port and the fix when it cannot start (port taken, natives)
     */
    public static DynamoDbLocal start(int port) {
        String[] args = {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)};
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args);
            bindToLoopback(server);
            server.start();
            return new DynamoDbLocal(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port + ": " + e
                    + ". Fix: free the port or choose another with --dynamodb-port (0 picks a free one).", e);
        }
    }

    /**
     * Sets DynamoDB Local's connectors to 127.0.0.1. Its Jetty server is private ({@code DynamoDBProxyServer.server},
     * built with {@code new Server(port)}, which listens on every interface; DynamoDBLocal 2.6.1, pinned in the parent
     * POM). If a later version renames it, the stack still runs, on every interface, and says so (as the simulator
     * does, simulator.js {@code bindToHost}); {@code DynamoDbLocalTest} then fails.
     */
    private static void bindToLoopback(DynamoDBProxyServer proxy) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            for (Connector connector : ((Server) field.get(proxy)).getConnectors()) {
                if (connector instanceof ServerConnector network) {
                    network.setHost("127.0.0.1");
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("DynamoDB Local: cannot bind to 127.0.0.1 only (" + e + "); listening on every "
                    + "interface");
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A client for this DynamoDB Local (any keys work); close it when done. */
    public DynamoDbClient client() {
        return client(endpoint);
    }

    /** A client for the DynamoDB Local at {@code endpoint}; close it when done. */
    public static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).build())
                .build();
    }

    /** Stops the server; its in-memory tables are gone. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local at " + endpoint + " did not stop cleanly: " + e, e);
        }
    }
}
