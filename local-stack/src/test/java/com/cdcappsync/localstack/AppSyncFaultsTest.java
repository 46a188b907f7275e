package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fault switch alone: what a request gets under each fault, and what a freeze does to the ones it holds. */
class AppSyncFaultsTest {

    private final AppSyncFaults faults = new AppSyncFaults();

    @Test
    void play_noFault_runsTheRequest() {
        assertThat(faults.play()).isEmpty();
        assertThat(faults.current()).isEqualTo(AppSyncFaults.Fault.NONE);
    }

    @Test
    void play_throttle_answers429TooManyRequests() {
        faults.throttle();

        AppSyncRefusal refusal = faults.play().orElseThrow();

        assertThat(refusal.status()).isEqualTo(429);
        assertThat(refusal.errorType()).isEqualTo("TooManyRequestsException");
        assertThat(faults.throttled()).isEqualTo(1);
    }

    @Test
    void play_frozen_holdsUntilThawedThenRuns() throws Exception {
        faults.freeze();
        CompletableFuture<Optional<AppSyncRefusal>> request = CompletableFuture.supplyAsync(faults::play);
        awaitHeld(1);
        assertThat(request).isNotDone();

        faults.thaw();

        assertThat(request.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(faults.held()).isZero();
    }

    @Test
    void play_frozenThenThrottled_theHeldRequestIsThrottled() throws Exception {
        faults.freeze();
        CompletableFuture<Optional<AppSyncRefusal>> request = CompletableFuture.supplyAsync(faults::play);
        awaitHeld(1);

        faults.throttle();

        assertThat(request.get(5, TimeUnit.SECONDS)).get().extracting(AppSyncRefusal::status).isEqualTo(429);
    }

    /** Waits (bounded) until the freeze holds {@code count} requests. */
    private void awaitHeld(int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (faults.held() < count && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(faults.held()).isEqualTo(count);
    }
}
