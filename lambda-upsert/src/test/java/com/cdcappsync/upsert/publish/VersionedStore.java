package com.cdcappsync.upsert.publish;

import com.cdcappsync.upsert.mapping.MappedChange;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory stand-in for the resolver's version guard (the real one is tested against the AppSync
 * simulator): writes only when the stored version is lower, keeps tombstones, records what it applied.
 */
final class VersionedStore implements MutationSender {

    /** What the store holds for an item. */
    record Item(long version, boolean deleted, JsonNode input) {
    }

    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> applied = new ConcurrentHashMap<>();

    @Override
    public SendResult send(MappedChange change) {
        String key = change.itemKey();
        long version = change.version().value();
        boolean[] written = {false};
        items.compute(key, (k, stored) -> {
            if (stored != null && stored.version() >= version) {
                return stored;
            }
            written[0] = true;
            return new Item(version, change.kind() == MappedChange.Kind.DELETE, change.variables().get("input"));
        });
        if (!written[0]) {
            return new SendResult.Stale("stored version is newer");
        }
        applied.computeIfAbsent(key, k -> new ArrayList<>()).add(version);
        return new SendResult.Applied(change.variables().get("input"));
    }

    Map<String, Item> items() {
        return items;
    }

    /** Versions applied per item, in the order they were applied. */
    Map<String, List<Long>> applied() {
        return applied;
    }
}
