package com.cdcappsync.upsert.internal.response;

import com.cdcappsync.upsert.response.BatchReport;
import com.cdcappsync.upsert.response.RecordOutcome;
import com.cdcappsync.upsert.response.RejectReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.adapter.InputItem;
import com.cdcappsync.upsert.adapter.InputKind;
import com.cdcappsync.upsert.adapter.RecordLocation;
import com.cdcappsync.upsert.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseWriterTest {

    private final ResponseWriter writer = new ResponseWriter(Json.MAPPER);
    private final RecordLocation a = new RecordLocation("odoo.public.product_template", "1", "41");
    private final RecordLocation b = new RecordLocation("odoo.public.product_template", "1", "42");
    private final RecordLocation c = new RecordLocation("odoo.public.product_template", "1", "43");
    private final List<InputItem> items = List.of(
            new InputItem.SourceRecord(0, a, 1_000L, null, null, Map.of()),
            new InputItem.Unreadable(1, b, "no payload"),
            new InputItem.SourceRecord(2, c, null, null, null, Map.of()));
    private final List<RecordOutcome> outcomes = List.of(
            new RecordOutcome.Applied(0, a, "Product#1", 77),
            new RecordOutcome.Rejected(1, b, RejectReason.MALFORMED, "no payload"),
            new RecordOutcome.Failed(2, c, "HTTP 503 after 5 attempts"));

    @Test
    void write_confluent_answersOneAlignedPayloadPerRecord() {
        JsonNode answer = writer.write(InputKind.CONFLUENT_SINK, items, outcomes, false);

        assertThat(answer.isArray()).isTrue();
        assertThat(answer).hasSize(3);
        JsonNode first = answer.get(0).get("payload");
        assertThat(first.get("timestamp").asLong()).isEqualTo(1_000L);
        assertThat(first.get("topic").asText()).isEqualTo("odoo.public.product_template");
        assertThat(first.get("partition").isIntegralNumber()).isTrue();
        assertThat(first.get("offset").asLong()).isEqualTo(41);
        assertThat(first.get("result").toString())
                .isEqualTo("{\"status\":\"applied\",\"item\":\"Product#1\",\"version\":77}");
        assertThat(answer.get(1).get("payload").get("result").get("reason").asText()).isEqualTo("malformed");
        assertThat(answer.get(1).get("payload").get("result").get("detail").asText()).isEqualTo("no payload");
        assertThat(answer.get(2).get("payload").get("timestamp").isNull()).isTrue();
        assertThat(answer.get(2).get("payload").get("result").get("status").asText()).isEqualTo("failed");
    }

    @Test
    void write_kafkaEvent_listsOnlyFailedRecordsAsPartitionAndNumericOffset() {
        JsonNode answer = writer.write(InputKind.KAFKA_EVENT, items, outcomes, false);

        assertThat(answer.toString()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":"
                + "{\"partition\":\"odoo.public.product_template-1\",\"offset\":43}}]}");
    }

    @Test
    void itemIdentifier_kinesis_isTheSequenceNumberAsText() {
        RecordLocation kinesis = new RecordLocation("stream", "shardId-000000000006",
                "49590338271490256608559692538361571095921575989136588898");

        assertThat(writer.itemIdentifier(InputKind.KINESIS_EVENT, kinesis).orElseThrow().toString())
                .isEqualTo("\"49590338271490256608559692538361571095921575989136588898\"");
    }

    @Test
    void itemIdentifier_unreadableOffsetOrConfluent_isEmpty() {
        assertThat(writer.itemIdentifier(InputKind.KAFKA_EVENT, new RecordLocation("t", "0", "?"))).isEmpty();
        assertThat(writer.itemIdentifier(InputKind.KAFKA_EVENT, new RecordLocation("t", "?", "4"))).isEmpty();
        assertThat(writer.itemIdentifier(InputKind.KINESIS_EVENT, new RecordLocation("s", "shard", "?"))).isEmpty();
        assertThat(writer.itemIdentifier(InputKind.CONFLUENT_SINK, a)).isEmpty();
    }

    @Test
    void write_eventSourceMappingWithFailOnRejected_listsRejectedToo() {
        JsonNode answer = writer.write(InputKind.KINESIS_EVENT, items, outcomes, true);

        assertThat(answer.get("batchItemFailures")).extracting(n -> n.get("itemIdentifier").asText())
                .containsExactly("42", "43");
    }

    @Test
    void write_allApplied_answersAnEmptyFailureList() {
        JsonNode answer = writer.write(InputKind.KINESIS_EVENT, items.subList(0, 1), outcomes.subList(0, 1), true);

        assertThat(answer.toString()).isEqualTo("{\"batchItemFailures\":[]}");
    }

    @Test
    void line_isOneEmfDocumentWithCountsLagAndProblems() throws Exception {
        String line = new BatchReport("CdcAppSync", "fn").line(Json.MAPPER, InputKind.CONFLUENT_SINK, outcomes,
                Duration.ofMillis(12), 3_400L, 1_700_000_000_000L);

        assertThat(line).doesNotContain("\n");
        JsonNode json = Json.MAPPER.readTree(line);
        JsonNode directive = json.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(json.get("_aws").get("Timestamp").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(directive.get("Namespace").asText()).isEqualTo("CdcAppSync");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"FunctionName\"]]");
        assertThat(directive.get("Metrics")).extracting(m -> m.get("Name").asText()).containsExactly("Records",
                "Applied", "Stale", "Ignored", "Rejected", "Failed", "DurationMs", "LagMs");
        // Every metric named in the directive has a value at the root, as EMF requires.
        directive.get("Metrics").forEach(m -> assertThat(json.has(m.get("Name").asText())).isTrue());
        assertThat(json.get("FunctionName").asText()).isEqualTo("fn");
        assertThat(json.get("Records").asInt()).isEqualTo(3);
        assertThat(json.get("Applied").asInt()).isEqualTo(1);
        assertThat(json.get("Rejected").asInt()).isEqualTo(1);
        assertThat(json.get("Failed").asInt()).isEqualTo(1);
        assertThat(json.get("LagMs").asLong()).isEqualTo(3_400L);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("problems")).hasSize(2);
        assertThat(json.get("problems").get(0).get("location").asText())
                .isEqualTo("odoo.public.product_template/1@42");
        assertThat(json.get("problems").get(0).get("offset").asText()).isEqualTo("42");
    }

    @Test
    void line_withoutLag_leavesTheLagMetricOut() throws Exception {
        JsonNode json = Json.MAPPER.readTree(new BatchReport("N", "fn").line(Json.MAPPER, InputKind.KAFKA_EVENT,
                outcomes.subList(0, 1), Duration.ZERO, null, 0));

        assertThat(json.has("LagMs")).isFalse();
        assertThat(json.get("level").asText()).isEqualTo("INFO");
    }
}
