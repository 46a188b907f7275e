package com.cdcappsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.cdcappsync.localstack.LambdaInvoker;
import com.cdcappsync.localstack.LocalStack;
import com.cdcappsync.localstack.RealtimeClient;
import com.cdcappsync.localstack.SubscriptionSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole pipeline, every part real: a row changed in PostgreSQL goes through Debezium (the shipped source
 * config), Kafka, this project's Lambda sink (the shipped sink config), the function, the AppSync simulator and
 * DynamoDB Local, and reaches a WebSocket subscriber. Settings tuned for speed: Debezium polls every 50 ms.
 * Each test uses its own rows, so the order of the tests does not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalPipelineE2ETest {

    /** Generous, for a loaded CI machine: a change normally arrives well within a second. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path LOGS = Path.of("target", "pipeline-logs");

    private final AtomicInteger fences = new AtomicInteger();
    private PipelineFixture fx;
    private RealtimeClient subscriber;
    private Inbox inbox;

    @BeforeAll
    void start() throws Exception {
        fx = new PipelineFixture("pipeline", null, stack -> stack,
                pipeline -> pipeline.sourceOverrides(Map.of("poll.interval.ms", "50")).keepLogsIn(LOGS));
        System.out.println("[pipeline] started in " + fx.pipeline.startTime().toMillis() + " ms");
        var stack = fx.pipeline.stack();
        subscriber = RealtimeClient.connect(stack.realtimeUrl(), stack.graphQlUrl(), stack.apiKey(), WAIT);
        for (SubscriptionSpec spec : SubscriptionSpec.forStack(stack)) {
            subscriber.subscribe(spec.query(), MAPPER.createObjectNode(), spec.field(), WAIT);
        }
        inbox = new Inbox(subscriber);
        fence();
        inbox.clear();
    }

    @AfterAll
    void stop() throws Exception {
        // Kept for a failure's post-mortem: the pipeline copies the parts' logs there too.
        Files.createDirectories(LOGS);
        Files.write(LOGS.resolve("function.log"), fx.lambdaLog);
        try (PipelineFixture closing = fx; AutoCloseable c = subscriber) {
            assertThat(fx.pipeline.problem()).as("a part died or a connector failed").isNull();
        }
        assertThat(fx.pipeline.workDir()).doesNotExist();
    }

    /**
     * Issue 21 item 4: the sink signs with the connector role's credentials, issued by the stack and fetched by the
     * worker's default chain from the container credentials endpoint (its start's GetFunction already did), and the
     * Invoke API refuses those credentials anything but the alias.
     */
    @Test
    void sink_signsWithTheConnectorRolesContainerCredentials() {
        assertThat(fx.pipeline.connectorCredentialFetches()).as("credential fetches by the Connect worker")
                .isPositive();
        var stack = fx.pipeline.stack();
        LambdaInvoker.Result unqualified = new LambdaInvoker(stack.invokeEndpoint().resolve("/2015-03-31/functions/"
                + stack.functionName() + "/invocations"), stack.connectorCredentials(), LocalStack.REGION,
                Duration.ofSeconds(10)).invoke(new ObjectMapper().createArrayNode());
        assertThat(unqualified.status()).isEqualTo(403);
        assertThat(unqualified.body().path("Message").asText()).contains("is not authorized to perform: "
                + "lambda:InvokeFunction");
    }

    /** Issue 19 item 8: every listener the pipeline starts binds 127.0.0.1. */
    @Test
    void listeners_everyPart_answersOnLoopbackOnly() throws Exception {
        InetAddress other = LoopbackOnly.otherAddress();
        assumeThat(other).as("this machine has an address besides loopback").isNotNull();
        var stack = fx.pipeline.stack();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", URI.create(fx.pipeline.jdbcUrl().substring("jdbc:".length())).getPort());
        ports.put("Kafka", Integer.parseInt(fx.pipeline.kafkaBootstrapServers().replaceFirst(".*:", "")));
        ports.put("Kafka Connect REST", fx.pipeline.connectUrl().getPort());
        ports.put("AppSync gateway", stack.graphQlUrl().getPort());
        ports.put("Lambda Invoke API", stack.invokeEndpoint().getPort());
        ports.put("live page", stack.livePageUrl().getPort());
        ports.put("DynamoDB Local", stack.dynamoDbEndpoint().getPort());

        for (Map.Entry<String, Integer> part : ports.entrySet()) {
            LoopbackOnly.check(part.getKey(), part.getValue(), other);
        }
    }

    @Test
    void insert_newProduct_reachesTheSubscriberWithEveryField() throws Exception {
        insertProduct(1001, "Lamp \"Arc\"", "19.99", "short");

        JsonNode item = inbox.await("onUpsertProduct", "1001", i -> true, WAIT).item();
        assertThat(item.get("name").asText()).isEqualTo("Lamp \"Arc\"");
        assertThat(item.get("listPrice").asText()).isEqualTo("19.99");
        assertThat(item.get("descriptionSale").asText()).isEqualTo("short");
        assertThat(item.get("websiteIds")).as("shown on website 1, the default WEBSITES").hasSize(1)
                .first().satisfies(website -> assertThat(website.asText()).isEqualTo("1"));
        assertThat(item.get("deleted").asBoolean()).isFalse();
    }

    @Test
    void update_price_reachesTheSubscriber() throws Exception {
        insertProduct(1002, "Desk", "100.00", "short");
        inbox.await("onUpsertProduct", "1002", i -> true, WAIT);

        fx.execute("UPDATE product_template SET list_price = 123.45, write_date = now() WHERE id = 1002");

        assertThat(inbox.await("onUpsertProduct", "1002", i -> i.get("listPrice").asText().equals("123.45"), WAIT)
                .item().get("deleted").asBoolean()).isFalse();
    }

    @Test
    void update_toastedWebsiteDescriptionUnchanged_keepsTheStoredDescription() throws Exception {
        fx.execute("INSERT INTO product_template (id, name, website_description, list_price, write_date) VALUES "
                + "(1003, '{\"en_US\": \"Shelf\"}', jsonb_build_object('en_US', (SELECT string_agg("
                + "md5(random()::text), '') FROM generate_series(1, 400))), 10.00, now())");
        assertThat(fx.queryLong("SELECT pg_column_size(website_description) FROM product_template WHERE id = 1003"))
                .as("stored out of line (TOAST), so Debezium sends the placeholder on updates").isGreaterThan(2100);
        String description = fx.queryString("SELECT website_description->>'en_US' FROM product_template "
                + "WHERE id = 1003");
        inbox.await("onUpsertProduct", "1003", i -> i.get("websiteDescription").asText().equals(description), WAIT);

        fx.execute("UPDATE product_template SET list_price = 11.00, write_date = now() WHERE id = 1003");

        JsonNode item = inbox.await("onUpsertProduct", "1003", i -> i.get("listPrice").asText().equals("11.00"),
                WAIT).item();
        assertThat(item.get("websiteDescription").asText()).isEqualTo(description).hasSize(12_800);
        assertThat(fx.store.product(1003).get("websiteDescription").s()).isEqualTo(description);
    }

    @Test
    void archive_activeFalse_reachesTheSubscriberAsADelete() throws Exception {
        insertProduct(1004, "Chair", "45.00", "short");
        inbox.await("onUpsertProduct", "1004", i -> true, WAIT);

        fx.execute("UPDATE product_template SET active = false, write_date = now() WHERE id = 1004");

        assertThat(inbox.await("onDeleteProduct", "1004", i -> true, WAIT).item().get("deleted").asBoolean())
                .isTrue();
    }

    @Test
    void delete_row_reachesTheSubscriberAsADelete() throws Exception {
        insertProduct(1005, "Stool", "5.00", "short");
        inbox.await("onUpsertProduct", "1005", i -> true, WAIT);

        fx.execute("DELETE FROM product_template WHERE id = 1005");

        assertThat(inbox.await("onDeleteProduct", "1005", i -> true, WAIT).item().get("deleted").asBoolean())
                .isTrue();
    }

    @Test
    void store_afterEveryChangeArrived_equalsPostgres() throws Exception {
        insertProduct(1006, "Bench", "70.00", "short");
        fx.execute("UPDATE product_public_category SET name = '{\"en_US\": \"Office desks\"}', write_date = now() "
                + "WHERE id = 2");
        fx.execute("INSERT INTO product_public_category_product_template_rel VALUES (1006, 2)");
        fence();

        // The link table has no subscription, so the fence does not cover it: await the store.
        assertThat(PipelineFixture.await(() -> fx.store.differences(), List::isEmpty)).isEmpty();
    }

    /**
     * Waits until every change committed so far went through the topics a subscriber hears: a new website category
     * and product each.
     */
    private void fence() throws Exception {
        int id = 9000 + fences.incrementAndGet();
        fx.execute("INSERT INTO product_public_category (id, name, write_date) VALUES (" + id + ", "
                + "'{\"en_US\": \"fence\"}', now())");
        insertProduct(id, "fence", "1.00", "fence");
        inbox.await("onUpsertPublicCategory", Integer.toString(id), i -> true, WAIT);
        inbox.await("onUpsertProduct", Integer.toString(id), i -> true, WAIT);
    }

    private void insertProduct(int id, String name, String price, String description) throws SQLException {
        try (PreparedStatement insert = fx.db.prepareStatement("INSERT INTO product_template (id, name, "
                + "description_sale, list_price, write_date) VALUES (?, ?::jsonb, ?::jsonb, ?::numeric, now())")) {
            insert.setInt(1, id);
            insert.setString(2, MAPPER.createObjectNode().put("en_US", name).toString());
            insert.setString(3, MAPPER.createObjectNode().put("en_US", description).toString());
            insert.setString(4, price);
            insert.executeUpdate();
        }
    }
}
