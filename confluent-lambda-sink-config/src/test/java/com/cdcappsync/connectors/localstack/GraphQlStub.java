package com.cdcappsync.connectors.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A GraphQL endpoint for the function to call instead of AppSync (a paid LocalStack feature): WireMock in Docker,
 * on the same network as the Lambda containers LocalStack starts, answering each mutation as AppSync would when
 * the write succeeds, and recording what it received.
 */
final class GraphQlStub implements AutoCloseable {

    static final DockerImageName IMAGE = DockerImageName.parse("wiremock/wiremock:3.9.1");
    private static final int PORT = 8080;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final GenericContainer<?> container;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    GraphQlStub(Network network) {
        container = new GenericContainer<>(IMAGE).withNetwork(network).withNetworkAliases("graphql")
                .withExposedPorts(PORT).waitingFor(Wait.forHttp("/__admin/mappings").forStatusCode(200));
    }

    void start(List<String> mutationFields) throws IOException, InterruptedException {
        container.start();
        for (String field : mutationFields) {
            ObjectNode mapping = MAPPER.createObjectNode();
            mapping.putObject("request").put("method", "POST").put("url", "/graphql").putArray("bodyPatterns")
                    .addObject().put("contains", field);
            ObjectNode response = mapping.putObject("response").put("status", 200);
            response.putObject("headers").put("Content-Type", "application/json");
            response.putObject("jsonBody").putObject("data").putObject(field).put("id", "stub");
            admin("POST", "/__admin/mappings", mapping);
        }
    }

    /** The URL the function calls: the container's address on the shared network (no DNS needed). */
    String urlOn(Network network) {
        String ip = container.getContainerInfo().getNetworkSettings().getNetworks().values().stream()
                .filter(n -> network.getId().equals(n.getNetworkID())).findFirst().orElseThrow().getIpAddress();
        return "http://" + ip + ":" + PORT + "/graphql";
    }

    /** The GraphQL documents received, in arrival order. */
    List<String> receivedQueries() throws IOException, InterruptedException {
        JsonNode requests = admin("GET", "/__admin/requests", null).path("requests");
        List<String> queries = new ArrayList<>();
        for (JsonNode r : requests) {
            if ("/graphql".equals(r.at("/request/url").asText())) {
                queries.add(MAPPER.readTree(r.at("/request/body").asText()).path("query").asText());
            }
        }
        return queries.reversed(); // WireMock lists the newest first
    }

    private JsonNode admin(String method, String path, JsonNode body) throws IOException, InterruptedException {
        URI uri = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(PORT) + path);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).method(method, publisher)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("WireMock " + method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
    }

    @Override
    public void close() {
        container.stop();
    }
}
