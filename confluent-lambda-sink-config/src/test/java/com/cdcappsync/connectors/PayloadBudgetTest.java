package com.cdcappsync.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch size keeps a worst-case invocation well under Lambda's 6 MB synchronous limit. */
class PayloadBudgetTest {

    private static final ArrayNode SAMPLE = Fixtures.confluentArray("noschemas-string", "confluent-string.json");

    @Test
    void batchSize_bothSinks_matchTheBudget() {
        for (ConnectorTemplate sink : List.of(ConnectorTemplate.LAMBDA_SINK_PLATFORM,
                ConnectorTemplate.LAMBDA_SINK_CLOUD)) {
            assertThat(Configs.value(Configs.rendered(sink), "aws.lambda.batch.size"))
                    .isEqualTo(String.valueOf(PayloadBudget.BATCH_SIZE));
        }
    }

    @Test
    void worstCaseBatch_assumedLargestRows_staysWithinBudget() {
        long worst = PayloadBudget.worstCaseBatchBytes(PayloadBudget.BATCH_SIZE);

        assertThat(worst).isEqualTo(4_198_402L)
                .isLessThanOrEqualTo((long) (PayloadBudget.LAMBDA_SYNC_LIMIT_BYTES * PayloadBudget.BUDGET_SHARE));
        // One more record per batch would still fit, two more would not: 16 is not far below what the budget allows.
        assertThat(PayloadBudget.worstCaseBatchBytes(PayloadBudget.BATCH_SIZE + 2))
                .isGreaterThan((long) (PayloadBudget.LAMBDA_SYNC_LIMIT_BYTES * PayloadBudget.BUDGET_SHARE));
    }

    @Test
    void fixtureRecords_largestRealRow_isFarBelowTheAssumption() throws JsonProcessingException {
        long largest = 0;
        for (JsonNode element : SAMPLE) {
            largest = Math.max(largest, bytes(element));
        }

        // The TOASTed snapshot row (10 240-character description) is the largest: about 11 KB.
        assertThat(largest).isBetween(10_240L, PayloadBudget.ASSUMED_MAX_RECORD_BYTES / 16);
    }

    @Test
    void fixtureRecords_wrapper_isWithinItsBound() throws JsonProcessingException {
        for (JsonNode element : SAMPLE) {
            ObjectNode payload = ((ObjectNode) element.get("payload")).deepCopy();
            long keyAndValue = bytes(payload.get("key")) + bytes(payload.get("value"));
            payload.remove(List.of("key", "value"));

            assertThat(bytes(element) - keyAndValue).isLessThanOrEqualTo(PayloadBudget.MAX_WRAPPER_BYTES);
        }
    }

    @Test
    void fixtureBatch_sixteenRealRecords_isAFewKilobytes() throws JsonProcessingException {
        ArrayNode firstBatch = Fixtures.batches(SAMPLE, PayloadBudget.BATCH_SIZE).getFirst();

        assertThat(firstBatch.size()).isEqualTo(PayloadBudget.BATCH_SIZE);
        assertThat(bytes(firstBatch)).isLessThan(64 * 1024L);
    }

    private static long bytes(JsonNode node) throws JsonProcessingException {
        return Fixtures.MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length;
    }
}
