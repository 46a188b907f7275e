package com.cdcappsync.upsert.publish;

import com.cdcappsync.upsert.internal.publish.Publisher;
import com.cdcappsync.upsert.internal.publish.PublisherOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.internal.mapping.ChangeMapper;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.cdcappsync.upsert.testing.Events;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any delivery of rows' histories, with duplicates, replays and split batches, ends with each item holding its
 * newest version, and the newest version is the last mutation applied to each item.
 *
 * <p>A property test with plain JUnit: each case is a seed, the delivery is drawn from a {@link SplittableRandom}
 * with that seed, and the seed is in the case's name and every assertion's message, so a failure reproduces by
 * running that seed ({@link Delivery#from(long)}).
 */
class DeliveryOrderPropertiesTest {

    private final ChangeMapper mapper = new ChangeMapper(new MappingLoader().loadDefault(), Json.MAPPER);

    /** One change in a row's history: which row, and whether it deletes, hides or upserts it. */
    record Step(int row, int action) {
    }

    /** A delivery: the history, which stretches are delivered again, and how it is cut into batches. */
    record Delivery(List<Step> history, List<int[]> replays, List<Integer> batchSizes, boolean coalesce) {

        /**
         * The delivery of a seed: 1-40 steps (row 1-4, action 0-9), up to 4 replays (from 0-39, 1-15 long),
         * 1-10 batch sizes of 1-12, coalescing on or off.
         */
        static Delivery from(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            List<Step> history = new ArrayList<>();
            for (int n = random.nextInt(1, 41); n > 0; n--) {
                history.add(new Step(random.nextInt(1, 5), random.nextInt(0, 10)));
            }
            List<int[]> replays = new ArrayList<>();
            for (int n = random.nextInt(0, 5); n > 0; n--) {
                replays.add(new int[] {random.nextInt(0, 40), random.nextInt(1, 16)});
            }
            List<Integer> batchSizes = new ArrayList<>();
            for (int n = random.nextInt(1, 11); n > 0; n--) {
                batchSizes.add(random.nextInt(1, 13));
            }
            return new Delivery(history, replays, batchSizes, random.nextBoolean());
        }
    }

    /** The number of random deliveries. */
    private static final int TRIES = 300;

    /** A few fixed seeds with the smallest shapes first, then {@link #TRIES} seeds drawn from a fixed seed. */
    static Stream<Arguments> deliveries() {
        Stream<Arguments> edges = Stream.of(
                Arguments.of(-1L, new Delivery(List.of(new Step(1, 2)), List.of(), List.of(1), true)),
                Arguments.of(-2L, new Delivery(List.of(new Step(1, 0)), List.of(new int[] {0, 1}), List.of(1),
                        false)),
                Arguments.of(-3L, new Delivery(List.of(new Step(4, 3), new Step(4, 1), new Step(4, 0),
                        new Step(4, 9)), List.of(new int[] {39, 15}, new int[] {0, 15}), List.of(12), false)));
        LongStream seeds = new SplittableRandom(20_261_207L).longs(TRIES);
        return Stream.concat(edges, seeds.mapToObj(seed -> Arguments.of(seed, Delivery.from(seed))));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("deliveries")
    void anyDelivery_endsWithTheNewestVersionOfEachItemAppliedLast(long seed, Delivery delivery) {
        String the = "delivery of seed " + seed + " (negative seeds: the fixed edge cases)";
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
        assertThat(store.items().keySet()).as(the).isEqualTo(newest.keySet());
        newest.forEach((item, change) -> {
            VersionedStore.Item stored = store.items().get(item);
            assertThat(stored.version()).as(the + ", " + item).isEqualTo(change.version().value());
            assertThat(stored.deleted()).as(the + ", " + item).isEqualTo(change.kind() == MappedChange.Kind.DELETE);
            assertThat(stored.input()).as(the + ", " + item).isEqualTo(change.variables().get("input"));
            List<Long> applied = store.applied().get(item);
            assertThat(applied.getLast()).as(the + ", " + item).isEqualTo(change.version().value());
            assertThat(applied).as(the + ", " + item).isSorted().doesNotHaveDuplicates();
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
