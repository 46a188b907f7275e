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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One Confluent sink batch of real Debezium events (16 records, each fixture setting) through the input
 * adapter, the decoder and the mapping, beside a baseline that only parses the same bytes with Jackson.
 * Goal: the whole decode costs no more than twice the bare parse.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBenchmark {

    @Param({"schemas-precise", "noschemas-precise", "noschemas-string", "noschemas-double", "flattened-rewrite",
            "flattened-schemas"})
    public String setting;

    @Param({"confluent-object.json"})
    public String file;

    private byte[] batch;
    private final InputAdapter adapter = new InputAdapter();
    private final DebeziumDecoder decoder = new DebeziumDecoder(Json.MAPPER, DecoderOptions.DEFAULTS);
    private final ChangeMapper mapper = new ChangeMapper(new MappingLoader(Json.MAPPER).loadDefault(), Json.MAPPER);

    @Setup(Level.Trial)
    public void load() {
        batch = Fixtures.bytes(setting, file);
    }

    /** Baseline: what any handler pays to read the invocation at all. */
    @Benchmark
    public JsonNode jacksonParseOnly() throws IOException {
        return Json.MAPPER.readTree(batch);
    }

    /** Parse, adapt, decode every record, map every change to its mutation. */
    @Benchmark
    public void parseDecodeAndMap(Blackhole sink) throws IOException {
        for (InputItem item : adapter.read(Json.MAPPER.readTree(batch)).items()) {
            if (item instanceof InputItem.SourceRecord record) {
                ChangeEvent event = decoder.decode(record);
                sink.consume(event.operation() == Operation.IGNORE ? event : mapper.map(event));
            }
        }
    }
}
