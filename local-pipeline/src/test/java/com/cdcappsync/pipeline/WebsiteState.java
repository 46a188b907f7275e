package com.cdcappsync.pipeline;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What website 1 shows at one moment, read from PostgreSQL with {@link WebsiteSql}'s queries: the oracle the public
 * API is held to.
 *
 * @param products   shown product id to its (en_US name, price)
 * @param variants   shown variant id to its product id
 * @param categories shown website category id to its en_US name
 * @param links      shown product id to the ids of the categories it is linked to
 */
record WebsiteState(Map<String, Product> products, Map<String, String> variants, Map<String, String> categories,
                    Map<String, Set<String>> links) {

    record Product(String name, BigDecimal price) {
    }

    static WebsiteState now(PipelineFixture fx) throws SQLException {
        Map<String, Product> products = new HashMap<>();
        try (Statement statement = fx.db.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT id::text, name->>'en_US', list_price FROM product_template WHERE id IN ("
                        + WebsiteSql.SHOWN_PRODUCT_IDS + ")")) {
            while (rows.next()) {
                products.put(rows.getString(1), new Product(rows.getString(2), rows.getBigDecimal(3)));
            }
        }
        Map<String, Set<String>> links = new HashMap<>();
        pairs(fx, WebsiteSql.CATEGORY_LINKS).forEach((link, category) -> {
            String product = link.substring(0, link.indexOf('#'));
            if (products.containsKey(product)) {
                links.computeIfAbsent(product, p -> new TreeSet<>()).add(category);
            }
        });
        return new WebsiteState(products, pairs(fx, WebsiteSql.SHOWN_VARIANTS),
                pairs(fx, WebsiteSql.SHOWN_CATEGORIES), links);
    }

    /** Every id of {@code table}, shown or not. */
    static Set<String> ids(PipelineFixture fx, String table) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Statement statement = fx.db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id::text FROM " + table)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** Whether a live (deleted=false) item of {@code type} with this id may be shown now. */
    boolean shows(String type, String id) {
        return switch (type) {
            case "Product" -> products.containsKey(id);
            case "ProductVariant" -> variants.containsKey(id);
            case "PublicCategory" -> categories.containsKey(id);
            default -> throw new AssertionError("no oracle for type " + type + ": add it to WebsiteState");
        };
    }

    /** The shown variant ids of a product. */
    Set<String> variantsOf(String product) {
        Set<String> ids = new TreeSet<>();
        variants.forEach((variant, owner) -> {
            if (owner.equals(product)) {
                ids.add(variant);
            }
        });
        return ids;
    }

    private static Map<String, String> pairs(PipelineFixture fx, String sql) throws SQLException {
        Map<String, String> pairs = new HashMap<>();
        try (Statement statement = fx.db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                pairs.put(rows.getString(1), rows.getString(2));
            }
        }
        return pairs;
    }
}
