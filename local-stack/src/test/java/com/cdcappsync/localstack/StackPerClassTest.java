package com.cdcappsync.localstack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One real local stack per test class (ports chosen freely), and before each test a subscription drained
 * to a known point, so that "no message" can be asserted. Subclasses seed data in {@link #seed()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StackPerClassTest {

    protected E2eStack e2e;

    @BeforeAll
    final void startStack() throws Exception {
        e2e = newStack();
        seed();
    }

    /** The class's stack; by default the tests' defaults (the packaged mapping and the repository's API). */
    protected E2eStack newStack() throws Exception {
        return new E2eStack();
    }

    /** Writes what every test of the class reads; nothing by default. */
    protected void seed() throws Exception {
    }

    @BeforeEach
    final void startFromAQuietSubscription() throws InterruptedException {
        e2e.resync();
    }

    @AfterAll
    final void stopStack() {
        if (e2e != null) {
            e2e.close();
        }
    }
}
