package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The function's files: the jar unpacked once per content, the runtime's jars, Lambda's command line. */
class FunctionFilesTest {

    @TempDir
    Path dir;

    private final Path runtime = RepositoryLayout.locate(null).lambdaRuntimeDir();

    private Path jar(String name, String content) throws IOException {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("com/example/Handler.txt"));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void prepare_sameJarTwice_unpackedOnceAndReused() throws Exception {
        Path jar = jar("f.jar", "one");

        FunctionFiles first = FunctionFiles.prepare(jar, runtime, dir.resolve("cache"));
        Path marker = Files.writeString(first.taskRoot().resolve("marker"), "kept");
        FunctionFiles second = FunctionFiles.prepare(jar, runtime, dir.resolve("cache"));

        assertThat(second.taskRoot()).isEqualTo(first.taskRoot());
        assertThat(marker).exists();
        assertThat(first.taskRoot().resolve("com/example/Handler.txt")).hasContent("one");
        assertThat(first.jniLibrary()).isRegularFile();
    }

    @Test
    void prepare_fourDifferentJars_keepsTheLastThree() throws Exception {
        Path cache = dir.resolve("cache");
        for (int i = 0; i < 4; i++) {
            FunctionFiles.prepare(jar("f" + i + ".jar", "version " + i), runtime, cache);
        }

        try (Stream<Path> unpacked = Files.list(cache)) {
            assertThat(unpacked.toList()).hasSize(FunctionFiles.KEPT_JARS);
        }
    }

    @Test
    void prepare_missingJar_namesTheBuildCommand() {
        assertThatThrownBy(() -> FunctionFiles.prepare(dir.resolve("missing.jar"), runtime, dir.resolve("cache")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing.jar is missing")
                .hasMessageContaining("./mvnw -B -pl lambda-upsert -am package -DskipTests");
    }

    @Test
    void prepare_noRuntimeInterfaceClient_namesTheBuildCommand() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("no-runtime"));

        assertThatThrownBy(() -> FunctionFiles.prepare(jar("f.jar", "x"), empty, dir.resolve("cache")))
                .hasMessageContaining("runtime interface client is missing from " + empty)
                .hasMessageContaining("./mvnw -B -pl local-stack -am package -DskipTests");
    }

    @Test
    void command_lambdasJvmOptionsTheRuntimeClientAndTheHandler() throws Exception {
        FunctionFiles files = FunctionFiles.prepare(jar("f.jar", "x"), runtime, dir.resolve("cache"));
        FunctionSpec spec = new FunctionSpec("f", FunctionSpec.HANDLER, 1024, java.time.Duration.ofSeconds(45),
                LambdaMode.SNAPSTART, "us-east-1", java.util.Map.of());

        List<String> command = files.command(spec);

        assertThat(command).contains("-XX:MaxHeapSize=891289k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + files.jniLibrary());
        assertThat(command.subList(command.size() - 2, command.size()))
                .containsExactly(FunctionFiles.RUNTIME_MAIN, FunctionSpec.HANDLER);
        assertThat(command.get(command.indexOf("-classpath") + 1))
                .contains("aws-lambda-java-runtime-interface-client-").doesNotContain("f.jar");
    }
}
