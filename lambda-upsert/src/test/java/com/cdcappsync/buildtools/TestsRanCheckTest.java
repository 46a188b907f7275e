package com.cdcappsync.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's "no test left out" check ({@code build-tools/TestsRanCheck.java}), run as the build runs it: the
 * JDK's single-file source launcher on a test folder and report folders.
 */
class TestsRanCheckTest {

    private static final Path CHECK = Path.of("..", "build-tools", "TestsRanCheck.java").toAbsolutePath();
    private static final String TEST_CLASS = """
            package p;

            import org.junit.jupiter.api.Test;

            class %s {
                @Test
                void add_twoNumbers_sum() {
                }
            }
            """;

    @TempDir
    Path dir;

    private record Run(int status, String output) {
    }

    private Run check(Path... reports) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), CHECK.toString(),
                dir.resolve("src/test/java").toString()));
        for (Path report : reports) {
            command.add(report.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private void testClass(String name) throws IOException {
        Path source = dir.resolve("src/test/java/p/" + name + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, TEST_CLASS.formatted(name));
    }

    private Path report(String folder, String className, int tests) throws IOException {
        Path reports = Files.createDirectories(dir.resolve(folder));
        Files.writeString(reports.resolve("TEST-" + className + ".xml"), "<?xml version=\"1.0\"?>\n<testsuite "
                + "name=\"" + className + "\" tests=\"" + tests + "\" errors=\"0\" skipped=\"0\" failures=\"0\">"
                + "</testsuite>");
        return reports;
    }

    @Test
    void check_classThatNoPluginRan_failsNamingIt() throws Exception {
        testClass("GoodTest");
        testClass("DeliveryOrderProperties");
        Path surefire = report("surefire-reports", "p.GoodTest", 1);

        Run run = check(surefire, dir.resolve("failsafe-reports"));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("1 test class(es)").contains("p.DeliveryOrderProperties")
                .doesNotContain("p.GoodTest\n");
    }

    @Test
    void check_everyClassReported_passes() throws Exception {
        testClass("GoodTest");
        testClass("JarIT");
        Path surefire = report("surefire-reports", "p.GoodTest", 2);
        Path failsafe = report("failsafe-reports", "p.JarIT", 1);

        Run run = check(surefire, failsafe);

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("every test class under").contains("(2 classes)");
    }

    @Test
    void check_reportWithNoTest_counts() throws Exception {
        testClass("EmptyTest");

        Run run = check(report("surefire-reports", "p.EmptyTest", 0));

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("p.EmptyTest");
    }
}
