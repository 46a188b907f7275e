package com.cdcappsync.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of the function's execution environment, laid out as Lambda's Java runtime has them: the deployable
 * jar unpacked into a task root ({@code /var/task}; the RIC's {@code CustomerClassLoader} loads the task root and
 * {@code lib/*.jar} from the working directory), the runtime's jars ({@code /var/runtime/lib}: the runtime interface
 * client and its dependencies, copied by the local-stack build into {@code local-stack/target/lambda-runtime/}) and
 * the RIC's JNI library, unpacked and named by a system property as Lambda does.
 *
 * <p>Unpacking thousands of small files takes seconds, so it is done once per jar content: into
 * {@code <cache>/<sha-256 of the jar>/}, which every later start (and every concurrent stack) reuses read-only.
 *
 * @param taskRoot    the unpacked jar
 * @param runtimeDir  the runtime's jars
 * @param jniLibrary  the RIC's native client for this machine
 * @param javaCommand the {@code java} command (this JVM's)
 */
record FunctionFiles(Path taskRoot, Path runtimeDir, Path jniLibrary, Path javaCommand) {

    /** How many unpacked jars the cache keeps (each rebuild of the jar adds one). */
    static final int KEPT_JARS = 3;
    /** The RIC's main class. */
    static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /**
     * Unpacks {@code functionJar} and the JNI library under {@code cache}, unless an earlier start did.
     *
     * @throws IllegalStateException naming the missing file and the build command that makes it
     */
    static FunctionFiles prepare(Path functionJar, Path runtimeDir, Path cache) {
        if (!Files.isRegularFile(functionJar)) {
            throw new IllegalStateException("the function's deployable jar " + functionJar + " is missing. Fix: "
                    + "build it with `./mvnw -B -pl lambda-upsert -am package -DskipTests` (bin/local-stack does it).");
        }
        List<Path> jars = runtimeJars(runtimeDir);
        try {
            Path unpacked = cache.resolve(sha256(functionJar));
            if (!Files.isDirectory(unpacked)) {
                Files.createDirectories(cache);
                Path staging = Files.createTempDirectory(cache, "unpacking-");
                unzip(functionJar, Files.createDirectory(staging.resolve("task")));
                extractJni(jars, staging);
                try {
                    Files.move(staging, unpacked, StandardCopyOption.ATOMIC_MOVE);
                    pruneOlderThanTheLast(KEPT_JARS, cache);
                } catch (IOException raced) {
                    delete(staging); // another stack unpacked the same jar first
                }
            }
            return new FunctionFiles(unpacked.resolve("task"), runtimeDir, unpacked.resolve("libaws-lambda-jni.so"),
                    Path.of(System.getProperty("java.home"), "bin", "java"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + functionJar + " into " + cache + ": " + e.getMessage(),
                    e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Lambda's JVM command line for the function (as the java21 runtime starts it: serial GC, tiered compilation
     * stopped at C1, the heap at 85% of the memory size, {@code org.crac.Core.Compat} pointing org.crac at the
     * RIC's CRaC context, the JNI library by property; observed in
     * github.com/sigpwned/the-lambda-iceberg-dissecting-the-official-java-runtimes).
     */
    List<String> command(FunctionSpec spec) {
        List<String> command = new ArrayList<>(List.of(javaCommand.toString(),
                "-XX:MaxHeapSize=" + (spec.memoryMb() * 1024L * 85 / 100) + "k",
                "-XX:+UseSerialGC", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac", "-Djava.net.preferIPv4Stack=true",
                "-XX:+ErrorFileToStderr",
                "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + jniLibrary,
                "-classpath", String.join(File.pathSeparator,
                        runtimeJars(runtimeDir).stream().map(Path::toString).toList()),
                RUNTIME_MAIN, spec.handler()));
        return command;
    }

    private static List<Path> runtimeJars(Path runtimeDir) {
        try (Stream<Path> files = Files.list(runtimeDir)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (jars.stream().anyMatch(p -> p.getFileName().toString().startsWith(
                    "aws-lambda-java-runtime-interface-client"))) {
                return jars;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new IllegalStateException("the Lambda runtime interface client is missing from " + runtimeDir
                + ". Fix: build local-stack (`./mvnw -B -pl local-stack -am package -DskipTests`), which copies it "
                + "there.");
    }

    private static void unzip(Path jar, Path into) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry " + entry.getName() + " points outside the task root");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The RIC's JNI library for this machine, out of its jar (the RIC would copy it to a shared /tmp path). */
    private static void extractJni(List<Path> jars, Path work) throws IOException {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        String name = "jni/libaws-lambda-jni.linux-" + arch + ".so";
        Path ric = jars.stream().filter(p -> p.getFileName().toString().startsWith(
                "aws-lambda-java-runtime-interface-client")).findFirst().orElseThrow();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(ric))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    Files.copy(zip, work.resolve("libaws-lambda-jni.so"));
                    return;
                }
            }
        }
        throw new IllegalStateException(ric + " has no " + name + ": the runtime interface client runs on Linux "
                + "(x86_64 or arm64) only");
    }

    /** Removes all but the {@code kept} most recently unpacked jars (staging folders of other starts stay). */
    private static void pruneOlderThanTheLast(int kept, Path cache) throws IOException {
        try (Stream<Path> dirs = Files.list(cache)) {
            List<Path> unpacked = dirs.filter(p -> !p.getFileName().toString().startsWith("unpacking-"))
                    .sorted(Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed()).toList();
            unpacked.stream().skip(kept).forEach(FunctionFiles::delete);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a staging folder
        }
    }
}
