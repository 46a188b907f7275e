package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.cdcappsync.upsert.appsync.AppSyncAuth;
import com.cdcappsync.upsert.appsync.AppSyncClient;
import com.cdcappsync.upsert.appsync.GraphQlRequest;
import com.cdcappsync.upsert.appsync.GraphQlResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One local stack for a test class, with ephemeral ports, plus what the tests observe it with: the Invoke API
 * (like the connector), DynamoDB Local directly (SDK client), a WebSocket subscriber holding every subscription
 * the mapping implies (like a website), and an API-key GraphQL client (like a website's queries).
 */
final class E2eStack implements AutoCloseable {

    /** Generous: a message normally arrives within milliseconds; the timeout only bounds a failing test. */
    static final Duration WAIT = Duration.ofSeconds(20);

    final LocalStack stack;
    final Fixtures fixtures;
    final DynamoDbClient dynamoDb;
    final LambdaInvoker invoker;
    final RealtimeClient subscriber;
    final AppSyncClient website;
    final List<SubscriptionSpec> subscriptions;
    final List<String> lambdaLog = new CopyOnWriteArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private int fences;

    E2eStack() {
        this(LocalStackOptions.DEFAULT_LAMBDA_MODE);
    }

    E2eStack(LambdaMode mode) {
        this(b -> b.lambdaMode(mode));
    }

    /** A stack whose options are the tests' defaults changed by {@code options} (e.g. another API folder). */
    E2eStack(UnaryOperator<LocalStackOptions.Builder> options) {
        RepositoryLayout layout = RepositoryLayout.locate(null);
        stack = LocalStack.start(options.apply(LocalStackOptions.builder().layout(layout).ephemeralPorts()
                .progress(line -> { }).lambdaLog(lambdaLog::add)).build());
        try {
            fixtures = new Fixtures(layout.root());
            dynamoDb = DynamoDbLocal.client(stack.dynamoDbEndpoint());
            invoker = stack.invoker(Duration.ofSeconds(30));
            website = AppSyncClient.builder().endpoint(stack.graphQlUrl()).auth(AppSyncAuth.apiKey(stack.apiKey()))
                    .maxAttempts(1).build();
            subscriptions = SubscriptionSpec.forStack(stack);
            subscriber = RealtimeClient.connect(stack.realtimeUrl(), stack.graphQlUrl(), stack.apiKey(), WAIT);
            for (SubscriptionSpec spec : subscriptions) {
                subscriber.subscribe(spec.query(), mapper.createObjectNode(), spec.field(), WAIT);
            }
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Invokes the function (as the connector does) and checks it ran; returns each record's result. */
    List<JsonNode> invoke(ArrayNode batch) {
        LambdaInvoker.Result result = invoker.invoke(batch);
        assertThat(result.succeeded()).as("function error: %s", result.body()).isTrue();
        return java.util.stream.StreamSupport.stream(result.body().spliterator(), false)
                .map(n -> n.path("payload").path("result")).toList();
    }

    /** Invokes with one record and returns its result's status ({@code applied}, {@code stale}, ...). */
    String invokeOne(ArrayNode single) {
        List<JsonNode> results = invoke(single);
        assertThat(results).hasSize(1);
        return results.getFirst().path("status").asText();
    }

    /** The stored item, read consistently; empty when there is none. */
    Map<String, AttributeValue> item(String type, int id) {
        String table = stack.manifest().tableOfType(type).dataSource();
        return dynamoDb.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(Integer.toString(id))))
                .consistentRead(true)).item();
    }

    /** The next subscription message, which must come within {@link #WAIT}. */
    RealtimeClient.Event nextMessage() throws InterruptedException {
        RealtimeClient.Event event = subscriber.next(WAIT);
        if (event == null) {
            fail("no subscription message within " + WAIT.toSeconds() + " s");
        }
        return event;
    }

    /** The next message, checked to be {@code field} for item {@code id}; returns the object it carries. */
    JsonNode nextMessage(String field, int id) throws InterruptedException {
        RealtimeClient.Event event = nextMessage();
        assertThat(event.type()).as("message %s", event.payload()).isEqualTo("data");
        assertThat(event.field()).as("subscription of %s", event.payload()).isEqualTo(field);
        assertThat(event.payload().path("id").asText()).isEqualTo(Integer.toString(id));
        SubscriptionSpec spec = subscriptions.stream().filter(s -> s.field().equals(field)).findFirst().orElseThrow();
        assertThat(event.payload().properties().stream().map(Map.Entry::getKey).toList())
                .as("the whole object: every selected field").containsExactlyInAnyOrderElementsOf(spec.selection());
        return event.payload();
    }

    /**
     * Proves that nothing was published since the last message: writes a fresh product (always applied) and
     * checks that its message is the very next one. The simulator publishes before it answers a mutation, and
     * the handler answers after its mutations, so a message of an earlier invocation would come first.
     */
    void assertNoMessageSinceLastOne() throws InterruptedException {
        int id = 9000 + ++fences;
        assertThat(invokeOne(fixtures.single("noschemas-precise", Fixtures.PRODUCT_1_SNAPSHOT, id)))
                .isEqualTo("applied");
        nextMessage("onUpsertProduct", id);
    }

    /**
     * Starts a test from a quiet subscription, whatever an earlier failed test left behind: writes a fresh
     * product and drops every message up to and including its own.
     */
    void resync() throws InterruptedException {
        int id = 9000 + ++fences;
        assertThat(invokeOne(fixtures.single("noschemas-precise", Fixtures.PRODUCT_1_SNAPSHOT, id)))
                .isEqualTo("applied");
        for (RealtimeClient.Event event = nextMessage(); !isFence(event, id); event = nextMessage()) {
            // an earlier test's leftover
        }
    }

    private static boolean isFence(RealtimeClient.Event event, int id) {
        return "onUpsertProduct".equals(event.field()) && event.payload().path("id").asText()
                .equals(Integer.toString(id));
    }

    /** A query or mutation with the API key, as a website sends it. */
    GraphQlResponse asWebsite(String query) {
        return website.execute(GraphQlRequest.of(query));
    }

    @Override
    public void close() {
        try (stack; dynamoDb; website) {
            subscriber.close();
        }
    }
}
