package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real Debezium fixtures of
 * {@code lambda-upsert/src/test/resources/fixtures/debezium/<setting>/confluent-object.json}
 * (see SCENARIO.md there: line N of its index is element N-1), sliced into single Confluent sink records, with
 * the few hand-made variations the tests need (another row id, so that tests of one class do not share rows);
 * and the storefront scenario's ({@code fixtures/debezium-storefront/}: variants, website publication), used as
 * delivered.
 */
final class Fixtures {

    /** Scenario lines (1-based), as SCENARIO.md's line index numbers them (all settings but the truncate one). */
    static final int CATEGORY_1_SNAPSHOT = 1;
    static final int PRODUCT_1_SNAPSHOT = 3;
    static final int PRODUCT_2_SNAPSHOT = 4;
    static final int PRODUCT_3_INSERT = 5;
    static final int PRODUCT_1_PRICE_UPDATE_TOAST = 6;
    static final int PRODUCT_1_TRANSLATION_TOAST = 7;
    static final int PRODUCT_2_ARCHIVE = 8;
    static final int PRODUCT_3_NOT_FOR_SALE = 9;
    static final int PRODUCT_3_FOR_SALE_AGAIN = 10;
    static final int PRODUCT_3_DELETE = 11;
    static final int PRODUCT_3_TOMBSTONE = 12;
    static final int PRODUCT_4_REINSERT = 13;

    /** Lines of the storefront scenario with website_sale (fixtures/debezium-storefront/SCENARIO.md). */
    static final class Storefront {
        /** The shipped connector's settings (debezium-odoo-source.json): schemas off, decimals as text. */
        static final String SETTING = "noschemas-string";
        /** Template 21, Office Chair, published; template 22, Standing Desk, never published. */
        static final int CHAIR_SNAPSHOT = 1;
        static final int DESK_SNAPSHOT = 2;
        /** Variants 41 CHAIR-BLK (barcode 4006381333931), 42 CHAIR-WHT (no barcode) of 21; 43 DESK-STAND of 22. */
        static final int BLACK_SNAPSHOT = 3;
        static final int WHITE_SNAPSHOT = 4;
        static final int DESK_VARIANT_SNAPSHOT = 5;
        /** Variant 44 CHAIR-RED inserted (barcode 4006381333948), its barcode changed to 4006381333955. */
        static final int RED_INSERT = 6;
        static final int RED_BARCODE = 7;
        static final int WHITE_ARCHIVE = 8;
        static final int CHAIR_UNPUBLISH = 9;
        static final int CHAIR_REPUBLISH = 10;
        static final int RED_DELETE = 11;
        static final int RED_TOMBSTONE = 12;

        private Storefront() {
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final Path root;
    private final Path storefrontRoot;
    /** Each setting's array, parsed once; {@link #record} hands out copies. */
    private final Map<String, JsonNode> parsed = new ConcurrentHashMap<>();

    Fixtures(Path repositoryRoot) {
        this.root = repositoryRoot.resolve("lambda-upsert/src/test/resources/fixtures/debezium");
        this.storefrontRoot = repositoryRoot.resolve("lambda-upsert/src/test/resources/fixtures/debezium-storefront");
    }

    /** One record of a storefront setting's Confluent array, unchanged (a fresh copy). */
    ObjectNode storefront(String setting, int line) {
        JsonNode all = parsed.computeIfAbsent("storefront/" + setting,
                s -> read(storefrontRoot.resolve(setting).resolve("confluent-object.json")));
        if (line < 1 || line > all.size()) {
            throw new IllegalArgumentException("storefront " + setting + " has lines 1-" + all.size() + ", not "
                    + line);
        }
        return (ObjectNode) all.get(line - 1).deepCopy();
    }

    /** The storefront records of {@link Storefront#SETTING} at these lines, in order, as one invocation. */
    ArrayNode storefrontBatch(int... lines) {
        ArrayNode batch = mapper.createArrayNode();
        for (int line : lines) {
            batch.add(storefront(Storefront.SETTING, line));
        }
        return batch;
    }

    /** One record of a setting's Confluent array, as a fresh copy. */
    ObjectNode record(String setting, int line) {
        JsonNode all = parsed.computeIfAbsent(setting, s -> read(root.resolve(s).resolve("confluent-object.json")));
        if (line < 1 || line > all.size()) {
            throw new IllegalArgumentException(setting + " has lines 1-" + all.size() + ", not " + line);
        }
        return (ObjectNode) all.get(line - 1).deepCopy();
    }

    /** The same record for another row: the key's, {@code after}'s and {@code before}'s id (or the flat row's). */
    ObjectNode record(String setting, int line, int id) {
        ObjectNode record = record(setting, line);
        ObjectNode payload = (ObjectNode) record.get("payload");
        setId(unwrap(payload.get("key")), id);
        JsonNode value = unwrap(payload.get("value"));
        if (value != null && (value.has("after") || value.has("before"))) {
            setId(value.get("after"), id);
            setId(value.get("before"), id);
        } else {
            setId(value, id);
        }
        return record;
    }

    /** A Confluent sink invocation holding {@code records}, in order. */
    ArrayNode batch(JsonNode... records) {
        ArrayNode batch = mapper.createArrayNode();
        for (JsonNode record : records) {
            batch.add(record.deepCopy());
        }
        return batch;
    }

    /** The setting's record at {@code line} for row {@code id}, alone in an invocation. */
    ArrayNode single(String setting, int line, int id) {
        return batch(record(setting, line, id));
    }

    /** The LSN (version) of a record, as Debezium delivered it. */
    static long lsn(JsonNode record) {
        JsonNode value = unwrap(record.path("payload").get("value"));
        return value.has("source") ? value.get("source").get("lsn").asLong() : value.get("__lsn").asLong();
    }

    /**
     * Turns a real record into a later change of the same row: {@code source.lsn} (the version) becomes {@code lsn}
     * and each column of {@code after} named in {@code columns} takes its new value. For schema-less settings.
     */
    static ObjectNode laterChange(ObjectNode record, long lsn, Map<String, JsonNode> columns) {
        ObjectNode after = (ObjectNode) unwrap(withLsn(record, lsn).path("payload").get("value")).get("after");
        columns.forEach(after::set);
        return record;
    }

    /** A record with its {@code source.lsn} (the version) set to {@code lsn}; for schema-less settings. */
    static ObjectNode withLsn(ObjectNode record, long lsn) {
        ObjectNode value = (ObjectNode) unwrap(record.path("payload").get("value"));
        ((ObjectNode) value.get("source")).put("lsn", lsn);
        return record;
    }

    /** {@code amount} as Debezium's precise {@code VariableScaleDecimal} without schema: {scale, base64 unscaled}. */
    JsonNode preciseDecimal(BigDecimal amount) {
        return mapper.createObjectNode().put("scale", amount.scale())
                .put("value", Base64.getEncoder().encodeToString(amount.unscaledValue().toByteArray()));
    }

    /** Odoo's jsonb translation text, as Debezium delivers a {@code name} column: {@code {"en_US": "..."}}. */
    JsonNode translation(String english) {
        return mapper.getNodeFactory().textNode(mapper.createObjectNode().put("en_US", english).toString());
    }

    /** The {@code payload} under a JsonConverter {@code {schema, payload}} wrapper, or the node itself. */
    private static JsonNode unwrap(JsonNode node) {
        return node != null && node.has("schema") && node.has("payload") ? node.get("payload") : node;
    }

    private static void setId(JsonNode row, int id) {
        if (row instanceof ObjectNode object && object.has("id")) {
            object.put("id", id);
        }
    }

    private JsonNode read(Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fixture " + file + "; run the tests from the repository "
                    + "(the Maven build sets -D" + RepositoryLayout.ROOT_PROPERTY + ")", e);
        }
    }
}
