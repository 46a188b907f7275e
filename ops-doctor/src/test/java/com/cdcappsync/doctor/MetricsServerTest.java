package com.cdcappsync.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issue 19 item 8: {@code --serve} listens on 127.0.0.1 unless told otherwise, and a scrape storm runs one check. */
class MetricsServerTest {

    private final AtomicInteger runs = new AtomicInteger();

    private List<Finding> checks() {
        runs.incrementAndGet();
        return List.of(Finding.of("postgres.slot", Status.OK, "run " + runs.get()));
    }

    @Test
    void options_noServeHostOrCache_loopbackAndFifteenSeconds() {
        DoctorOptions options = SecretsTest.options("--serve", "0");

        assertThat(options.serveHost()).isEqualTo("127.0.0.1");
        assertThat(options.serveCache()).isEqualTo(Duration.ofSeconds(15));
        assertThat(SecretsTest.options("--serve-host", "0.0.0.0", "--serve-cache", "PT1M").serveHost())
                .isEqualTo("0.0.0.0");
    }

    @Test
    void options_negativeCache_failsNamingTheOption() {
        assertThatThrownBy(() -> SecretsTest.options("--serve-cache", "-PT1S").serveCache())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--serve-cache must be PT0S or more");
    }

    @Test
    void start_defaultHost_listensOnLoopbackOnly() throws IOException {
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, Duration.ZERO, this::checks)) {
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(server.url().getHost()).isEqualTo("127.0.0.1");

            InetAddress other = nonLoopbackAddress();
            assumeThat(other).as("this machine has an address besides loopback").isNotNull();
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(other, server.address().getPort()), 2000);
                }
            }).isInstanceOf(IOException.class);
        }
    }

    @Test
    void start_unknownHost_failsNamingTheOption() {
        assertThatThrownBy(() -> MetricsServer.start("no-such-host.invalid", 0, Duration.ZERO, this::checks))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--serve-host no-such-host.invalid");
    }

    @Test
    void scrape_twiceWithinTheCache_runsTheChecksOnce() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, Duration.ofMinutes(5), this::checks)) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(server.url()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(scrape.statusCode()).isEqualTo(200);
                assertThat(scrape.body()).contains("cdc_doctor_check_status");
            }
        }

        assertThat(runs).hasValue(1);
    }

    @Test
    void cache_afterTheInterval_runsTheChecksAgain() {
        AtomicLong now = new AtomicLong();
        MetricsServer.Cache cache = new MetricsServer.Cache(this::checks, Duration.ofSeconds(15), now::get);

        cache.get();
        now.addAndGet(Duration.ofSeconds(14).toNanos());
        cache.get();
        assertThat(runs).hasValue(1);
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(cache.get()).extracting(Finding::detail).containsExactly("run 2");
    }

    @Test
    void cache_zero_runsTheChecksOnEveryScrape() {
        MetricsServer.Cache cache = new MetricsServer.Cache(this::checks, Duration.ZERO, () -> 0L);

        cache.get();
        cache.get();

        assertThat(runs).hasValue(2);
    }

    private static InetAddress nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(n -> {
            try {
                return n.isUp() && !n.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof java.net.Inet4Address)
                .findFirst().orElse(null);
    }
}
