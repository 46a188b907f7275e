package com.cdcappsync.localstack;

import java.net.InetAddress;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The local stack's port and bind-host options, shared (as a picocli mixin) by every command line that starts a stack:
 * {@code bin/local-stack} and {@code bin/local-pipeline}. Unset options keep {@link LocalStackOptions}' defaults.
 */
public final class StackPorts {

    private static final int MAX_PORT = 65_535;

    @Option(names = "--dynamodb-port", paramLabel = "N", description = "DynamoDB Local's port (default 8000; "
            + "0 = any free port)")
    Integer dynamoDbPort;

    @Option(names = "--graphql-port", paramLabel = "N", description = "the AppSync endpoint's port (GraphQL; "
            + "the simulator's real-time endpoint takes the next one) (default 20002; 0 = any)")
    Integer graphQlPort;

    @Option(names = "--invoke-port", paramLabel = "N", description = "the Lambda Invoke API's port (default 9001; "
            + "0 = any)")
    Integer invokePort;

    @Option(names = "--web-port", paramLabel = "N", description = "the live product page's port (default 9002; "
            + "0 = any)")
    Integer webPort;

    @Option(names = "--bind-host", paramLabel = "ADDRESS", description = "where the AppSync endpoint (GraphQL) and "
            + "the Invoke API listen, for Docker containers: an IP address of this machine (e.g. the docker0 "
            + "bridge's) or 0.0.0.0 (default 127.0.0.1; every other part stays on 127.0.0.1)")
    String bindHost;

    private InetAddress bindAddress;

    /** Adds a problem for each port outside 0-65535 and for a bind host that is not an address of this machine. */
    public void check(List<String> problems) {
        if (bindHost != null) {
            try {
                bindAddress = BindHost.parse(bindHost);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        range(problems, "--dynamodb-port", dynamoDbPort);
        range(problems, "--graphql-port", graphQlPort);
        range(problems, "--invoke-port", invokePort);
        range(problems, "--web-port", webPort);
    }

    /** Sets the ports that were given on {@code builder}. */
    public LocalStackOptions.Builder applyTo(LocalStackOptions.Builder builder) {
        if (dynamoDbPort != null) {
            builder.dynamoDbPort(dynamoDbPort);
        }
        if (graphQlPort != null) {
            builder.graphQlPort(graphQlPort);
        }
        if (invokePort != null) {
            builder.invokePort(invokePort);
        }
        if (webPort != null) {
            builder.webPort(webPort);
        }
        if (bindAddress != null) {
            builder.bindHost(bindAddress);
        }
        return builder;
    }

    private static void range(List<String> problems, String option, Integer value) {
        if (value != null && (value < 0 || value > MAX_PORT)) {
            problems.add(option + " must be a number from 0 to " + MAX_PORT + ", got '" + value + "'");
        }
    }
}
