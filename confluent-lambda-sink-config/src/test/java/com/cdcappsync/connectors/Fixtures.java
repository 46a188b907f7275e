package com.cdcappsync.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real Debezium fixtures of lambda-upsert, read in place (never copied): see
 * {@code lambda-upsert/src/test/resources/fixtures/debezium/SCENARIO.md}.
 */
public final class Fixtures {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    /** The fixture folder: the build sets {@code cdc.fixturesDir}; an IDE run from the module works too. */
    static Path dir() {
        Path dir = Path.of(System.getProperty("cdc.fixturesDir",
                "../lambda-upsert/src/test/resources/fixtures/debezium"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no Debezium fixtures at " + dir.toAbsolutePath() + "; run the tests "
                    + "from confluent-lambda-sink-config/ or set -Dcdc.fixturesDir");
        }
        return dir;
    }

    /** A Confluent sink invocation array of a setting, such as {@code noschemas-string/confluent-string.json}. */
    public static ArrayNode confluentArray(String setting, String file) {
        return (ArrayNode) read(dir().resolve(setting).resolve(file));
    }

    /** The array cut into invocations of at most {@code batchSize} records, as the connector sends them. */
    public static List<ArrayNode> batches(ArrayNode all, int batchSize) {
        List<ArrayNode> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += batchSize) {
            ArrayNode batch = MAPPER.createArrayNode();
            for (int i = from; i < Math.min(all.size(), from + batchSize); i++) {
                batch.add(all.get(i).deepCopy());
            }
            batches.add(batch);
        }
        return batches;
    }

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
