package com.cdcappsync.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Keeps the READMEs' {@code bin/render-connector-config} commands true to the parser, and the usage text plain. */
class ReadmeCommandLineTest {

    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");

    @Test
    void readmes_everyDocumentedOption_isAnOptionOfTheParser() throws Exception {
        Set<String> known = new CommandLine(new RenderOptions.Arguments()).getCommandSpec().optionsMap().keySet();
        Set<String> documented = new TreeSet<>();
        for (Path readme : new Path[] {Path.of("README.md"), Path.of("..", "README.md")}) {
            // A command and its continuation lines ("\" at the end), and prose mentions such as `--all`.
            String text = Files.readString(readme).replaceAll("\\\\\\n\\s*", " ");
            Matcher command = Pattern.compile("bin/render-connector-config([^\\n`]*)").matcher(text);
            while (command.find()) {
                Matcher option = OPTION.matcher(command.group(1));
                while (option.find()) {
                    documented.add(option.group());
                }
            }
        }

        assertThat(documented).contains("--outputs", "--out", "--set");
        assertThat(known).containsAll(documented);
    }

    @Test
    void usage_keepsConfigProviderReferencesLiteral() {
        assertThat(RenderOptions.usage()).contains("${file:...} references are kept").doesNotContain("null");
    }
}
