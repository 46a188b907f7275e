package com.cdcappsync.connectors;

import com.cdcappsync.upsert.BatchResult;
import com.cdcappsync.upsert.UpsertPipeline;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.publish.SendResult;
import com.cdcappsync.upsert.response.RecordStatus;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs the real handler pipeline (lambda-upsert) on invocations, one per batch, with a sender that records the
 * mutations instead of calling AppSync: as lambda-upsert's own FixtureRun does, with the same mapping for the
 * products scenario's events ({@value #PRODUCTS_MAPPING}: Odoo's rows as they are, internal category and the
 * TOASTed internal notes included, so the shapes the shipped configs produce are checked on every column kind).
 *
 * @param results one per invocation
 * @param sent    every mutation, invocation by invocation, in input order within each
 */
record HandlerRun(List<BatchResult> results, List<MappedChange> sent) {

    /** The products scenario's test mapping, in lambda-upsert's test resources next to the fixtures. */
    static final String PRODUCTS_MAPPING = "mappings/products-scenario.json";

    static HandlerRun of(List<ArrayNode> invocations, boolean coalesce) {
        String mapping = Fixtures.dir().resolve("../..").resolve(PRODUCTS_MAPPING).normalize().toString();
        HandlerConfig config = HandlerConfig.fromEnvironment(Map.of("PUBLISH_COALESCE", Boolean.toString(coalesce),
                "MAPPING_PATH", mapping)::get, false);
        List<BatchResult> results = new ArrayList<>();
        List<MappedChange> sent = new ArrayList<>();
        for (ArrayNode invocation : invocations) {
            ConcurrentLinkedQueue<MappedChange> batchSent = new ConcurrentLinkedQueue<>();
            try (UpsertPipeline pipeline = UpsertPipeline.builder().config(config).log(line -> { })
                    .sender(change -> {
                        batchSent.add(change);
                        return new SendResult.Applied(null);
                    }).build()) {
                results.add(pipeline.process(invocation));
            }
            List<MappedChange> ordered = new ArrayList<>(batchSent);
            ordered.sort(Comparator.comparingInt(c -> c.event().record().index()));
            sent.addAll(ordered);
        }
        return new HandlerRun(results, sent);
    }

    long count(RecordStatus status) {
        return results.stream().mapToLong(r -> r.count(status)).sum();
    }

    long records() {
        return results.stream().mapToLong(r -> r.outcomes().size()).sum();
    }

    /** "upsertProduct Product#1" and so on, in order. */
    List<String> mutations() {
        return sent.stream().map(c -> c.mutationField() + " " + c.itemKey()).toList();
    }
}
