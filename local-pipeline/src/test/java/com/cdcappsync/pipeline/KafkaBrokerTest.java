package com.cdcappsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;

class KafkaBrokerTest {

    /** One id in 64 would start with '-' without the guard: 1000 draws all but surely meet one. */
    @RepeatedTest(5)
    void clusterId_manyDraws_neverStartsWithADashAndIs22Characters() {
        for (int i = 0; i < 1000; i++) {
            assertThat(KafkaBroker.clusterId()).doesNotStartWith("-").hasSize(22);
        }
    }
}
