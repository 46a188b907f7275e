package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.appsync.AppSyncAuth;
import com.cdcappsync.upsert.appsync.AppSyncClient;
import com.cdcappsync.upsert.appsync.GraphQlRequest;
import com.cdcappsync.upsert.appsync.GraphQlResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A variant is public only while it is live and its product is live, whatever order the two tables' changes reach
 * the store in (they travel on different topics and partitions), with duplicates and replays of older changes,
 * and for variants whose product the store has not seen yet. A property over random histories: each seed makes a
 * few products and variants, a history of changes (shown, hidden, moved to another product) with rising versions
 * per row, then delivers the resulting mutations in a random order with random replays, through the real
 * resolvers (the simulator on DynamoDB Local, signed as the function signs). After every mutation:
 * <ul>
 *   <li>each subscription message for a variant carries its data only while the store holds its product live, and
 *       otherwise only its id, version and deleted=true (no product id);</li>
 *   <li>{@code getProductVariant} and {@code Product.variants} answer exactly the model's public variants.</li>
 * </ul>
 * A failure names its seed; rerun that seed alone with {@code -Dvisibility.seed=N}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VariantVisibilityE2ETest {

    private static final String WEBSITE = "1";
    private E2eStack e2e;
    private AppSyncClient function;

    @BeforeAll
    void start() {
        e2e = new E2eStack();
        CredentialsAuthority.IssuedCredentials c = e2e.stack.credentialsAuthority().issue(Duration.ofHours(1));
        function = AppSyncClient.builder().endpoint(e2e.stack.graphQlUrl()).maxAttempts(1)
                .auth(AppSyncAuth.iam(LocalStack.REGION, StaticCredentialsProvider.create(AwsSessionCredentials
                        .create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))).build();
    }

    @AfterAll
    void stop() {
        if (e2e != null) {
            try (AppSyncClient client = function) {
                e2e.close();
            }
        }
    }

    static Stream<Long> seeds() {
        String one = System.getProperty("visibility.seed");
        return one != null ? Stream.of(Long.parseLong(one)) : LongStream.rangeClosed(1, 24).boxed();
    }

    /** One change of a row: its version, and whether it writes (upsert) or hides (delete) it. */
    private record Change(String type, String id, long version, boolean upsert, String productId) {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyDeliveryOrder_variantShownOnlyWithItsProduct(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        String prefix = "s" + seed + "-";
        List<Change> history = history(random, prefix);
        List<Change> delivery = deliveryOrder(random, history);
        e2e.resync();
        Model store = new Model();
        for (Change change : delivery) {
            boolean applied = send(change, seed);
            if (applied) {
                store.apply(change);
                if (change.type().equals("ProductVariant") || change.type().equals("Product")) {
                    checkMessage(change, store, seed);
                }
            }
            checkReads(store, prefix, seed);
        }
    }

    /** 2 products, 4 variants (one may point at a product never written), 3-6 changes each, versions rising. */
    private static List<Change> history(SplittableRandom random, String prefix) {
        List<Change> changes = new ArrayList<>();
        long version = 1000;
        List<String> products = List.of(prefix + "p1", prefix + "p2", prefix + "p3-never-written");
        for (String product : products.subList(0, 2)) {
            for (int i = 0, n = 3 + random.nextInt(4); i < n; i++) {
                version += 1 + random.nextInt(5);
                changes.add(new Change("Product", product, version, random.nextInt(3) > 0, null));
            }
        }
        for (int v = 1; v <= 4; v++) {
            for (int i = 0, n = 3 + random.nextInt(4); i < n; i++) {
                version += 1 + random.nextInt(5);
                String product = products.get(random.nextInt(v == 4 ? 3 : 2));
                changes.add(new Change("ProductVariant", prefix + "v" + v, version, random.nextInt(3) > 0, product));
            }
        }
        return changes;
    }

    /** The history shuffled, plus a few replays of random earlier changes anywhere. */
    private static List<Change> deliveryOrder(SplittableRandom random, List<Change> history) {
        List<Change> out = new ArrayList<>(history);
        for (int i = 0; i < 4; i++) {
            out.add(history.get(random.nextInt(history.size())));
        }
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Change t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    /** Sends the change's mutation as the function would; true when applied, false when stale. */
    private boolean send(Change change, long seed) {
        String input = "{id: \"" + change.id() + "\", version: \"" + change.version() + "\""
                + (change.upsert() && change.type().equals("Product") ? ", name: \"P\", websiteIds: [\"1\"]" : "")
                + (change.upsert() && change.productId() != null ? ", productId: \"" + change.productId() + "\"" : "")
                + "}";
        String field = (change.upsert() ? "upsert" : "delete") + change.type();
        GraphQlResponse response = function.execute(GraphQlRequest.of("mutation { " + field + "(input: " + input
                + ") { id version deleted" + (change.type().equals("ProductVariant") ? " productId" : "") + " } }"));
        if (!response.errors().isEmpty()) {
            assertThat(response.errors()).as("seed %d: %s", seed, change)
                    .allSatisfy(e -> assertThat(e.errorType()).contains("ConditionalCheckFailed"));
            return false;
        }
        return true;
    }

    /** The message an applied mutation published: a variant's data only while its product is live in the store. */
    private void checkMessage(Change change, Model store, long seed) throws InterruptedException {
        RealtimeClient.Event event = e2e.nextMessage();
        JsonNode item = event.payload();
        assertThat(item.path("id").asText()).as("seed %d: the message of %s", seed, change).isEqualTo(change.id());
        if (!change.type().equals("ProductVariant") || !change.upsert()) {
            return;
        }
        boolean shown = store.productLive(change.productId());
        assertThat(item.path("deleted").asBoolean()).as("seed %d: %s published %s", seed, change, item)
                .isEqualTo(!shown);
        if (!shown) {
            assertThat(item.path("productId").isNull()).as("seed %d: a hidden variant's message names no product: %s",
                    seed, item).isTrue();
        } else {
            assertThat(item.path("productId").asText()).isEqualTo(change.productId());
        }
    }

    /** getProductVariant and Product.variants against the model, for every row of this seed. */
    private void checkReads(Model store, String prefix, long seed) {
        for (int v = 1; v <= 4; v++) {
            String id = prefix + "v" + v;
            JsonNode got = e2e.asWebsite("{ getProductVariant(id: \"" + id + "\", websiteId: \"" + WEBSITE
                    + "\") { id productId } }").data().path("getProductVariant");
            assertThat(!got.isNull()).as("seed %d: getProductVariant(%s) with store %s", seed, id, store)
                    .isEqualTo(store.variantPublic(id));
        }
        for (String product : List.of(prefix + "p1", prefix + "p2")) {
            JsonNode got = e2e.asWebsite("{ getProduct(id: \"" + product + "\", websiteId: \"" + WEBSITE
                    + "\") { id variants(limit: 100) { items { id } } } }").data().path("getProduct");
            if (!store.productLive(product)) {
                assertThat(got.isNull()).as("seed %d: hidden product %s", seed, product).isTrue();
                continue;
            }
            Set<String> listed = new LinkedHashSet<>();
            got.path("variants").path("items").forEach(i -> listed.add(i.path("id").asText()));
            assertThat(listed).as("seed %d: variants of %s with store %s", seed, product, store)
                    .isEqualTo(store.publicVariantsOf(product));
        }
    }

    /** What the store holds after the applied changes: per row, its newest change. */
    private static final class Model {
        private final Map<String, Change> rows = new HashMap<>();

        void apply(Change change) {
            Change previous = rows.get(change.id());
            Change kept = change;
            if (!change.upsert() && previous != null) {
                // a delete keeps the stored fields (the tombstone), productId included
                kept = new Change(change.type(), change.id(), change.version(), false, previous.productId());
            }
            rows.put(change.id(), kept);
        }

        boolean productLive(String product) {
            Change row = rows.get(product);
            return row != null && row.upsert();
        }

        boolean variantPublic(String variant) {
            Change row = rows.get(variant);
            return row != null && row.upsert() && productLive(row.productId());
        }

        Set<String> publicVariantsOf(String product) {
            Set<String> out = new LinkedHashSet<>();
            rows.values().stream().filter(r -> r.type().equals("ProductVariant") && r.upsert()
                    && product.equals(r.productId()) && productLive(product)).map(Change::id).sorted()
                    .forEach(out::add);
            return out;
        }

        @Override
        public String toString() {
            return rows.values().stream().map(r -> r.id() + (r.upsert() ? "+" : "-") + "@" + r.version()
                    + (r.productId() == null ? "" : "→" + r.productId())).sorted().toList().toString();
        }
    }
}
