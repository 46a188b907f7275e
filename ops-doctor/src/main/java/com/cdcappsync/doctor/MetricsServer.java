package com.cdcappsync.doctor;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the checks in the Prometheus text format. It listens on 127.0.0.1 unless told otherwise
 * ({@code --serve-host}), and a scrape within {@code --serve-cache} of the last run gets that run's result, so that
 * a scrape storm cannot hammer PostgreSQL, Kafka or AppSync.
 */
public final class MetricsServer implements AutoCloseable {

    /** The text format's content type (https://prometheus.io/docs/instrumenting/exposition_formats/). */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Listens on {@code host:port} (port 0: a free one).
     *
     * @param cacheFor how long one run of the checks answers the scrapes that follow (zero: every scrape runs them)
     * @throws IllegalArgumentException when {@code host} is not an address of this machine's resolver
     * @throws UncheckedIOException     when it cannot listen there (port taken, address not local)
     */
    public static MetricsServer start(String host, int port, Duration cacheFor, Supplier<List<Finding>> checks) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--serve-host " + host + ": unknown host; give an address of this "
                    + "machine, e.g. 127.0.0.1 (the default) or 0.0.0.0 (every interface)", e);
        }
        Supplier<List<Finding>> cached = new Cache(checks, cacheFor, System::nanoTime);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
            server.createContext("/metrics", exchange -> {
                try (exchange) {
                    byte[] body = Report.prometheus(cached.get()).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
            return new MetricsServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("--serve " + port + " --serve-host " + host + ": cannot listen: "
                    + e.getMessage() + " (choose a free port and an address of this machine)", e);
        }
    }

    /** The address it listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Where to scrape it from this machine. */
    public URI url() {
        InetAddress bound = server.getAddress().getAddress();
        String host = bound.isAnyLocalAddress() ? "127.0.0.1"
                : bound instanceof Inet6Address ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + "/metrics");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The last run of the checks, while younger than {@code ttl}; one run at a time. */
    static final class Cache implements Supplier<List<Finding>> {
        private final Supplier<List<Finding>> checks;
        private final long ttlNanos;
        private final LongSupplier nanoTime;
        private List<Finding> last;
        private long lastAt;

        Cache(Supplier<List<Finding>> checks, Duration ttl, LongSupplier nanoTime) {
            this.checks = checks;
            this.ttlNanos = ttl.toNanos();
            this.nanoTime = nanoTime;
        }

        @Override
        public synchronized List<Finding> get() {
            long now = nanoTime.getAsLong();
            if (last == null || now - lastAt >= ttlNanos) {
                last = List.copyOf(checks.get());
                lastAt = now;
            }
            return last;
        }
    }
}
