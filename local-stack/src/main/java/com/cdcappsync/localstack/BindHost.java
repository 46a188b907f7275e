package com.cdcappsync.localstack;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the listeners a container must reach bind ({@code --bind-host}): the AppSync endpoint (GraphQL, which the
 * function in LocalStack calls, path B) and the Lambda Invoke API (which a Connect worker in Docker calls, path C).
 * Every other part (the simulator and its real-time endpoint, DynamoDB Local, the Runtime API, the credentials
 * endpoints, the live page) stays on 127.0.0.1: nothing outside this machine needs them.
 */
public final class BindHost {

    /** The default: this machine only. */
    public static final String DEFAULT = "127.0.0.1";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private BindHost() {
    }

    /**
     * Reads {@code --bind-host}: an IP literal (never a name: a name may resolve elsewhere tomorrow) that is
     * 0.0.0.0 ({@code ::}), a loopback address or an address of one of this machine's interfaces.
     *
     * @throws IllegalArgumentException naming the option, what is expected and the fix
     */
    public static InetAddress parse(String value) {
        String text = value == null ? "" : value.strip();
        boolean ipv4 = IPV4.matcher(text).matches();
        if (!ipv4 && !IPV6.matcher(text).matches()) {
            throw new IllegalArgumentException("--bind-host must be an IP address of this machine (e.g. the Docker "
                    + "bridge's, `ip -4 addr show docker0`), 127.0.0.1 or 0.0.0.0, got '" + value + "': host names "
                    + "are not accepted");
        }
        InetAddress address;
        try {
            // A literal: getByName parses it without a lookup.
            address = InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind-host '" + value + "' is not a valid IP address: "
                    + e.getMessage());
        }
        if (ipv4 && !address.getHostAddress().equals(canonicalIpv4(text))) {
            throw new IllegalArgumentException("--bind-host '" + value + "' is not a valid IPv4 address");
        }
        if (!address.isAnyLocalAddress() && !address.isLoopbackAddress() && !onThisMachine(address)) {
            throw new IllegalArgumentException("--bind-host " + text + " is not an address of this machine, so "
                    + "nothing can listen on it; give one of its interfaces' addresses (`ip -4 addr`), 127.0.0.1 "
                    + "or 0.0.0.0");
        }
        return address;
    }

    private static String canonicalIpv4(String text) {
        String[] parts = text.split("\\.");
        StringBuilder canonical = new StringBuilder();
        for (String part : parts) {
            canonical.append(canonical.isEmpty() ? "" : ".").append(Integer.parseInt(part));
        }
        return canonical.toString();
    }

    private static boolean onThisMachine(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /**
     * The warning to print when {@code address} is not loopback: the stack then answers whoever reaches that
     * network, with what the CredentialsAuthority issued (and a trusted external key) as the only barrier.
     */
    public static Optional<String> warning(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.empty();
        }
        String where = address.isAnyLocalAddress() ? "every network this machine is on" : "the network of "
                + address.getHostAddress();
        return Optional.of("WARNING: --bind-host " + address.getHostAddress() + ": the AppSync endpoint and the "
                + "Invoke API answer anyone on " + where + ", not only this machine. Use it for Docker containers "
                + "on this machine only (the docker0 bridge's address), never on a shared network; the other "
                + "parts stay on 127.0.0.1.");
    }

    /**
     * The host to put in the URLs the stack prints and hands out: the bound address, or 127.0.0.1 when bound to
     * every address (0.0.0.0 is not an address a client can call).
     */
    public static String urlHost(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return DEFAULT;
        }
        String host = address.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
