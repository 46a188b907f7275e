package com.cdcappsync.bench;

import com.cdcappsync.upsert.adapter.InputAdapter;
import com.cdcappsync.upsert.adapter.InputItem;
import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.decode.DebeziumDecoder;
import com.cdcappsync.upsert.decode.DecoderOptions;
import com.cdcappsync.upsert.decode.Operation;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.mapping.ChangeMapper;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The two workloads compared by {@link DecodeBenchmark} and {@link DecodeRatioHarness}: a bare Jackson parse of
 * one Confluent sink batch, and the same parse followed by the input adapter, the decoder and the mapping.
 */
final class DecodeWorkload {

    private final byte[] batch;
    private final InputAdapter adapter = new InputAdapter();
    private final DebeziumDecoder decoder = new DebeziumDecoder(Json.MAPPER, DecoderOptions.DEFAULTS);
    private final ChangeMapper mapper = new ChangeMapper(new MappingLoader(Json.MAPPER).loadDefault(), Json.MAPPER);

    DecodeWorkload(String setting, String file) {
        this.batch = Fixtures.bytes(setting, file);
    }

    /** Baseline: what any handler pays to read the invocation at all. */
    JsonNode parseOnly() throws IOException {
        return Json.MAPPER.readTree(batch);
    }

    /** Parse, adapt, decode every record, map every change to its mutation; each result goes to {@code sink}. */
    void parseDecodeAndMap(Consumer<Object> sink) throws IOException {
        for (InputItem item : adapter.read(Json.MAPPER.readTree(batch)).items()) {
            if (item instanceof InputItem.SourceRecord record) {
                ChangeEvent event = decoder.decode(record);
                sink.accept(event.operation() == Operation.IGNORE ? event : mapper.map(event));
            }
        }
    }
}
