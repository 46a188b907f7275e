package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code --bind-host} with this machine's own non-loopback IPv4 address (as the docker0 bridge's would be): the
 * AppSync endpoint and the Invoke API answer on it; every internal part still refuses a connection there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BindHostE2ETest {

    private InetAddress address;
    private LocalStack stack;
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws SocketException {
        Optional<InetAddress> found = ownNonLoopbackIpv4();
        Assumptions.assumeTrue(found.isPresent(), "this machine has no non-loopback IPv4 address to bind to "
                + "(NetworkInterface lists none that is up), so a non-loopback bind cannot be tried here");
        address = found.get();
        stack = LocalStack.start(LocalStackOptions.builder().ephemeralPorts().bindHost(address.getHostAddress())
                .progress(progress::add).lambdaLog(line -> { }).build());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Optional<InetAddress> ownNonLoopbackIpv4() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return Optional.of(a);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean accepts(InetAddress host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    @Test
    void appSyncEndpointAndInvokeApi_onTheBindHost_answerThereAndTheUrlsNameIt() throws Exception {
        assertThat(stack.graphQlUrl().getHost()).isEqualTo(address.getHostAddress());
        assertThat(stack.invokeEndpoint().getHost()).isEqualTo(address.getHostAddress());
        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("WARNING: --bind-host "
                + address.getHostAddress()).contains("never on a shared network"));

        SignedPost.Answer unsigned = SignedPost.send(stack.graphQlUrl(), Map.of("Content-Type",
                "application/json"), SignedPost.body("{ __typename }"));
        assertThat(unsigned.status()).as("the gateway answers (and refuses a request without auth)").isEqualTo(401);
        LambdaInvoker.Result invoked = stack.invoker(Duration.ofSeconds(60)).invoke(new ObjectMapper()
                .readTree(RepositoryLayout.locate(null).sample().toFile()));
        assertThat(invoked.status()).as("the connector role invokes the alias through the bind host").isEqualTo(200);
        assertThat(invoked.functionError()).as(invoked.body().toString()).isNull();
    }

    @Test
    void internalParts_onTheBindHost_refuseConnections() throws Exception {
        assertThat(accepts(InetAddress.getLoopbackAddress(), stack.dynamoDbEndpoint().getPort()))
                .as("DynamoDB Local still answers on 127.0.0.1").isTrue();
        try (RuntimeApiServer runtimeApi = RuntimeApiServer.start(new ObjectMapper());
             ConnectorCredentials connector = ConnectorCredentials.serve(stack.credentialsAuthority())) {
            Map<String, Integer> internal = Map.of(
                    "DynamoDB Local", stack.dynamoDbEndpoint().getPort(),
                    "simulator (real-time)", stack.realtimeUrl().getPort(),
                    "live page", stack.livePageUrl().getPort(),
                    "function's credentials endpoint", stack.function().credentialsEndpoint().fullUri().getPort(),
                    "Runtime API", Integer.parseInt(runtimeApi.hostAndPort().split(":")[1]),
                    "connector's credentials endpoint", URI.create(connector.environment()
                            .get("AWS_CONTAINER_CREDENTIALS_FULL_URI")).getPort());
            for (Map.Entry<String, Integer> part : internal.entrySet()) {
                assertThat(accepts(address, part.getValue())).as(part.getKey() + " on " + address).isFalse();
            }
        }
    }

    @Test
    void bindHost_notAnAddressOfThisMachineOrAName_refusedWithTheReason() {
        assertThatThrownBy(() -> BindHost.parse("192.0.2.254")).hasMessageContaining("not an address of this "
                + "machine");
        assertThatThrownBy(() -> BindHost.parse("localhost")).hasMessageContaining("host names are not accepted");
        assertThatThrownBy(() -> BindHost.parse("300.1.1.1")).hasMessageContaining("--bind-host");
        assertThat(BindHost.urlHost(BindHost.parse("0.0.0.0"))).isEqualTo("127.0.0.1");
        assertThat(BindHost.warning(BindHost.parse("127.0.0.1"))).isEmpty();
    }
}
