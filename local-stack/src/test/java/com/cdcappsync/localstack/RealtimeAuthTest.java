package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both real-time handshakes, as the Java client and the page build them: the subprotocol form
 * ({@code graphql-ws, header-<base64url>}) that AppSync documents today, and the query form the simulator reads.
 * The WebSocket upgrade is caught by a plain HTTP server, which records what the client sent and refuses it.
 */
class RealtimeAuthTest {

    private static final String GRAPHQL = "https://abc.appsync-api.eu-west-1.amazonaws.com/graphql";
    /** A key whose base64 has '+', '/' and padding, so that base64url and "no padding" are really exercised. */
    private static final String API_KEY = "da2-x?>>~";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpServer server;
    private final CompletableFuture<HttpExchange> upgrade = new CompletableFuture<>();
    private final CompletableFuture<List<String>> protocols = new CompletableFuture<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                protocols.complete(exchange.getRequestHeaders().getOrDefault("Sec-WebSocket-Protocol", List.of()));
                upgrade.complete(exchange);
                exchange.sendResponseHeaders(400, -1);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI realtime() {
        return URI.create("ws://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
    }

    private static JsonNode expectedAuthorization() {
        return MAPPER.createObjectNode().put("host", URI.create(GRAPHQL).getAuthority()).put("x-api-key", API_KEY);
    }

    @Test
    void connect_subprotocolForm_headerTravelsAsBase64UrlSubprotocol() throws Exception {
        assertThatThrownBy(() -> RealtimeClient.connect(realtime(), URI.create(GRAPHQL), API_KEY,
                RealtimeAuth.SUBPROTOCOL, Duration.ofSeconds(5))).isInstanceOf(IllegalStateException.class);

        List<String> offered = List.of(String.join(",", protocols.get(5, TimeUnit.SECONDS)).split(",")).stream()
                .map(String::trim).toList();
        assertThat(offered).hasSize(2);
        assertThat(offered.getFirst()).isEqualTo("graphql-ws");
        String encoded = offered.get(1).substring("header-".length());
        assertThat(offered.get(1)).startsWith("header-");
        assertThat(encoded).doesNotContain("=", "+", "/");
        assertThat(MAPPER.readTree(Base64.getUrlDecoder().decode(encoded))).isEqualTo(expectedAuthorization());
        assertThat(upgrade.get().getRequestURI().getRawQuery()).isNull();
    }

    @Test
    void connect_queryForm_headerAndPayloadInTheQuery() throws Exception {
        assertThatThrownBy(() -> RealtimeClient.connect(realtime(), URI.create(GRAPHQL), API_KEY,
                RealtimeAuth.QUERY, Duration.ofSeconds(5))).isInstanceOf(IllegalStateException.class);

        assertThat(protocols.get(5, TimeUnit.SECONDS)).containsExactly("graphql-ws");
        String query = upgrade.get().getRequestURI().getRawQuery();
        assertThat(query).endsWith("&payload=e30=").startsWith("header=");
        String header = query.substring("header=".length(), query.indexOf("&payload="));
        assertThat(MAPPER.readTree(Base64.getDecoder().decode(URLDecoder.decode(header,
                StandardCharsets.UTF_8)))).isEqualTo(expectedAuthorization());
    }

    @Test
    void realtimeSocketArgs_page_sameHandshakeAsTheJavaClientForBothForms() throws Exception {
        String authorization = expectedAuthorization().toString();
        String realtimeUrl = "wss://abc.appsync-realtime-api.eu-west-1.amazonaws.com/graphql";
        for (RealtimeAuth auth : RealtimeAuth.values()) {
            JsonNode page = pageArgs(realtimeUrl, auth);

            assertThat(page.get("protocols")).as(auth.name())
                    .isEqualTo(MAPPER.valueToTree(auth.subprotocols(authorization)));
            assertThat(page.get("url").asText()).as(auth.name()).isEqualTo(auth.url(realtimeUrl, authorization));
        }
    }

    @Test
    void realtimeSocketArgs_noRealtimeAuthInConfig_theSubprotocolForm() throws Exception {
        JsonNode page = pageArgs("wss://x/graphql", null);

        assertThat(page.get("protocols")).hasSize(2);
        assertThat(page.get("protocols").get(1).asText()).startsWith("header-");
    }

    /** Runs the page's own appsync.js in Node.js and returns realtimeSocketArgs(config). */
    private static JsonNode pageArgs(String realtimeUrl, RealtimeAuth auth) throws Exception {
        Path web = RepositoryLayout.locate(null).webDir();
        String config = MAPPER.createObjectNode().put("graphqlUrl", GRAPHQL).put("realtimeUrl", realtimeUrl)
                .put("apiKey", API_KEY).put("realtimeAuth", auth == null ? null : auth.configName()).toString();
        String script = "import { realtimeSocketArgs } from " + MAPPER.writeValueAsString(
                web.resolve("appsync.js").toUri().toString()) + "; const c = " + config
                + "; if (c.realtimeAuth === null) delete c.realtimeAuth;"
                + " process.stdout.write(JSON.stringify(realtimeSocketArgs(c)));";
        Process node = new ProcessBuilder("node", "--input-type=module", "-e", script).redirectErrorStream(true)
                .start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(out).isZero();
        return MAPPER.readTree(out);
    }
}
