package com.cdcappsync.upsert.internal.publish;

import com.cdcappsync.upsert.publish.SendResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.internal.mapping.ChangeMapper;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.cdcappsync.upsert.response.RecordOutcome;
import com.cdcappsync.upsert.testing.Events;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PublisherTest {

    private final ChangeMapper mapper = new ChangeMapper(new MappingLoader().loadDefault(), Json.MAPPER);
    private int nextIndex;

    private MappedChange product(long id, long version) {
        return mapper.map(Events.upsert(nextIndex++, "product_template", id, version,
                Events.product("{\"en_US\":\"P" + id + "\"}", Long.toString(version))));
    }

    private static List<RecordOutcome> sorted(List<RecordOutcome> outcomes) {
        List<RecordOutcome> copy = new ArrayList<>(outcomes);
        copy.sort(Comparator.comparingInt(RecordOutcome::index));
        return copy;
    }

    @Test
    void publish_coalescing_sendsOnlyTheNewestVersionPerItem() {
        List<MappedChange> sent = new CopyOnWriteArrayList<>();
        try (Publisher publisher = new Publisher(c -> {
            sent.add(c);
            return new SendResult.Applied(null);
        }, PublisherOptions.DEFAULTS)) {
            List<RecordOutcome> outcomes = sorted(publisher.publish(List.of(product(1, 10), product(1, 30),
                    product(1, 20), product(2, 5))));

            assertThat(sent).extracting(c -> c.itemKey() + "@" + c.version()).containsExactlyInAnyOrder(
                    "Product#1@30", "Product#2@5");
            assertThat(outcomes).extracting(o -> o.status().label())
                    .containsExactly("stale", "applied", "stale", "applied");
            assertThat(((RecordOutcome.Stale) outcomes.getFirst()).reason()).contains("superseded by version 30");
        }
    }

    @Test
    void publish_withoutCoalescing_sendsEachItemsChangesInVersionOrder() {
        Map<String, List<Long>> perItem = new ConcurrentHashMap<>();
        try (Publisher publisher = new Publisher(c -> {
            perItem.computeIfAbsent(c.itemKey(), k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(c.version().value());
            return new SendResult.Applied(null);
        }, new PublisherOptions(8, false))) {
            List<MappedChange> batch = new ArrayList<>();
            for (long v : new long[] {5, 1, 4, 2, 3}) {
                for (long id = 1; id <= 10; id++) {
                    batch.add(product(id, v * 100 + id));
                }
            }

            List<RecordOutcome> outcomes = publisher.publish(batch);

            assertThat(outcomes).hasSize(50).allMatch(o -> o instanceof RecordOutcome.Applied);
            assertThat(perItem).hasSize(10);
            perItem.values().forEach(versions -> assertThat(versions).isSorted().hasSize(5));
        }
    }

    @Test
    void publish_manyItems_runsUpToTheBoundConcurrently() throws Exception {
        int bound = 4;
        CyclicBarrier allBoundAtOnce = new CyclicBarrier(bound);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        try (Publisher publisher = new Publisher(c -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                // Passes only if `bound` sends are running at the same time.
                allBoundAtOnce.await(5, TimeUnit.SECONDS);
                return new SendResult.Applied(null);
            } catch (Exception e) {
                return new SendResult.Failed("not concurrent: " + e);
            } finally {
                inFlight.decrementAndGet();
            }
        }, new PublisherOptions(bound, true))) {
            List<MappedChange> batch = new ArrayList<>();
            for (long id = 1; id <= 4 * bound; id++) {
                batch.add(product(id, id));
            }

            List<RecordOutcome> outcomes = publisher.publish(batch);

            assertThat(outcomes).allMatch(o -> o instanceof RecordOutcome.Applied);
            assertThat(maxInFlight.get()).isEqualTo(bound);
        }
    }

    @Test
    void publish_senderResults_areClassifiedPerRecord() {
        try (Publisher publisher = new Publisher(c -> switch (c.id()) {
            case "1" -> new SendResult.Applied(null);
            case "2" -> new SendResult.Stale("store has newer");
            case "3" -> new SendResult.Failed("HTTP 500 after 5 attempts");
            default -> throw new IllegalStateException("sender bug");
        }, PublisherOptions.DEFAULTS)) {
            List<RecordOutcome> outcomes = sorted(publisher.publish(List.of(product(1, 1), product(2, 1),
                    product(3, 1), product(4, 1))));

            assertThat(outcomes).extracting(o -> o.status().label()).containsExactly("applied", "stale", "failed",
                    "failed");
            assertThat(((RecordOutcome.Failed) outcomes.get(2)).reason()).isEqualTo("HTTP 500 after 5 attempts");
            assertThat(((RecordOutcome.Failed) outcomes.get(3)).reason()).contains("sender bug");
            assertThat(outcomes.getFirst().location().offset()).isEqualTo(Long.toString(outcomes.getFirst().index()));
        }
    }

    @Test
    void publish_emptyBatch_returnsNothing() {
        try (Publisher publisher = new Publisher(c -> new SendResult.Applied(null), PublisherOptions.DEFAULTS)) {
            assertThat(publisher.publish(List.of())).isEmpty();
        }
    }
}
