package com.cdcappsync.localstack;

import static com.cdcappsync.localstack.Fixtures.PRODUCT_1_SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The whole path with the function in plain mode: key variables, on-demand init, no SnapStart hooks. */
class PlainModeE2ETest {

    @Test
    void invoke_plainMode_signsWithKeyVariablesAndTheChangeReachesDynamoDbAndTheSubscriber() throws Exception {
        try (E2eStack e2e = new E2eStack(LambdaMode.PLAIN)) {
            assertThat(e2e.stack.function().lifecycle()).containsExactly("ready");

            assertThat(e2e.invokeOne(e2e.fixtures.single("noschemas-precise", PRODUCT_1_SNAPSHOT, 501)))
                    .isEqualTo("applied");

            assertThat(e2e.item("Product", 501)).isNotEmpty();
            assertThat(e2e.stack.containerCredentialFetches()).isZero();
            e2e.nextMessage("onUpsertProduct", 501);
        }
    }
}
