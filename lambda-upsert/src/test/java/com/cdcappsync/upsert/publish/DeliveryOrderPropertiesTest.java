package com.cdcappsync.upsert.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.mapping.ChangeMapper;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.cdcappsync.upsert.testing.Events;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any delivery of rows' histories, with duplicates, replays and split batches, ends with each item holding its
 * newest version, and the newest version is the last mutation applied to each item.
 */
class DeliveryOrderPropertiesTest {

    private final ChangeMapper mapper = new ChangeMapper(new MappingLoader(Json.MAPPER).loadDefault(), Json.MAPPER);

    /** One change in a row's history: which row, and whether it deletes, hides or upserts it. */
    record Step(int row, int action) {
    }

    /** A delivery: the history, which stretches are delivered again, and how it is cut into batches. */
    record Delivery(List<Step> history, List<int[]> replays, List<Integer> batchSizes, boolean coalesce) {
    }

    @Provide
    Arbitrary<Delivery> deliveries() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(0, 9)).as(Step::new);
        Arbitrary<List<Step>> history = step.list().ofMinSize(1).ofMaxSize(40);
        Arbitrary<int[]> replay = Combinators.combine(Arbitraries.integers().between(0, 39),
                Arbitraries.integers().between(1, 15)).as((from, length) -> new int[] {from, length});
        return Combinators.combine(history, replay.list().ofMaxSize(4),
                Arbitraries.integers().between(1, 12).list().ofMinSize(1).ofMaxSize(10), Arbitraries.of(true, false))
                .as(Delivery::new);
    }

    @Property(tries = 300)
    void anyDelivery_endsWithTheNewestVersionOfEachItemAppliedLast(@ForAll("deliveries") Delivery delivery) {
        List<MappedChange> history = changes(delivery.history());
        List<MappedChange> delivered = new ArrayList<>(history);
        for (int[] replay : delivery.replays()) {
            // At-least-once: a stretch of the partition is delivered again after the rest.
            int from = Math.min(replay[0], history.size() - 1);
            delivered.addAll(history.subList(from, Math.min(history.size(), from + replay[1])));
        }
        VersionedStore store = new VersionedStore();
        try (Publisher publisher = new Publisher(store, new PublisherOptions(4, delivery.coalesce()))) {
            int position = 0;
            for (int i = 0; position < delivered.size(); i++) {
                int size = delivery.batchSizes().get(i % delivery.batchSizes().size());
                publisher.publish(delivered.subList(position, Math.min(delivered.size(), position + size)));
                position += size;
            }
        }
        Map<String, MappedChange> newest = new HashMap<>();
        history.forEach(c -> newest.merge(c.itemKey(), c, (a, b) -> a.version().compareTo(b.version()) >= 0 ? a : b));
        assertThat(store.items().keySet()).isEqualTo(newest.keySet());
        newest.forEach((item, change) -> {
            VersionedStore.Item stored = store.items().get(item);
            assertThat(stored.version()).isEqualTo(change.version().value());
            assertThat(stored.deleted()).isEqualTo(change.kind() == MappedChange.Kind.DELETE);
            assertThat(stored.input()).isEqualTo(change.variables().get("input"));
            List<Long> applied = store.applied().get(item);
            assertThat(applied.getLast()).isEqualTo(change.version().value());
            assertThat(applied).isSorted().doesNotHaveDuplicates();
        });
    }

    /** The history as mutations: versions rise in history order (as LSNs do), one partition. */
    private List<MappedChange> changes(List<Step> steps) {
        List<MappedChange> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            long version = 1000L + i;
            ChangeEvent event;
            if (step.action() == 0) {
                event = Events.delete(i, "product_template", step.row(), version);
            } else {
                Map<String, Object> row = Events.product("{\"en_US\":\"v" + version + "\"}", step.action() + ".25");
                row.put("active", step.action() != 1); // action 1 archives the product: it leaves the site
                event = Events.upsert(i, "product_template", step.row(), version, row);
            }
            out.add(mapper.map(event));
        }
        return out;
    }
}
