package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Keeps the READMEs' {@code bin/local-stack} commands and the options table true to the parser. */
class ReadmeCommandLineTest {

    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");
    private static final Set<String> KNOWN = new CommandLine(new LauncherArguments()).getCommandSpec()
            .optionsMap().keySet();

    private static Path repository() {
        return RepositoryLayout.locate(null).root();
    }

    @Test
    void readmes_everyOptionOfEveryDocumentedCommand_isAnOptionOfTheParser() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (Path readme : new Path[] {repository().resolve("README.md"), repository()
                .resolve("local-stack/README.md")}) {
            Matcher command = Pattern.compile("bin/local-stack([^\\n`#]*)").matcher(Files.readString(readme));
            while (command.find()) {
                Matcher option = OPTION.matcher(command.group(1));
                while (option.find()) {
                    documented.add(option.group());
                }
            }
        }

        assertThat(documented).contains("--verify", "--replay", "--no-replay", "--help");
        assertThat(KNOWN).containsAll(documented);
    }

    @Test
    void localStackReadme_optionsTable_listsExactlyTheParsersOptions() throws Exception {
        Set<String> rows = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `(--[a-z-]+)[^`]*` \\|").matcher(
                Files.readString(repository().resolve("local-stack/README.md")));
        while (row.find()) {
            rows.add(row.group(1));
        }
        Set<String> expected = new TreeSet<>(KNOWN);
        expected.removeAll(Set.of("-h", "--help", "--verify", "--replay", "--no-replay"));

        assertThat(rows).isEqualTo(expected);
    }
}
