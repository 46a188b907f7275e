package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live page's static server on its own (no stack): the page's files with their types, the generated
 * config.json, and nothing else: no file outside the web folder, however the path is spelled, and no hidden file.
 * Requests go over a raw socket, so that paths reach the server exactly as written.
 */
class LivePageServerTest {

    @TempDir
    Path dir;
    private Path web;
    private LivePageServer server;

    @BeforeEach
    void serve() throws IOException {
        web = Files.createDirectories(dir.resolve("web"));
        Files.writeString(web.resolve("index.html"), "<!doctype html><title>page</title>");
        Files.writeString(web.resolve("live.js"), "export const x = 1;");
        Files.writeString(web.resolve("style.css"), "body {}");
        Files.writeString(web.resolve(".gitignore"), "config.json");
        Files.writeString(web.resolve("notes.md"), "not a page file");
        Files.writeString(dir.resolve("secret.txt"), "outside the web folder");
        Files.createSymbolicLink(web.resolve("escape.txt"), dir.resolve("secret.txt"));
        server = LivePageServer.start(0, web, new LivePageServer.PageConfig(URI.create("http://127.0.0.1:1/graphql"),
                URI.create("ws://127.0.0.1:1/graphql/realtime"), "da2-test", RealtimeAuth.QUERY), new ObjectMapper());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void root_servesIndexHtmlAsHtml() throws IOException {
        String answer = request("GET / HTTP/1.1");

        assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: text/html; charset=utf-8")
                .containsIgnoringCase("x-content-type-options: nosniff").endsWith("<title>page</title>");
        assertThat(server.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
    }

    @Test
    void modulesAndCss_haveTheirTypes() throws IOException {
        assertThat(request("GET /live.js HTTP/1.1")).startsWith("HTTP/1.1 200")
                .containsIgnoringCase("content-type: text/javascript; charset=utf-8");
        assertThat(request("GET /style.css HTTP/1.1")).startsWith("HTTP/1.1 200")
                .containsIgnoringCase("content-type: text/css; charset=utf-8");
    }

    @Test
    void configJson_pointsThePageAtTheStack() throws IOException {
        String answer = request("GET /config.json HTTP/1.1");

        assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: application/json");
        JsonNode config = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(config.get("graphqlUrl").asText()).isEqualTo("http://127.0.0.1:1/graphql");
        assertThat(config.get("realtimeUrl").asText()).isEqualTo("ws://127.0.0.1:1/graphql/realtime");
        assertThat(config.get("apiKey").asText()).isEqualTo("da2-test");
        assertThat(config.get("websiteId").asText()).as("the default website").isEqualTo("1");
    }

    @Test
    void configJson_websiteId_isTheOneConfigured() throws IOException {
        server.config(new LivePageServer.PageConfig(URI.create("http://127.0.0.1:1/graphql"),
                URI.create("ws://127.0.0.1:1/graphql/realtime"), "da2-test", RealtimeAuth.QUERY, "2"),
                new ObjectMapper());

        String answer = request("GET /config.json HTTP/1.1");

        JsonNode config = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(config.get("websiteId").asText()).isEqualTo("2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "web", "1.5", "", " 1"})
    void pageConfig_websiteIdNotAPositiveInteger_isRefusedNamingIt(String websiteId) {
        assertThatThrownBy(() -> new LivePageServer.PageConfig(URI.create("http://x/graphql"), URI.create("ws://x/"),
                "k", RealtimeAuth.QUERY, websiteId))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("websiteId")
                .hasMessageContaining("'" + websiteId + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
        "/./index.html", "/web/../../secret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt", "/escape.txt",
        "/.gitignore", "/notes.md", "/missing.html", "//etc/passwd", "/index.html%00.js", "/C:/secret.txt"})
    void pathsOutsideThePageOrNotPageFiles_areRefused(String path) throws IOException {
        String answer = request("GET " + path + " HTTP/1.1");

        // 404 from the page server; 400 from the JDK's HTTP server for a path that is not a valid URI (a raw \).
        assertThat(answer).matches("(?s)HTTP/1\\.1 (404|400) .*").doesNotContain("outside the web folder")
                .doesNotContain("not a page file");
    }

    @Test
    void otherMethods_are405() throws IOException {
        assertThat(request("POST /index.html HTTP/1.1")).startsWith("HTTP/1.1 405").containsIgnoringCase("allow: GET");
    }

    @Test
    void head_answersHeadersOnly() throws IOException {
        assertThat(request("HEAD /style.css HTTP/1.1")).startsWith("HTTP/1.1 200").doesNotContain("body {}");
    }

    @Test
    void aFolderWithoutIndexHtml_isRefusedWithTheFix() {
        Path empty = dir.resolve("empty");
        assertThatThrownBy(() -> LivePageServer.start(0, empty,
                        new LivePageServer.PageConfig(URI.create("http://x/graphql"), URI.create("ws://x/"), "k",
                                RealtimeAuth.QUERY),
                        new ObjectMapper()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("index.html");
    }

    /** Sends one request line as written (Connection: close) and returns the whole answer. */
    private String request(String requestLine) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.url().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
