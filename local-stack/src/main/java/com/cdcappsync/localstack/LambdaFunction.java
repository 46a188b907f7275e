package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The function as Lambda runs it: the deployable jar, unpacked into a task root and loaded by its handler string
 * under AWS's runtime interface client, in a child JVM that talks to a {@link RuntimeApiServer}. One execution
 * environment at a time, one invocation at a time (concurrent invokes wait; Lambda would add environments).
 * A run past the function's timeout, or a JVM that dies, is reported as Lambda reports it, and the next invocation
 * gets a new environment (a cold start, or in SnapStart mode a new "restore").
 */
final class LambdaFunction implements FunctionInvoker, AutoCloseable {

    /**
     * What to run.
     *
     * @param spec        the function's configuration
     * @param files       the jar, the runtime's jars, the Java command
     * @param authority   issues the function's credentials
     * @param log         receives the function's output and Lambda's START/END/REPORT lines
     * @param initTime    how long one init (and restore) may take
     */
    record Launch(FunctionSpec spec, FunctionFiles files, CredentialsAuthority authority, Consumer<String> log,
                  Duration initTime) {
    }

    /**
     * Plain mode's key variables cannot be refreshed inside a running process, so they outlive any environment a
     * local run keeps: 12 hours, the longest session an IAM role allows.
     */
    static final Duration KEY_VARIABLES_LIFETIME = Duration.ofHours(12);

    private final Launch launch;
    private final ObjectMapper mapper;
    private final ContainerCredentialsEndpoint credentials;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    private volatile ExecutionEnvironment environment;
    private volatile int environmentsStarted;

    private LambdaFunction(Launch launch, ObjectMapper mapper, ContainerCredentialsEndpoint credentials) {
        this.launch = launch;
        this.mapper = mapper;
        this.credentials = credentials;
    }

    /**
     * Prepares the files and starts the first execution environment (init, and in SnapStart mode the snapshot
     * hooks), so that a broken function fails the start.
     *
     * @throws IllegalStateException naming what failed, with the function's output
     */
    static LambdaFunction start(Launch launch, ObjectMapper mapper) {
        ContainerCredentialsEndpoint endpoint = launch.spec().mode() == LambdaMode.SNAPSTART
                ? ContainerCredentialsEndpoint.start(launch.authority(), mapper) : null;
        LambdaFunction function = new LambdaFunction(launch, mapper, endpoint);
        try {
            function.environment = function.newEnvironment();
            return function;
        } catch (ExecutionEnvironment.InitFailedException e) {
            function.close();
            throw new IllegalStateException("the function " + launch.spec().name() + " failed to initialise: "
                    + e.getMessage());
        } catch (RuntimeException e) {
            function.close();
            throw e;
        }
    }

    private ExecutionEnvironment newEnvironment() throws ExecutionEnvironment.InitFailedException {
        RuntimeApiServer api = RuntimeApiServer.start(mapper);
        FunctionFiles files = launch.files();
        FunctionEnvironment.Credentials keys = credentials == null
                ? new FunctionEnvironment.KeyVariables(launch.authority().issue(KEY_VARIABLES_LIFETIME))
                : new FunctionEnvironment.ContainerEndpoint(credentials.fullUri(), credentials.newEnvironment());
        ExecutionEnvironment.Launch start = new ExecutionEnvironment.Launch(
                files.command(launch.spec()), files.taskRoot(),
                FunctionEnvironment.of(launch.spec(), api.hostAndPort(), files.taskRoot(), files.runtimeDir(), keys),
                launch.log(), credentials == null ? null : credentials::rotate, launch.initTime());
        environmentsStarted++;
        return ExecutionEnvironment.start(start, api);
    }

    @Override
    public Result invoke(Request request) throws InterruptedException {
        oneAtATime.lockInterruptibly();
        try {
            if (environment != null && environment.exited().isDone()) {
                // Died while idle: Lambda would simply use a new environment for this invocation.
                launch.log().accept("the function's JVM exited while idle (" + environment.exitDescription()
                        + "); starting a new execution environment");
                discard(environment);
            }
            if (environment == null) {
                try {
                    environment = newEnvironment();
                } catch (ExecutionEnvironment.InitFailedException e) {
                    launch.log().accept("INIT_FAILED " + e.getMessage());
                    return new Failure(e.errorDocument());
                }
            }
            return run(environment, UUID.randomUUID().toString(), request);
        } finally {
            oneAtATime.unlock();
        }
    }

    /** Runs {@code request} in {@code env} (held here: {@link #close()} may clear the field meanwhile). */
    private Result run(ExecutionEnvironment env, String id, Request request) throws InterruptedException {
        FunctionSpec spec = launch.spec();
        long start = System.nanoTime();
        long deadline = System.currentTimeMillis() + spec.timeout().toMillis();
        CompletableFuture<RuntimeApiServer.Report> report = env.api().submit(new RuntimeApiServer.Invocation(
                id, request.payload(), deadline, spec.arn(request.qualifier()), traceId(), request.clientContext(),
                null), () -> launch.log().accept("START RequestId: " + id + " Version: " + spec.version()));
        Result result;
        try {
            CompletableFuture.anyOf(report, env.exited()).get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
            result = report.isDone() ? result(report.join()) : exited(env, id);
        } catch (TimeoutException e) {
            result = timedOut(env, id);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        launch.log().accept("END RequestId: " + id);
        launch.log().accept("REPORT RequestId: " + id + "\tDuration: " + millis + " ms\tBilled Duration: "
                + Math.max(1, millis) + " ms\tMemory Size: " + spec.memoryMb() + " MB");
        return result;
    }

    private static Result result(RuntimeApiServer.Report report) {
        return switch (report) {
            case RuntimeApiServer.Response response -> new Success(response.payload());
            case RuntimeApiServer.ErrorReport error -> new Failure(error.document());
        };
    }

    /** The JVM died during the invocation: Lambda's {@code Runtime.ExitError}, and a new environment next time. */
    private Result exited(ExecutionEnvironment env, String id) {
        String exit = env.exitDescription();
        launch.log().accept("RequestId: " + id + " Error: Runtime exited with error: " + exit);
        discard(env);
        return new Failure(errorDocument("Runtime.ExitError", "RequestId: " + id + " Error: Runtime exited with error: "
                + exit));
    }

    /**
     * Past the timeout: Lambda stops the environment and answers {@code Sandbox.Timedout}
     * (aws-lambda-runtime-interface-emulator, rapid {@code BuildInvokeAppError}: "Task timed out after %.2f seconds";
     * docs.aws.amazon.com/lambda/latest/dg/troubleshooting-invocation.html#troubleshooting-timeouts).
     */
    private Result timedOut(ExecutionEnvironment env, String id) {
        String seconds = String.format(Locale.ROOT, "%.2f", launch.spec().timeout().toMillis() / 1000.0);
        launch.log().accept(Instant.now() + " " + id + " Task timed out after " + seconds + " seconds");
        env.api().abandon(id);
        discard(env);
        return new Failure(errorDocument("Sandbox.Timedout", "RequestId: " + id + " Error: Task timed out after "
                + seconds + " seconds"));
    }

    /** Stops {@code env}; the next invocation starts a new one. */
    private void discard(ExecutionEnvironment env) {
        env.close();
        if (environment == env) {
            environment = null;
        }
    }

    private byte[] errorDocument(String type, String message) {
        try {
            return mapper.writeValueAsBytes(mapper.createObjectNode().put("errorMessage", message)
                    .put("errorType", type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An X-Ray trace header, {@code Root=1-<epoch hex>-<96 random bits>;Parent=<64 bits>;Sampled=0}. */
    private static String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return "Root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-"
                + hex.toHexDigits(random.nextInt()) + hex.toHexDigits(random.nextLong())
                + ";Parent=" + hex.toHexDigits(random.nextLong()) + ";Sampled=0";
    }

    /** The current environment's lifecycle (tests); empty when there is none. */
    List<String> lifecycle() {
        ExecutionEnvironment current = environment;
        return current == null ? List.of() : current.lifecycle();
    }

    /** Completes when the current environment's JVM exits (tests). */
    CompletableFuture<Process> exited() {
        return environment.exited();
    }

    /** The current environment's JVM process id (tests); -1 when there is none. */
    long pid() {
        ExecutionEnvironment current = environment;
        return current == null ? -1 : current.pid();
    }

    /** How many environments were started so far. */
    int environmentsStarted() {
        return environmentsStarted;
    }

    /** The container credentials endpoint (SnapStart mode); null in plain mode. */
    ContainerCredentialsEndpoint credentialsEndpoint() {
        return credentials;
    }

    /** Stops the function's JVM, its Runtime API and the credentials endpoint. */
    @Override
    public void close() {
        ExecutionEnvironment current = environment;
        environment = null;
        if (current != null) {
            current.close();
        }
        if (credentials != null) {
            credentials.close();
        }
    }

    @Override
    public String toString() {
        return "LambdaFunction[" + launch.spec().name() + ", " + launch.spec().mode() + "]";
    }
}
