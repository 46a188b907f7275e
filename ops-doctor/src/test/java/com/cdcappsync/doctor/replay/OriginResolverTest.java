package com.cdcappsync.doctor.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Where a held record came from, for the Lambda sink's error topic: its records are JSON strings whose text is
 * {@code {"timestamp","offset","partition","topic","error"}} (kafka-connect-lambda-sink/README.md, contract table).
 */
class OriginResolverTest {

    /** What the sink writes with behavior.on.error=log: the entry's JSON text inside a JSON string. */
    private static final String SINK_ENTRY = "\"{\\\"timestamp\\\":1700000000001,\\\"offset\\\":41,"
            + "\\\"partition\\\":0,\\\"topic\\\":\\\"odoo.public.product_template\\\","
            + "\\\"error\\\":{\\\"errorMessage\\\":\\\"AppSync down\\\",\\\"errorType\\\":\\\"Boom\\\"}}\"";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void errorEntry_sinkForm_readsTheCoordinatesFromTheStringsText() {
        var entry = OriginResolver.errorEntry(utf8(SINK_ENTRY));

        assertThat(entry).isNotNull();
        assertThat(entry.get("topic").asText()).isEqualTo("odoo.public.product_template");
        assertThat(entry.get("offset").asLong()).isEqualTo(41);
    }

    @Test
    void errorEntry_bareObjectAndEarlierPayloadForm_read() {
        assertThat(OriginResolver.errorEntry(utf8("{\"offset\":3,\"partition\":1,\"topic\":\"t\",\"error\":{}}")))
                .isNotNull();
        assertThat(OriginResolver.errorEntry(utf8("{\"payload\":{\"timestamp\":1,\"topic\":\"t\",\"partition\":1,"
                + "\"offset\":3,\"error\":{\"type\":\"Unhandled\"}}}")).get("partition").asInt()).isEqualTo(1);
    }

    @Test
    void errorEntry_resultRecordOrOtherJson_isNoEntry() {
        assertThat(OriginResolver.errorEntry(utf8("\"{\\\"offset\\\":0,\\\"partition\\\":0,\\\"topic\\\":\\\"t\\\","
                + "\\\"result\\\":{}}\""))).as("a result, not an error").isNull();
        assertThat(OriginResolver.errorEntry(utf8("\"plain text\""))).isNull();
        assertThat(OriginResolver.errorEntry(utf8("not json"))).isNull();
        assertThat(OriginResolver.errorEntry(null)).isNull();
    }

    @Test
    void resolve_sinkErrorEntry_readsTheOriginalBackAndReplaysItAsItWas() {
        TopicPartition products = new TopicPartition("odoo.public.product_template", 0);
        MockConsumer<byte[], byte[]> originals = new MockConsumer<>("earliest");
        originals.updatePartitions(products.topic(), List.of(new PartitionInfo(products.topic(), 0, null, null,
                null)));
        originals.updateBeginningOffsets(Map.of(products, 40L));
        originals.updateEndOffsets(Map.of(products, 42L));
        originals.schedulePollTask(() -> {
            originals.addRecord(new ConsumerRecord<>(products.topic(), 0, 40, utf8("{\"id\":6}"), utf8("older")));
            originals.addRecord(new ConsumerRecord<>(products.topic(), 0, 41, utf8("{\"id\":7}"), utf8("change")));
        });
        ConsumerRecord<byte[], byte[]> held = new ConsumerRecord<>("cdc-appsync-lambda-sink-error", 0, 5, null,
                utf8(SINK_ENTRY));

        Origin origin = new OriginResolver(originals, null, Duration.ofSeconds(5)).resolve(held);

        assertThat(origin).isInstanceOfSatisfying(Origin.Target.class, target -> {
            assertThat(target.topic()).isEqualTo(products.topic());
            assertThat(target.partition()).isZero();
            assertThat(target.key()).isEqualTo(utf8("{\"id\":7}"));
            assertThat(target.value()).isEqualTo(utf8("change"));
            assertThat(target.what()).isEqualTo("error-topic entry for odoo.public.product_template/0@41");
        });
    }
}
