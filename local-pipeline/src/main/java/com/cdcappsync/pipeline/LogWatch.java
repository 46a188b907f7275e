package com.cdcappsync.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits for a line in a child's log: how a part says it is ready when it has no other signal. */
final class LogWatch {

    private static final long POLL_MILLIS = 100;

    private LogWatch() {
    }

    /**
     * Returns once the log contains {@code text}.
     *
     * @throws IllegalStateException when the process ends first or the time runs out, with the log's tail
     */
    static void await(ChildProcess process, String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (contains(process, text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited while starting:" + System.lineSeparator()
                        + process.logTail(25));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(process.name() + " not ready within " + timeout.toSeconds()
                        + " s (log " + process.log() + "):" + System.lineSeparator() + process.logTail(25));
            }
            try {
                process.onExit().get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // still running: look again
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(process.name() + ": " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + process.name(), e);
            }
        }
    }

    private static boolean contains(ChildProcess process, String text) {
        try {
            return Files.exists(process.log())
                    && new String(Files.readAllBytes(process.log()), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
