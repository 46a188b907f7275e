package com.cdcappsync.upsert.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpsertCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, InputStream stdin, String... args) {
        UpsertCli cli = new UpsertCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env::get);
        return cli.run(args, stdin);
    }

    private static InputStream resource(String path) {
        return UpsertCliTest.class.getResourceAsStream(path);
    }

    private List<JsonNode> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().map(l -> {
            try {
                return Json.MAPPER.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
    }

    @Test
    void dryRun_sample_printsOneLinePerMutationThenASummary() {
        int code = run(Map.of(), resource("/sample/odoo-product-changes.json"), "--dry-run");

        assertThat(code).isZero();
        List<JsonNode> lines = outLines();
        assertThat(lines).hasSize(5);
        assertThat(lines.subList(0, 4)).allSatisfy(l -> {
            assertThat(l.get("mutation").asText()).startsWith("mutation ");
            assertThat(l.get("variables").get("input").has("version")).isTrue();
        });
        assertThat(lines.subList(0, 4)).filteredOn(l -> l.get("variables").get("input").get("id").asText().equals("1"))
                .singleElement().satisfies(l -> assertThat(l.get("variables").get("input").get("listPrice").asText())
                        .isEqualTo("14.00"));
        JsonNode summary = lines.get(4).get("summary");
        assertThat(summary.get("dryRun").asBoolean()).isTrue();
        assertThat(summary.get("records").asInt()).isEqualTo(12);
        assertThat(summary.get("applied").asInt()).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("\"message\":\"batch processed\"");
    }

    @Test
    void dryRun_rejectedRecord_exitsOneAndNamesIt() {
        String batch = "[{\"payload\":{\"topic\":\"odoo.public.res_partner\",\"partition\":0,\"offset\":5,"
                + "\"key\":{\"id\":1},\"value\":{\"op\":\"c\",\"after\":{\"id\":1},\"source\":{\"lsn\":10,"
                + "\"table\":\"res_partner\",\"schema\":\"public\"}}}}]";

        int code = run(Map.of(), new ByteArrayInputStream(batch.getBytes(StandardCharsets.UTF_8)), "--dry-run");

        assertThat(code).isEqualTo(1);
        JsonNode problem = outLines().getLast().get("summary").get("problems").get(0);
        assertThat(problem.get("location").asText()).isEqualTo("odoo.public.res_partner/0@5");
        assertThat(problem.get("reason").asText()).isEqualTo("unknown-table");
    }

    @Test
    void dryRun_customMapping_isUsed(@TempDir Path dir) throws Exception {
        Path mapping = dir.resolve("m.json");
        Files.writeString(mapping, "{\"tables\":[{\"table\":\"product_template\",\"type\":\"Item\","
                + "\"fields\":{\"title\":{\"column\":\"name\",\"convert\":\"translation\",\"language\":\"fr_FR\"}}}]}");

        int code = run(Map.of(), resource("/sample/odoo-product-changes.json"), "--dry-run", "--mapping",
                mapping.toString());

        assertThat(code).isZero();
        assertThat(outLines().getFirst().get("mutation").asText()).startsWith("mutation UpsertItem(");
        assertThat(outLines()).filteredOn(l -> l.has("variables")
                        && l.get("variables").get("input").get("id").asText().equals("1"))
                .singleElement().satisfies(l -> assertThat(l.get("variables").get("input").get("title").asText())
                        .isEqualTo("Bureau en chêne"));
    }

    @Test
    void run_badUsage_exitsTwoWithUsage() {
        assertThat(run(Map.of(), InputStream.nullInputStream())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("choose --dry-run").contains("Usage:");
        assertThat(run(Map.of(), InputStream.nullInputStream(), "--mapping")).isEqualTo(2);
        assertThat(run(Map.of(), InputStream.nullInputStream(), "--frobnicate")).isEqualTo(2);
    }

    @Test
    void run_severalProblems_reportsEveryOneThenTheUsage() {
        int code = run(Map.of(), InputStream.nullInputStream(), "--frobnicate", "--dry-run", "--endpoint",
                "http://x", "--api-key", "k", "--region", "eu-west-1");

        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(text).contains("cdc-appsync: Unknown option: '--frobnicate'")
                .contains("cdc-appsync: --dry-run sends nothing")
                .contains("cdc-appsync: --api-key and --region choose two ways")
                .contains("Usage: bin/cdc-appsync");
        assertThat(text.indexOf("--frobnicate")).isLessThan(text.indexOf("Usage:"));
    }

    @Test
    void run_help_printsUsage() {
        assertThat(run(Map.of(), InputStream.nullInputStream(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--dry-run").contains("--endpoint");
    }

    @Test
    void run_invalidEnvironment_exitsTwoListingEveryProblem() {
        int code = run(Map.of("PUBLISH_CONCURRENCY", "0", "HTTP_REQUEST_TIMEOUT", "soon"),
                resource("/sample/odoo-product-changes.json"), "--dry-run");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("PUBLISH_CONCURRENCY='0'")
                .contains("HTTP_REQUEST_TIMEOUT='soon'");
    }

    @Test
    void send_withApiKey_postsEachMutationToTheEndpoint() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> keys = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/graphql", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            keys.add(exchange.getRequestHeaders().getFirst("x-api-key"));
            String field = body.contains("upsertProduct(") ? "upsertProduct" : "deleteProduct";
            byte[] answer = ("{\"data\":{\"" + field + "\":{\"id\":\"x\"}}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
            int code = run(Map.of(), resource("/sample/odoo-product-changes.json"), "--endpoint", url,
                    "--api-key", "da2-localtestkey");

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(bodies).hasSize(4);
            assertThat(keys).containsOnly("da2-localtestkey");
            JsonNode summary = outLines().getLast().get("summary");
            assertThat(summary.get("dryRun").asBoolean()).isFalse();
            assertThat(summary.get("applied").asInt()).isEqualTo(4);
            assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("da2-localtestkey");
        } finally {
            server.stop(0);
        }
    }
}
