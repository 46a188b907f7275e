package com.cdcappsync.bench;

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
 * Goal: the whole decode costs no more than twice the bare parse. On a host whose speed drifts, read the ratio
 * from {@link DecodeRatioHarness}, which interleaves the two.
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

    private DecodeWorkload workload;

    @Setup(Level.Trial)
    public void load() {
        workload = new DecodeWorkload(setting, file);
    }

    /** Baseline: what any handler pays to read the invocation at all. */
    @Benchmark
    public JsonNode jacksonParseOnly() throws IOException {
        return workload.parseOnly();
    }

    /** Parse, adapt, decode every record, map every change to its mutation. */
    @Benchmark
    public void parseDecodeAndMap(Blackhole sink) throws IOException {
        workload.parseDecodeAndMap(sink::consume);
    }
}
