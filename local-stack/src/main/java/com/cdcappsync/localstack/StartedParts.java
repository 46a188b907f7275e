package com.cdcappsync.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The parts a stack started (servers, child processes), stopped newest first by {@link #close()}, which never
 * throws: a part that does not stop cleanly is reported and the rest still stop. Shared by {@link LocalStack} and
 * the whole local pipeline, so both stop the same way. Thread-safe.
 */
public final class StartedParts implements AutoCloseable {

    private static final int FREE_PORT_ATTEMPTS = 3;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Consumer<String> progress;

    /** @param progress receives a line for each part that did not stop cleanly */
    public StartedParts(Consumer<String> progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Keeps {@code part} to be stopped by {@link #close()}; returns it. */
    public synchronized <T extends AutoCloseable> T remember(T part) {
        started.push(Objects.requireNonNull(part, "part"));
        return part;
    }

    /** Whether a part is still running (false once {@link #close()} ran). */
    public synchronized boolean isRunning() {
        return !started.isEmpty();
    }

    /** Stops every part, newest first; never throws. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                progress.accept("could not stop " + part + " cleanly: " + e.getMessage());
            }
        }
    }

    /**
     * Starts a part on {@code requested}, or, when it is 0, on a free loopback port. A free port is only free
     * when it was looked up: if another process takes it before the part binds it, try another (3 times).
     */
    public static <T> T onPort(int requested, IntFunction<T> start) {
        if (requested != 0) {
            return start.apply(requested);
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
            try {
                return start.apply(StartedParts.freeLoopbackPort());
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * A loopback port that was free when looked up (another process may take it before it is bound: retry then).
     *
     * @throws UncheckedIOException when no port can be had
     */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }
}
