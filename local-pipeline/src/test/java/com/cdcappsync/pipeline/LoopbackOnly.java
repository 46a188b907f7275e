package com.cdcappsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;

/** Issue 19 item 8: a started listener answers on 127.0.0.1 and not on this machine's other addresses. */
final class LoopbackOnly {

    private static final int CONNECT_MILLIS = 2000;

    private LoopbackOnly() {
    }

    /** This machine's first IPv4 address that is not loopback, or null when it has none. */
    static InetAddress otherAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(LoopbackOnly::upAndNotLoopback)
                .flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address)
                .findFirst().orElse(null);
    }

    /** {@code port} accepts on 127.0.0.1 and refuses on {@code other}. */
    static void check(String part, int port, InetAddress other) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_MILLIS);
            assertThat(socket.isConnected()).as(part + " on 127.0.0.1:" + port).isTrue();
        }
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(other, port), CONNECT_MILLIS);
            }
        }).as(part + " must not answer on " + other.getHostAddress() + ":" + port).isInstanceOf(IOException.class);
    }

    private static boolean upAndNotLoopback(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
