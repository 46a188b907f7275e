package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Issue 19 item 8: every listener the project starts binds to 127.0.0.1; DynamoDB Local has no option for it. */
class DynamoDbLocalTest {

    @Test
    void start_anyPort_answersOnLoopbackOnly() throws IOException {
        int port = StartedParts.freeLoopbackPort();
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.start(port); DynamoDbClient client = dynamoDb.client()) {
            assertThat(client.listTables().tableNames()).isEmpty();

            InetAddress other = nonLoopbackAddress();
            assumeThat(other).as("this machine has an address besides loopback").isNotNull();
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(other, port), 2000);
                }
            }).as("DynamoDB Local reachable on " + other).isInstanceOf(IOException.class);
        }
    }

    private static InetAddress nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(DynamoDbLocalTest::upAndNotLoopback)
                .flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address)
                .findFirst().orElse(null);
    }

    private static boolean upAndNotLoopback(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
