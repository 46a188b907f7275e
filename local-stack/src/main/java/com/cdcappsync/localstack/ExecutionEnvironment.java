package com.cdcappsync.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One execution environment: the function's JVM, started as Lambda's Java runtime starts it, and the Runtime API
 * it talks to. {@link #start} returns once the runtime polls for its first invocation, that is after init and, in
 * SnapStart mode, after the before-checkpoint hooks, {@code restore/next} and the after-restore hooks.
 */
final class ExecutionEnvironment implements AutoCloseable {

    static final int KEPT_LINES = 40;
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** Init failed: the runtime posted {@code init/error} or {@code restore/error}, or it exited, or took too long. */
    static final class InitFailedException extends Exception {
        private final byte[] errorDocument;

        InitFailedException(String message, byte[] errorDocument) {
            super(message);
            this.errorDocument = errorDocument;
        }

        /** Lambda's error document, what an invocation that needed this init answers. */
        byte[] errorDocument() {
            return errorDocument;
        }
    }

    /**
     * How to start it.
     *
     * @param command   the JVM command line (java, options, classpath, main class, handler)
     * @param directory the working directory (the task root)
     * @param env       the whole environment, {@code AWS_LAMBDA_RUNTIME_API} naming the Runtime API given to start
     * @param log       receives every output line of the function's JVM
     * @param onRestore runs when the runtime reaches {@code restore/next}, before it is answered (SnapStart)
     * @param initTime  how long init (and restore) may take
     */
    record Launch(List<String> command, java.nio.file.Path directory, Map<String, String> env, Consumer<String> log,
                  Runnable onRestore, Duration initTime) {
    }

    private final RuntimeApiServer api;
    private final Process process;
    /** One future for the exit: {@link Process#onExit()} makes a new, asynchronously completed one per call. */
    private final CompletableFuture<Process> exit;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> lifecycle = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ExecutionEnvironment(RuntimeApiServer api, Process process) {
        this.api = api;
        this.process = process;
        this.exit = process.onExit();
    }

    /**
     * Starts the JVM and waits until it polls for an invocation.
     *
     * @param api the Runtime API this environment uses (closed with it)
     */
    static ExecutionEnvironment start(Launch launch, RuntimeApiServer api) throws InitFailedException {
        ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(launch.directory().toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(launch.env());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            api.close();
            throw new UncheckedIOException("cannot start the function's JVM (" + launch.command().getFirst() + "): "
                    + e.getMessage(), e);
        }
        ExecutionEnvironment environment = new ExecutionEnvironment(api, process);
        Thread.ofVirtual().name("function-output").start(() -> environment.pump(launch.log()));
        try {
            environment.awaitReady(launch);
            return environment;
        } catch (InitFailedException | RuntimeException e) {
            environment.close();
            throw e;
        }
    }

    private void awaitReady(Launch launch) throws InitFailedException {
        long deadline = System.nanoTime() + launch.initTime().toNanos();
        if (launch.onRestore() != null) {
            await(api.checkpointReached(), deadline, "init and the before-checkpoint hooks");
            lifecycle.add("checkpoint");
            launch.onRestore().run();
            api.restore();
            lifecycle.add("restore");
        }
        await(api.polling(), deadline, launch.onRestore() != null ? "the after-restore hooks" : "init");
        lifecycle.add("ready");
    }

    /** Waits for {@code step}, failing on an init or restore error, an exit of the JVM, or the deadline. */
    private void await(CompletableFuture<Void> step, long deadline, String what) throws InitFailedException {
        CompletableFuture<Object> first = CompletableFuture.anyOf(step, api.initError(), api.restoreError(), exit);
        try {
            first.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new InitFailedException(what + " did not finish in time; the function's output:\n" + tail(),
                    api.errorDocument("Sandbox.Timedout", "Init did not finish in time (" + what + ")"));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
        if (step.isDone()) {
            return;
        }
        RuntimeApiServer.ErrorReport error = api.initError().isDone() ? api.initError().join()
                : api.restoreError().isDone() ? api.restoreError().join() : null;
        if (error != null) {
            throw new InitFailedException("the function failed during " + what + " (" + error.errorType() + "): "
                    + new String(error.document(), StandardCharsets.UTF_8) + "\n" + tail(), error.document());
        }
        String exit = exitDescription();
        throw new InitFailedException("the function's JVM exited during " + what + " (" + exit + "); its output:\n"
                + tail(), api.errorDocument("Runtime.ExitError", "Runtime exited with error: " + exit));
    }

    private void pump(Consumer<String> log) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (tail) {
                    if (tail.size() == KEPT_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
                log.accept(line);
            }
        } catch (IOException e) {
            // the JVM was killed: its output ends here
        }
    }

    /** The last lines of the JVM's output. */
    String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    /** The Runtime API of this environment. */
    RuntimeApiServer api() {
        return api;
    }

    /** Completes when the JVM exits. */
    CompletableFuture<Process> exited() {
        return exit;
    }

    /** {@code checkpoint}, {@code restore}, {@code ready}: what the environment went through, in order. */
    List<String> lifecycle() {
        return List.copyOf(lifecycle);
    }

    /** The JVM's process id. */
    long pid() {
        return process.pid();
    }

    /** As Lambda words it: {@code exit status N} or {@code signal: killed}. */
    String exitDescription() {
        int status;
        try {
            // The exit future can complete a moment before the Process records the status.
            status = process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        return status > 128 && status - 128 == 9 ? "signal: killed" : "exit status " + status;
    }

    /** Kills the JVM (and anything it started) and stops the Runtime API. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close();
    }

    @Override
    public String toString() {
        return "ExecutionEnvironment[pid " + process.pid() + ", " + api + "]";
    }
}
