package com.cdcappsync.pipeline;

import static com.cdcappsync.pipeline.PipelineFixture.WAIT;
import static com.cdcappsync.pipeline.PublicSchema.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.cdcappsync.localstack.RealtimeClient;
import com.cdcappsync.upsert.appsync.AppSyncAuth;
import com.cdcappsync.upsert.appsync.AppSyncClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.FieldDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The public surface against what the shop's website shows, on the real pipeline: a subscriber holding only the
 * website's API key opens every subscription of the deployed schema with every scalar field of its type; a storefront
 * history is written in SQL one step at a time (each awaited: the store equals the website and the step's messages
 * arrived); every message of the whole history is then held to the website of the step that caused it (its version,
 * the change's LSN, lies between the WAL positions before and after that step): a live message only for a row shown
 * then, a removal ({@code deleted=true}) with nothing but its id, version, deleted and updatedAt (any other field null
 * or an empty list). Then every query of the schema is called with the website's key and compared with PostgreSQL
 * ({@link WebsiteQueries}). The 300 KB product may be refused or trimmed by a size limit: for it only its removal's
 * arrival and the rules above are asserted; what arrived is printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicSurfaceAuditTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOMBSTONE_FIELDS = Set.of("id", "version", "deleted", "updatedAt");
    private static final int BIG = 5003;

    /** One SQL step: the WAL positions around it and what the website showed right after it. */
    private record Step(String name, long from, long to, WebsiteState shown) {
    }

    private record Received(String field, JsonNode item) {
    }

    private PipelineFixture fx;
    private PublicSchema schema;
    private RealtimeClient subscriber;
    private AppSyncClient website;
    private final Map<String, String> typeOfField = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<Received> received = new ArrayList<>();
    private int stepStart;

    @BeforeAll
    void start() throws Exception {
        fx = new PipelineFixture("audit");
        schema = PublicSchema.read(fx.stack.apiDir().resolve("schema.graphql"));
        website = AppSyncClient.builder().endpoint(fx.stack.graphQlUrl()).auth(AppSyncAuth.apiKey(fx.stack.apiKey()))
                .maxAttempts(1).build();
        assertThat(PipelineFixture.await(() -> fx.store.differences(), List::isEmpty)).as("snapshot").isEmpty();
        steps.add(new Step("start", 0, lsn(), WebsiteState.now(fx)));
        subscriber = RealtimeClient.connect(fx.stack.realtimeUrl(), fx.stack.graphQlUrl(), fx.stack.apiKey(), WAIT);
        for (FieldDefinition field : schema.subscriptions()) {
            String type = named(field.getType());
            typeOfField.put(field.getName(), type);
            subscriber.subscribe("subscription { " + field.getName() + " { " + String.join(" ",
                    schema.scalarFields(type)) + " } }", MAPPER.createObjectNode(), field.getName(), WAIT);
        }
        assertThat(typeOfField).as("subscriptions of the deployed schema").containsKeys("onUpsertProduct",
                "onDeleteProduct", "onUpsertProductVariant", "onDeletePublicCategory");
    }

    @AfterAll
    void stop() throws Exception {
        try {
            subscriber.close();
            website.close();
        } finally {
            fx.closeHealthy();
        }
    }

    @Test
    @Order(1)
    void storefrontHistory_everySubscriptionMessage_carriesOnlyWhatTheWebsiteShowedThen() throws Exception {
        String lamp = "INSERT INTO product_template (id, name, description_sale, list_price, write_date) VALUES ";
        step("publish a product", lamp + "(5001, '{\"en_US\": \"Lamp\"}', '{\"en_US\": \"Bright\"}', 19.99, now())",
                "onUpsertProduct 5001");
        step("insert an unpublished product", "INSERT INTO product_template (id, name, description_sale, list_price, "
                + "is_published, write_date) VALUES (5002, '{\"en_US\": \"Prototype\"}', '{\"en_US\": \"Secret\"}', "
                + "99, false, now())", "onDeleteProduct 5002");
        step("publish it", product(5002, "is_published = true"), "onUpsertProduct 5002");
        step("unpublish", product(5001, "is_published = false"), "onDeleteProduct 5001");
        step("publish again", product(5001, "is_published = true"), "onUpsertProduct 5001");
        step("archive", product(5002, "active = false"), "onDeleteProduct 5002");
        step("take off sale", product(5001, "sale_ok = false"), "onDeleteProduct 5001");
        step("back on sale", product(5001, "sale_ok = true"), "onUpsertProduct 5001");
        step("move to website 2", product(5001, "website_id = 2"), "onDeleteProduct 5001");
        step("back to website 1", product(5001, "website_id = 1"), "onUpsertProduct 5001");
        step("company 2", product(5001, "company_id = 2"), "onDeleteProduct 5001");
        step("company 1", product(5001, "company_id = 1"), "onUpsertProduct 5001");
        step("variant of a shown product", variant(5101, 5001), "onUpsertProductVariant 5101");
        step("variant of a hidden product", variant(5102, 5002), "onUpsertProductVariant 5102");
        step("archive a variant", "UPDATE product_product SET active = false, write_date = now() WHERE id = 5101",
                "onDeleteProductVariant 5101");
        step("another variant", variant(5103, 5001), "onUpsertProductVariant 5103");
        step("unpublish its product", product(5001, "is_published = false"), "onDeleteProduct 5001");
        step("change the hidden product's variant", "UPDATE product_product SET write_date = now() WHERE id = 5103",
                "onUpsertProductVariant 5103");
        step("publish its product again", product(5001, "is_published = true"), "onUpsertProduct 5001");
        step("category", category(5201, "Lighting", "NULL", "NULL"), "onUpsertPublicCategory 5201");
        step("child category", category(5202, "Lamps", "5201", "NULL"), "onUpsertPublicCategory 5202");
        step("re-parent", "UPDATE product_public_category SET parent_id = 1, write_date = now() WHERE id = 5202",
                "onUpsertPublicCategory 5202");
        step("category of website 2", category(5203, "Other shop", "NULL", "2"), "onDeletePublicCategory 5203");
        step("on every website", "UPDATE product_public_category SET website_id = NULL WHERE id = 5203",
                "onUpsertPublicCategory 5203");
        step("website 2 again", "UPDATE product_public_category SET website_id = 2 WHERE id = 5203",
                "onDeletePublicCategory 5203");
        step("link", "INSERT INTO product_public_category_product_template_rel VALUES (5001, 5201)");
        step("link a hidden product", "INSERT INTO product_public_category_product_template_rel VALUES (5002, 5201)");
        step("unlink", "DELETE FROM product_public_category_product_template_rel WHERE product_template_id = 5001 "
                + "AND product_public_category_id = 5201");
        step("link the child", "INSERT INTO product_public_category_product_template_rel VALUES (5001, 5202)");
        step("a 300 KB website description", "INSERT INTO product_template (id, name, website_description, "
                + "list_price, write_date) VALUES (" + BIG + ", '{\"en_US\": \"Catalogue\"}', jsonb_build_object("
                + "'en_US', (SELECT string_agg(md5(random()::text), '') FROM generate_series(1, 9600))), 5, now())");
        step("a product after it", lamp + "(5004, '{\"en_US\": \"Stool\"}', NULL, 5, now())", "onUpsertProduct 5004");
        step("unpublish the big one", product(BIG, "is_published = false"), "onDeleteProduct " + BIG);
        step("delete a row", "DELETE FROM product_template WHERE id = 5004", "onDeleteProduct 5004");
        while (true) {
            RealtimeClient.Event late = subscriber.next(Duration.ofSeconds(2)); // quiet for 2 s: the history is over
            if (late == null) {
                break;
            }
            receive(late);
        }

        report();
        List<String> leaks = received.stream().map(this::leak).filter(Objects::nonNull).toList();
        assertThat(received.stream().map(Received::field).distinct()).as("subscriptions the history exercised")
                .containsExactlyInAnyOrderElementsOf(typeOfField.keySet());
        assertThat(leaks).as("messages carrying what the website hid").isEmpty();
    }

    @Test
    @Order(2)
    void everyQuery_withTheWebsiteKey_answersExactlyWhatTheWebsiteShows() throws Exception {
        WebsiteQueries queries = new WebsiteQueries(fx, schema, website);
        List<String> differences = queries.differences(WebsiteState.now(fx));
        assertThat(queries.called()).as("query fields called").containsAll(schema.queries().stream()
                .map(FieldDefinition::getName).toList());
        assertThat(differences).isEmpty();
    }

    /**
     * A message's violation, or null: live data of a row hidden at its step, or data on a removal. Its step is the
     * one whose WAL its version lies in: from the write position before the step (where its first record starts) up to
     * the one after it (where the next step's first record will start).
     */
    private String leak(Received message) {
        JsonNode item = message.item();
        String what = message.field() + " " + item.path("id").asText() + " version " + item.path("version").asLong();
        if (item.path("deleted").asBoolean(false)) {
            List<String> carried = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : item.properties()) {
                boolean empty = field.getValue().isNull() || field.getValue().isArray() && field.getValue().isEmpty();
                if (!TOMBSTONE_FIELDS.contains(field.getKey()) && !empty) {
                    carried.add(field.getKey());
                }
            }
            return carried.isEmpty() ? null : what + ": a removal carrying " + carried + " "
                    + abbreviate(item.toString());
        }
        long version = item.path("version").asLong();
        Step step = steps.stream().filter(s -> s.from() <= version && version < s.to()).findFirst().orElse(null);
        if (step == null) {
            return what + ": live, with a version of no step " + abbreviate(item.toString());
        }
        if (!step.shown().shows(typeOfField.get(message.field()), item.path("id").asText())) {
            return what + ": live, but the website hid it after step '" + step.name() + "' "
                    + abbreviate(item.toString());
        }
        return null;
    }

    /**
     * Runs {@code sql} (one transaction), records the WAL positions around it and what the website shows then, then
     * awaits the store equal to the website (but for the 300 KB product, which a size limit may refuse or trim) and
     * each expected message ("field id").
     */
    private void step(String name, String sql, String... expected) throws Exception {
        stepStart = received.size();
        long from = lsn();
        fx.execute(sql);
        steps.add(new Step(name, from, lsn(), WebsiteState.now(fx)));
        List<String> differences = PipelineFixture.await(() -> fx.store.differences().stream()
                .filter(d -> !d.startsWith("product " + BIG + " ")).toList(), List::isEmpty);
        assertThat(differences).as("store after step '%s'", name).isEmpty();
        for (String message : expected) {
            String[] parts = message.split(" ");
            await(parts[0], parts[1], name);
        }
    }

    private void await(String field, String id, String step) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (int i = stepStart; ; i++) {
            while (i >= received.size()) {
                long left = deadline - System.nanoTime();
                RealtimeClient.Event event = left > 0 ? subscriber.next(Duration.ofNanos(left)) : null;
                if (event == null) {
                    fail("step '" + step + "': no " + field + " " + id + " within " + WAIT.toSeconds() + " s");
                }
                receive(event);
            }
            Received message = received.get(i);
            if (message.field().equals(field) && message.item().path("id").asText().equals(id)) {
                return;
            }
        }
    }

    private void receive(RealtimeClient.Event event) {
        if (!"data".equals(event.type())) {
            fail("subscription error: " + event.payload());
        }
        received.add(new Received(event.field(), event.payload()));
    }

    /** What happened to the 300 KB product, for the report (a size limit may refuse or trim it). */
    private void report() {
        for (Received message : received) {
            if (message.item().path("id").asText().equals(Integer.toString(BIG))) {
                System.out.println("[audit] " + message.field() + " " + BIG + ": deleted="
                        + message.item().path("deleted") + ", websiteDescription "
                        + message.item().path("websiteDescription").asText("").length() + " characters");
            }
        }
        System.out.println("[audit] " + received.size() + " messages over " + steps.size() + " steps");
    }

    private long lsn() throws Exception {
        return fx.queryLong("SELECT (pg_current_wal_lsn() - '0/0')::bigint");
    }

    private static String product(int id, String change) {
        return "UPDATE product_template SET " + change + ", write_date = now() WHERE id = " + id;
    }

    private static String variant(int id, int product) {
        return "INSERT INTO product_product (id, product_tmpl_id, default_code, write_date) VALUES (" + id + ", "
                + product + ", 'INTERNAL-" + id + "', now())";
    }

    private static String category(int id, String name, String parent, String websiteId) {
        return "INSERT INTO product_public_category (id, name, parent_id, sequence, website_id, write_date) VALUES ("
                + id + ", '{\"en_US\": \"" + name + "\"}', " + parent + ", 10, " + websiteId + ", now())";
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...(" + text.length() + ")";
    }
}
