package com.cdcappsync.pipeline;

import static com.cdcappsync.pipeline.PublicSchema.named;

import com.cdcappsync.upsert.appsync.AppSyncClient;
import com.cdcappsync.upsert.appsync.GraphQlRequest;
import com.cdcappsync.upsert.appsync.GraphQlResponse;
import com.cdcappsync.upsert.mapping.TableMapping;
import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.NonNullType;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every query field of the deployed schema, called as the website calls it (its API key only), compared with what
 * the website shows ({@link WebsiteState}): a {@code get} field for every id PostgreSQL holds, a list field page by
 * page (limit 100), each item with every field its type offers (a product's variants and category ids included).
 * Website 2, which this deployment does not serve, must be answered nothing.
 */
final class WebsiteQueries {

    private final PipelineFixture fx;
    private final PublicSchema schema;
    private final AppSyncClient website;
    private final List<String> differences = new ArrayList<>();
    private final List<String> called = new ArrayList<>();

    WebsiteQueries(PipelineFixture fx, PublicSchema schema, AppSyncClient website) {
        this.fx = fx;
        this.schema = schema;
        this.website = website;
    }

    /** Each difference between the API and the website as a line; empty when they agree. */
    List<String> differences(WebsiteState shown) throws SQLException {
        for (FieldDefinition query : schema.queries()) {
            String type = named(query.getType());
            for (String websiteId : List.of("1", "2")) {
                WebsiteState expected = websiteId.equals("1") ? shown
                        : new WebsiteState(Map.of(), Map.of(), Map.of(), Map.of());
                if (schema.isConnection(type)) {
                    list(query, schema.itemType(type), websiteId, expected);
                } else {
                    get(query, type, websiteId, expected);
                }
            }
        }
        return differences;
    }

    /** The query fields called, for the test to show that none was skipped. */
    List<String> called() {
        return called;
    }

    private void get(FieldDefinition query, String type, String websiteId, WebsiteState expected)
            throws SQLException {
        requireArguments(query, Set.of("id", "websiteId"));
        called.add(query.getName());
        for (String id : WebsiteState.ids(fx, table(type))) {
            JsonNode item = call(query.getName() + "(id: \"" + id + "\", websiteId: \"" + websiteId + "\")", type);
            if (item == null) {
                continue;
            }
            boolean shows = expected.shows(type, id);
            if (item.isNull() == shows) {
                differences.add(query.getName() + " " + id + " on website " + websiteId + ": " + (shows
                        ? "missing, but the website shows it" : "answered, but the website hides it: " + item));
            } else if (shows) {
                compare(type, item, expected, query.getName());
            }
        }
    }

    private void list(FieldDefinition query, String type, String websiteId, WebsiteState expected) {
        requireArguments(query, Set.of("websiteId", "limit", "nextToken"));
        called.add(query.getName());
        Set<String> seen = new TreeSet<>();
        String token = null;
        do {
            String arguments = "(websiteId: \"" + websiteId + "\", limit: 100" + (token == null ? ""
                    : ", nextToken: \"" + token + "\"") + ")";
            JsonNode page = call(query.getName() + arguments, "{ items { " + schema.fullSelection(type)
                    + " } nextToken }");
            if (page == null) {
                return;
            }
            for (JsonNode item : page.path("items")) {
                if (!seen.add(item.path("id").asText())) {
                    differences.add(query.getName() + ": " + item.path("id").asText() + " listed twice");
                } else if (!expected.shows(type, item.path("id").asText())) {
                    differences.add(query.getName() + " on website " + websiteId + " lists hidden " + item);
                } else {
                    compare(type, item, expected, query.getName());
                }
            }
            token = page.path("nextToken").isTextual() ? page.path("nextToken").asText() : null;
        } while (token != null);
        Set<String> missing = new TreeSet<>(switch (type) {
            case "Product" -> expected.products().keySet();
            case "ProductVariant" -> expected.variants().keySet();
            default -> expected.categories().keySet();
        });
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            differences.add(query.getName() + " on website " + websiteId + " misses shown " + missing);
        }
    }

    /** A shown item's fields against PostgreSQL. */
    private void compare(String type, JsonNode item, WebsiteState expected, String via) {
        String id = item.path("id").asText();
        String what = via + " " + type + " " + id;
        if (item.path("deleted").asBoolean(false)) {
            differences.add(what + " is answered as a tombstone");
        }
        switch (type) {
            case "Product" -> {
                WebsiteState.Product row = expected.products().get(id);
                same(what + " name", row.name(), item.path("name").asText(null));
                String price = item.path("listPrice").asText(null);
                if (price == null || row.price().compareTo(new BigDecimal(price)) != 0) {
                    differences.add(what + " listPrice: PostgreSQL " + row.price() + ", API " + price);
                }
                same(what + " variants", expected.variantsOf(id), ids(item.path("variants").path("items")));
                if (!item.path("variants").path("nextToken").isNull()) {
                    differences.add(what + " variants: a second page for fewer than 100 variants");
                }
                same(what + " publicCategoryIds", expected.links().getOrDefault(id, Set.of()),
                        texts(item.path("publicCategoryIds")));
                same(what + " websiteIds", Set.of("1"), texts(item.path("websiteIds")));
            }
            case "ProductVariant" -> same(what + " productId", expected.variants().get(id),
                    item.path("productId").asText(null));
            case "PublicCategory" -> {
                same(what + " name", expected.categories().get(id), item.path("name").asText(null));
                same(what + " websiteIds", Set.of("1"), texts(item.path("websiteIds")));
            }
            default -> differences.add(what + ": no oracle for this type");
        }
    }

    /** The field's data, or null after recording an error; {@code type} is a type name or a selection. */
    private JsonNode call(String field, String type) {
        String selection = type.startsWith("{") ? type : "{ " + schema.fullSelection(type) + " }";
        GraphQlResponse response = website.execute(GraphQlRequest.of("query { " + field + " " + selection + " }"));
        if (response.hasErrors() || response.data() == null) {
            differences.add(field + ": " + response);
            return null;
        }
        return response.data().properties().iterator().next().getValue();
    }

    private void requireArguments(FieldDefinition query, Set<String> known) {
        for (InputValueDefinition argument : query.getInputValueDefinitions()) {
            if (!known.contains(argument.getName()) && argument.getType() instanceof NonNullType) {
                differences.add(query.getName() + ": required argument " + argument.getName() + " unknown to the "
                        + "audit");
            }
        }
    }

    private String table(String type) {
        return fx.stack.mappings().tables().stream().filter(t -> t.typeName().equals(type))
                .map(TableMapping::table).findFirst()
                .orElseThrow(() -> new AssertionError("no mapped table for " + type));
    }

    private void same(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(what + ": PostgreSQL " + expected + ", API " + actual);
        }
    }

    private static Set<String> ids(JsonNode items) {
        Set<String> ids = new TreeSet<>();
        items.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static Set<String> texts(JsonNode values) {
        Set<String> texts = new HashSet<>();
        values.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
