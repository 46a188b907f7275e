package com.cdcappsync.upsert.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordStatusTest {

    @Test
    void mustRetry_byDefault_onlyFailed() {
        assertThat(Arrays.stream(RecordStatus.values()).filter(s -> s.mustRetry(false)))
                .containsExactly(RecordStatus.FAILED);
    }

    @Test
    void mustRetry_withFailOnRejected_failedAndRejected() {
        assertThat(Arrays.stream(RecordStatus.values()).filter(s -> s.mustRetry(true)))
                .containsExactly(RecordStatus.REJECTED, RecordStatus.FAILED);
    }

    @Test
    void isProblem_rejectedAndFailedOnly() {
        assertThat(Arrays.stream(RecordStatus.values()).filter(RecordStatus::isProblem))
                .containsExactly(RecordStatus.REJECTED, RecordStatus.FAILED);
    }

    @Test
    void labelAndMetricName_lowerCaseAndCapitalised() {
        assertThat(RecordStatus.APPLIED.label()).isEqualTo("applied");
        assertThat(RecordStatus.APPLIED.metricName()).isEqualTo("Applied");
        assertThat(RecordStatus.IGNORED.metricName()).isEqualTo("Ignored");
    }
}
