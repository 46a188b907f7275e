package com.cdcappsync.bench;

import com.cdcappsync.upsert.ChangeMapping;
import com.cdcappsync.upsert.UpsertJson;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The two workloads compared by {@link DecodeBenchmark} and {@link DecodeRatioHarness}: a bare Jackson parse of
 * one Confluent sink batch, and the same parse followed by the input adapter, the decoder and the mapping.
 */
final class DecodeWorkload {

    private static final ObjectMapper JSON = UpsertJson.mapper();

    private final byte[] batch;
    private final ChangeMapping mapping = new ChangeMapping(new MappingLoader().loadDefault());

    DecodeWorkload(String setting, String file) {
        this.batch = Fixtures.bytes(setting, file);
    }

    /** Baseline: what any handler pays to read the invocation at all. */
    JsonNode parseOnly() throws IOException {
        return JSON.readTree(batch);
    }

    /** Parse, adapt, decode every record, map every change to its mutation; each result goes to {@code sink}. */
    void parseDecodeAndMap(Consumer<Object> sink) throws IOException {
        mapping.each(JSON.readTree(batch), sink, sink);
    }
}
