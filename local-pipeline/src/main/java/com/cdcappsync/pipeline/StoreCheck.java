package com.cdcappsync.pipeline;

import com.cdcappsync.apimanifest.ApiManifest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Compares the store (DynamoDB) with what the shop's website shows according to PostgreSQL ({@link WebsiteSql},
 * for website 1 of company 1, the packaged defaults): every shown product is a live item with PostgreSQL's name,
 * price and website description, and every other product row, and every deleted one, is absent or a tombstone;
 * every variant whose row is active is a live item with its product's id (the API shows it only while that product
 * is live), every other one absent or a tombstone; likewise the website's categories (with their names) and their
 * links to products.
 */
public final class StoreCheck {

    private final Connection db;
    private final DynamoDbClient dynamoDb;
    private final ApiManifest manifest;

    public StoreCheck(Connection db, DynamoDbClient dynamoDb, ApiManifest manifest) {
        this.db = db;
        this.dynamoDb = dynamoDb;
        this.manifest = manifest;
    }

    public Map<String, AttributeValue> product(int id) {
        return dynamoDb.getItem(b -> b.tableName(manifest.tableOfType("Product").dataSource()).consistentRead(true)
                .key(Map.of("id", AttributeValue.fromS(Integer.toString(id))))).item();
    }

    /** Each difference as a line; empty when the store equals what the website shows. */
    public List<String> differences() throws SQLException {
        List<String> differences = new ArrayList<>();
        products(differences);
        rows(differences, "variant", "ProductVariant", WebsiteSql.ACTIVE_VARIANTS, "productId");
        rows(differences, "website category", "PublicCategory", WebsiteSql.SHOWN_CATEGORIES, "name");
        rows(differences, "category link", "ProductPublicCategory", WebsiteSql.CATEGORY_LINKS, "categoryId");
        return differences;
    }

    private void products(List<String> differences) throws SQLException {
        Map<String, Map<String, AttributeValue>> products = scan("Product");
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT id, name->>'en_US', list_price, website_description->>'en_US', id IN ("
                        + WebsiteSql.SHOWN_PRODUCT_IDS + ") FROM product_template")) {
            while (rows.next()) {
                String id = rows.getString(1);
                Map<String, AttributeValue> item = products.remove(id);
                boolean live = live(item);
                if (!rows.getBoolean(5)) {
                    if (live) {
                        differences.add("product " + id + " is hidden on the website but live in the store");
                    }
                } else if (!live) {
                    differences.add("product " + id + " is shown on the website but " + (item == null ? "missing"
                            : "a tombstone") + " in the store");
                } else {
                    compareProduct(differences, id, rows, item);
                }
            }
        }
        products.forEach((id, item) -> {
            if (live(item)) {
                differences.add("product " + id + " is deleted in PostgreSQL but live in the store");
            }
        });
    }

    private static void compareProduct(List<String> differences, String id, ResultSet row,
                                       Map<String, AttributeValue> item) throws SQLException {
        compare(differences, "product " + id + " name", row.getString(2), text(item, "name"));
        BigDecimal price = row.getBigDecimal(3);
        String stored = text(item, "listPrice");
        if (price == null ? stored != null : stored == null || price.compareTo(new BigDecimal(stored)) != 0) {
            differences.add("product " + id + " listPrice: PostgreSQL " + price + ", store " + stored);
        }
        compare(differences, "product " + id + " websiteDescription", row.getString(4),
                text(item, "websiteDescription"));
    }

    /**
     * A table whose query answers (id, one value): each answered row is a live item whose {@code attribute} holds the
     * value, and every other item is absent or a tombstone.
     */
    private void rows(List<String> differences, String what, String type, String sql, String attribute)
            throws SQLException {
        Map<String, Map<String, AttributeValue>> items = scan(type);
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String id = rows.getString(1);
                Map<String, AttributeValue> item = items.remove(id);
                if (!live(item)) {
                    differences.add(what + " " + id + " is in PostgreSQL but " + (item == null ? "missing"
                            : "a tombstone") + " in the store");
                } else {
                    compare(differences, what + " " + id + " " + attribute, rows.getString(2), text(item, attribute));
                }
            }
        }
        items.forEach((id, item) -> {
            if (live(item)) {
                differences.add(what + " " + id + " is gone or hidden in PostgreSQL but live in the store");
            }
        });
    }

    private static boolean live(Map<String, AttributeValue> item) {
        return item != null && (item.get("deleted") == null || !item.get("deleted").bool());
    }

    private static void compare(List<String> differences, String what, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(what + ": PostgreSQL " + abbreviate(expected) + ", store " + abbreviate(actual));
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 60 ? text : text.substring(0, 60) + "...(" + text.length() + ")";
    }

    private static String text(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || Boolean.TRUE.equals(value.nul()) ? null : value.s();
    }

    private Map<String, Map<String, AttributeValue>> scan(String type) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        dynamoDb.scanPaginator(b -> b.tableName(manifest.tableOfType(type).dataSource()).consistentRead(true))
                .items().forEach(item -> items.put(item.get("id").s(), item));
        return items;
    }
}
