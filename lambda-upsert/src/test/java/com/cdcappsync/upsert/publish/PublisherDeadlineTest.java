package com.cdcappsync.upsert.publish;

import com.cdcappsync.upsert.internal.publish.Publisher;
import com.cdcappsync.upsert.internal.publish.PublisherOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.appsync.Deadline;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.internal.mapping.ChangeMapper;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.mapping.MappingLoader;
import com.cdcappsync.upsert.response.RecordOutcome;
import com.cdcappsync.upsert.testing.Events;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The publisher within an invocation's deadline: no send starts after it, and it never waits much past it. */
class PublisherDeadlineTest {

    private final ChangeMapper mapper = new ChangeMapper(new MappingLoader().loadDefault(), Json.MAPPER);
    private int nextIndex;

    private MappedChange product(long id) {
        return mapper.map(Events.upsert(nextIndex++, "product_template", id, 10,
                Events.product("{\"en_US\":\"P" + id + "\"}", "10")));
    }

    private static List<RecordOutcome.Failed> failed(List<RecordOutcome> outcomes) {
        return outcomes.stream().sorted(Comparator.comparingInt(RecordOutcome::index))
                .filter(RecordOutcome.Failed.class::isInstance).map(RecordOutcome.Failed.class::cast).toList();
    }

    @Test
    void publish_queuedItemsAfterTheDeadline_failWithoutBeingSent() {
        AtomicLong nanos = new AtomicLong();
        List<String> sent = new CopyOnWriteArrayList<>();
        // One sender; each send takes 600 ms of the fake clock; the budget is 1 s: two sends start, the third not.
        try (Publisher publisher = new Publisher(c -> {
            sent.add(c.itemKey());
            nanos.addAndGet(Duration.ofMillis(600).toNanos());
            return new SendResult.Applied(null);
        }, new PublisherOptions(1, true))) {
            List<RecordOutcome> outcomes = publisher.publish(List.of(product(1), product(2), product(3)),
                    Deadline.after(Duration.ofSeconds(1), nanos::get));

            assertThat(sent).containsExactly("Product#1", "Product#2");
            assertThat(failed(outcomes)).singleElement().satisfies(f -> {
                assertThat(f.index()).isEqualTo(2);
                assertThat(f.outOfTime()).isTrue();
                assertThat(f.reason()).startsWith("function time budget: stopped with 0 ms left of 1000 ms")
                        .contains("not sent");
            });
        }
    }

    @Test
    void publish_senderIgnoringTheDeadline_answersSoonAfterItWithEveryUnfinishedRecordFailed() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (Publisher publisher = new Publisher(c -> {
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SendResult.Applied(null);
        }, new PublisherOptions(2, true))) {
            long start = System.nanoTime();
            List<RecordOutcome> outcomes = publisher.publish(List.of(product(1), product(2), product(3)),
                    Deadline.after(Duration.ofMillis(300), System::nanoTime));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isBetween(Duration.ofMillis(300), Duration.ofMillis(300).plus(Publisher.LATE_GRACE)
                    .plusMillis(1000));
            assertThat(outcomes).hasSize(3);
            assertThat(failed(outcomes)).hasSize(3).allSatisfy(f -> {
                assertThat(f.outOfTime()).isTrue();
                assertThat(f.reason()).startsWith("function time budget: stopped with 0 ms left of 300 ms")
                        .contains("not finished when the time ran out");
            });
        } finally {
            never.countDown();
        }
    }

    @Test
    void publish_withoutADeadline_sendsEverything() {
        List<String> sent = new CopyOnWriteArrayList<>();
        try (Publisher publisher = new Publisher(c -> {
            sent.add(c.itemKey());
            return new SendResult.Applied(null);
        }, new PublisherOptions(1, true))) {
            List<RecordOutcome> outcomes = publisher.publish(List.of(product(1), product(2)), Deadline.NONE);

            assertThat(sent).hasSize(2);
            assertThat(failed(outcomes)).isEmpty();
        }
    }
}
