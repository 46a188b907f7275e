package com.cdcappsync.upsert.decode;

import com.cdcappsync.upsert.adapter.InputItem.SourceRecord;
import com.cdcappsync.upsert.adapter.RecordLocation;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.internal.decode.DebeziumDecoder;
import com.cdcappsync.upsert.internal.decode.DecoderOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Builds source records and decoders for the decoder tests; the project's mapper throughout. */
public final class DecodeSupport {

    public static final String TOPIC = "odoo.public.product_template";
    public static final String OFFSET = "41";

    private DecodeSupport() {
    }

    public static DebeziumDecoder decoder() {
        return new DebeziumDecoder(DecoderOptions.DEFAULTS);
    }

    public static DebeziumDecoder decoder(DecoderOptions options) {
        return new DebeziumDecoder(options);
    }

    public static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON text as a string node, i.e. one string layer. */
    public static JsonNode text(String jsonText) {
        return TextNode.valueOf(jsonText);
    }

    /** The JSON string literal of {@code text}. */
    public static String quote(String text) {
        try {
            return Json.MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode fixture(String name) {
        try (InputStream in = DecodeSupport.class.getResourceAsStream("/unit/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture /unit/" + name);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SourceRecord record(String topic, String offset, JsonNode key, JsonNode value) {
        return new SourceRecord(0, new RecordLocation(topic, "0", offset), 1709288130999L, key, value, Map.of());
    }

    public static SourceRecord record(JsonNode key, JsonNode value) {
        return record(TOPIC, OFFSET, key, value);
    }

    /** Decodes key and value given as JSON text (null for a null node) with the default options. */
    public static ChangeEvent decode(String keyJson, String valueJson) {
        return decoder().decode(record(keyJson == null ? null : json(keyJson),
                valueJson == null ? null : json(valueJson)));
    }

    /** A schemaless envelope with the given op, after image and source.lsn (omitted when null). */
    public static String envelope(String op, String after, Long lsn) {
        String lsnField = lsn == null ? "" : ",\"lsn\":" + lsn;
        return """
                {"before":null,"after":%s,
                 "source":{"version":"3.6.1.Final","connector":"postgresql","name":"odoo","ts_ms":1709288130123,
                           "snapshot":"false","db":"odoo","sequence":"[null,\\"24023128\\"]","schema":"public",
                           "table":"product_template","txId":771%s},
                 "op":"%s","ts_ms":1709288130456}""".formatted(after, lsnField, op);
    }
}
