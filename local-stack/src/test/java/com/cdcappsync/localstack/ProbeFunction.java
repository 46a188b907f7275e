package com.cdcappsync.localstack;

import com.cdcappsync.localstack.probe.ProbeHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * {@link ProbeHandler} packaged as a deployable jar (its class and org.crac, nothing else) and run by a
 * {@link LambdaFunction} exactly as the stack runs the real one.
 */
final class ProbeFunction implements AutoCloseable {

    static final String HANDLER = ProbeHandler.class.getName() + "::handleRequest";

    final LambdaFunction function;
    final List<String> log = new CopyOnWriteArrayList<>();
    final CredentialsAuthority authority = new CredentialsAuthority();
    private final ObjectMapper mapper = new ObjectMapper();

    ProbeFunction(Path dir, LambdaMode mode, Duration timeout) {
        this(dir, mode, timeout, HANDLER);
    }

    ProbeFunction(Path dir, LambdaMode mode, Duration timeout, String handler) {
        Path jar = packageProbe(dir.resolve("probe.jar"));
        FunctionSpec spec = new FunctionSpec("probe", handler, 256, timeout, mode, LocalStack.REGION,
                Map.of("PROBE_SETTING", "set by the function's configuration"));
        FunctionFiles files = FunctionFiles.prepare(jar, RepositoryLayout.locate(null).lambdaRuntimeDir(),
                dir.resolve("cache"));
        function = LambdaFunction.start(new LambdaFunction.Launch(spec, files, authority, log::add,
                Duration.ofSeconds(60)), mapper);
    }

    /** Invokes with {@code {"do": command}}. */
    FunctionInvoker.Result invoke(String command) throws InterruptedException {
        return invoke(command, null, null);
    }

    FunctionInvoker.Result invoke(String command, String qualifier, String clientContext) throws InterruptedException {
        byte[] payload = ("{\"do\":\"" + command + "\"}").getBytes(StandardCharsets.UTF_8);
        return function.invoke(new FunctionInvoker.Request(payload, qualifier, clientContext));
    }

    /** The JSON of a result, success or failure. */
    JsonNode json(FunctionInvoker.Result result) {
        byte[] bytes = switch (result) {
            case FunctionInvoker.Success success -> success.payload();
            case FunctionInvoker.Failure failure -> failure.errorDocument();
        };
        try {
            return mapper.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    private static Path packageProbe(Path jar) {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Path classes = Path.of(ProbeHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path packageDir = classes.resolve(ProbeHandler.class.getPackageName().replace('.', '/'));
            try (Stream<Path> files = Files.list(packageDir)) {
                for (Path file : files.toList()) {
                    add(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            Path crac = Path.of(org.crac.Core.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (JarFile cracJar = new JarFile(crac.toFile())) {
                for (JarEntry entry : cracJar.stream().filter(e -> e.getName().startsWith("org/crac/")
                        && !e.isDirectory()).toList()) {
                    add(out, entry.getName(), cracJar.getInputStream(entry).readAllBytes());
                }
            }
            return jar;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot package the probe function: " + e.getMessage(), e);
        }
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream stream = out;
        stream.write(bytes);
        out.closeEntry();
    }

    @Override
    public void close() {
        function.close();
    }
}
