package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Serves the live storefront page ({@code local-stack/web/}, read in place, so an edit shows on reload) and a
 * generated {@code /config.json} pointing the page at this stack, on 127.0.0.1 only.
 *
 * <p>Only {@code GET} and {@code HEAD}; only files under the web folder whose type is known (HTML, JavaScript,
 * CSS, JSON, images); never a hidden file ({@code .gitignore}), a {@code ..} segment (also percent-encoded) or a
 * symbolic link leading out of the folder. Anything else is 404, so nothing outside the page can be read.
 */
public final class LivePageServer implements AutoCloseable {

    /**
     * What the page reads from {@code config.json}; {@code bin/web-config} writes the same keys for a deployed API.
     *
     * @param graphqlUrl   the GraphQL endpoint the page queries
     * @param realtimeUrl  the real-time endpoint it subscribes on
     * @param apiKey       the API key (public by design: it can read and subscribe, never write)
     * @param realtimeAuth how the page hands the real-time endpoint its authorization ({@link RealtimeAuth})
     * @param websiteId    the Odoo website the page shows (every query names it), a positive integer as text;
     *                     {@value #DEFAULT_WEBSITE_ID} unless the function serves others ({@code WEBSITES})
     */
    public record PageConfig(URI graphqlUrl, URI realtimeUrl, String apiKey, RealtimeAuth realtimeAuth,
                             String websiteId) {

        /** The website the page shows when nothing says otherwise: Odoo's first, the function's default. */
        public static final String DEFAULT_WEBSITE_ID = "1";
        private static final Pattern WEBSITE_ID = Pattern.compile("[1-9][0-9]{0,17}");

        /** @throws IllegalArgumentException when {@code websiteId} is not a positive integer */
        public PageConfig {
            Objects.requireNonNull(websiteId, "websiteId");
            if (!WEBSITE_ID.matcher(websiteId).matches()) {
                throw new IllegalArgumentException("the live page's websiteId must be an Odoo website id (a positive "
                        + "integer, e.g. 1), got '" + websiteId + "'");
            }
        }

        /** The config of a page showing website {@value #DEFAULT_WEBSITE_ID}. */
        public PageConfig(URI graphqlUrl, URI realtimeUrl, String apiKey, RealtimeAuth realtimeAuth) {
            this(graphqlUrl, realtimeUrl, apiKey, realtimeAuth, DEFAULT_WEBSITE_ID);
        }

        /** {@code {"graphqlUrl": ..., "realtimeUrl": ..., "apiKey": ..., "realtimeAuth": ..., "websiteId": ...}}. */
        public byte[] toJson(ObjectMapper mapper) {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("graphqlUrl", graphqlUrl.toString());
            json.put("realtimeUrl", realtimeUrl.toString());
            json.put("apiKey", apiKey);
            json.put("realtimeAuth", realtimeAuth.configName());
            json.put("websiteId", websiteId);
            try {
                return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final String CONFIG_PATH = "/config.json";
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path root;
    private volatile byte[] config;

    private LivePageServer(HttpServer server, Path root, byte[] config) {
        this.server = server;
        this.root = root;
        this.config = config;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
    }

    /** Serves {@code config} from now on (a new API key after a rotation, as {@code bin/web-config} rewrites it). */
    public void config(PageConfig config, ObjectMapper mapper) {
        this.config = config.toJson(mapper);
    }

    /**
     * Serves {@code webDir} and {@code config} on 127.0.0.1:{@code port}.
     *
     * @param port   a free port, or 0 for any
     * @param webDir the page's folder, holding {@code index.html}
     * @throws IllegalStateException when the folder has no index.html
     * @throws UncheckedIOException  naming the port when it cannot bind
     */
    public static LivePageServer start(int port, Path webDir, PageConfig config, ObjectMapper mapper) {
        Path root;
        try {
            root = webDir.toRealPath();
        } catch (IOException e) {
            root = webDir;
        }
        if (!Files.isRegularFile(root.resolve("index.html"))) {
            throw new IllegalStateException("the live page is missing: no " + webDir.resolve("index.html")
                    + ". Fix: run from a complete checkout of the repository (or pass --root).");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            LivePageServer page = new LivePageServer(server, root, config.toJson(mapper));
            server.start();
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the live page on 127.0.0.1:" + port + ": " + e.getMessage()
                    + ". Fix: free the port or choose another with --web-port (0 picks one).", e);
        }
    }

    /** The page's address, {@code http://127.0.0.1:<port>/}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            var headers = exchange.getResponseHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cache-Control", "no-cache");
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                headers.set("Allow", "GET, HEAD");
                HttpResponses.send(exchange, 405, "text/plain; charset=utf-8",
                        "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (CONFIG_PATH.equals(path)) {
                HttpResponses.send(exchange, 200, CONTENT_TYPES.get("json"), config);
                return;
            }
            Optional<Path> file = resolve(root, path);
            if (file.isEmpty()) {
                HttpResponses.send(exchange, 404, "text/plain; charset=utf-8", ("not found: " + path + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpResponses.send(exchange, 200, contentType(file.get()).orElseThrow(), Files.readAllBytes(file.get()));
        }
    }

    /**
     * The file a decoded request path names under {@code root} (a real path), or empty when it names none or
     * must not be served: an empty, hidden ({@code .x}) or {@code ..} segment, a backslash, a colon or NUL, a
     * path leading out of {@code root} (also through a symbolic link), a folder, an unknown type.
     * {@code /} and paths ending in {@code /} mean their {@code index.html}.
     */
    static Optional<Path> resolve(Path root, String path) {
        if (path == null || !path.startsWith("/")) {
            return Optional.empty();
        }
        String relative = (path.endsWith("/") ? path + "index.html" : path).substring(1);
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".") || segment.indexOf('\\') >= 0
                    || segment.indexOf(':') >= 0 || segment.indexOf('\0') >= 0) {
                return Optional.empty();
            }
        }
        try {
            Path file = root.resolve(relative).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file) || contentType(file).isEmpty()) {
                return Optional.empty();
            }
            Path real = file.toRealPath();
            return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        } catch (InvalidPathException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty()
                : Optional.ofNullable(CONTENT_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** Stops serving. */
    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    @Override
    public String toString() {
        return "LivePageServer[" + url() + "]";
    }
}
