package com.cdcappsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CommandLinesTest {

    @Command(name = "tool")
    static final class Options {
        @Option(names = "--port", paramLabel = "N", description = "a port")
        Integer port;

        @Option(names = "--name", paramLabel = "NAME", description = "a name")
        String name;
    }

    @Test
    void parse_goodArguments_fillsTheOptionsAndFindsNoProblem() {
        Options options = new Options();

        List<String> problems = CommandLines.parse(options, "--port", "8000", "--name", "x");

        assertThat(problems).isEmpty();
        assertThat(options.port).isEqualTo(8000);
        assertThat(options.name).isEqualTo("x");
    }

    @Test
    void parse_severalMistakes_reportsThemAll() {
        List<String> problems = CommandLines.parse(new Options(), "--port", "many", "--colour", "red", "--name");

        assertThat(problems).hasSizeGreaterThanOrEqualTo(3);
        assertThat(String.join("\n", problems)).contains("--port").contains("--colour").contains("--name");
    }

    @Test
    void failOn_problems_throwsOneExceptionWithEveryProblem() {
        assertThatThrownBy(() -> CommandLines.failOn(List.of("a is wrong", "b is wrong")))
                .isInstanceOf(UsageException.class)
                .satisfies(e -> assertThat(((UsageException) e).problems())
                        .containsExactly("a is wrong", "b is wrong"));
        CommandLines.failOn(List.of());
    }

    @Test
    void reportUsage_printsEachProblemNamedByTheToolThenTheUsage() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        int status = CommandLines.reportUsage("tool", new UsageException(List.of("one", "two")),
                CommandLines.usage(new Options()), err);

        assertThat(status).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("tool: one\ntool: two\nUsage: tool")
                .contains("--port=N");
    }

    @Test
    void usageException_withoutProblems_isRefused() {
        assertThatThrownBy(() -> new UsageException(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one problem");
    }
}
