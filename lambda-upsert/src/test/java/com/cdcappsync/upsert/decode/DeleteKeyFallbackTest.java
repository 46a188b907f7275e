package com.cdcappsync.upsert.decode;

import com.cdcappsync.upsert.internal.decode.DebeziumDecoder;
import com.cdcappsync.upsert.internal.decode.DecoderOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.adapter.InputItem;
import com.cdcappsync.upsert.adapter.RecordLocation;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.internal.mapping.ChangeMapper;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A delete whose record key is missing or not JSON (Confluent Cloud's sink reads keys as bytes) still finds
 * its id: from {@code before} (envelope) or from the rewritten row (flattened), which hold the real key.
 */
class DeleteKeyFallbackTest {

    private final DebeziumDecoder decoder = new DebeziumDecoder(DecoderOptions.DEFAULTS);
    private final ChangeMapper mapper = new ChangeMapper(new MappingLoader().loadDefault(), Json.MAPPER);

    private static JsonNode fixtureValue(String setting, int line) throws Exception {
        try (InputStream in = DeleteKeyFallbackTest.class.getResourceAsStream(
                "/fixtures/debezium/" + setting + "/confluent-object.json")) {
            return Json.MAPPER.readTree(in).get(line - 1).get("payload").get("value");
        }
    }

    @ParameterizedTest(name = "{0} key={1}")
    @CsvSource({"noschemas-precise, absent", "noschemas-precise, bytes", "schemas-precise, absent",
            "flattened-rewrite, absent", "flattened-schemas, bytes"})
    void decode_deleteWithoutAJsonKey_takesTheIdFromTheRealKeyColumns(String setting, String key) throws Exception {
        // Line 11 of every fixture setting is the delete of product 3 (SCENARIO.md, step f).
        JsonNode keyNode = key.equals("bytes") ? TextNode.valueOf("AAAAAw==") : null;
        InputItem.SourceRecord record = new InputItem.SourceRecord(0, new RecordLocation(
                "odoo.public.product_template", "0", "8"), null, keyNode, fixtureValue(setting, 11), Map.of());

        ChangeEvent event = decoder.decode(record);
        MappedChange change = mapper.map(event);

        assertThat(event.operation()).isEqualTo(Operation.DELETE);
        assertThat(event.columns()).isEmpty();
        assertThat(change.kind()).isEqualTo(MappedChange.Kind.DELETE);
        assertThat(change.id()).isEqualTo("3");
    }
}
