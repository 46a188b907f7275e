package com.cdcappsync.upsert.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lambda-upsert/README.md's configuration table says what the code does: same keys, order, defaults, descriptions. */
class SettingsDocumentationTest {

    private static List<String> readmeRows() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("<!-- settings:start -->"),
                readme.indexOf("<!-- settings:end -->"));
        List<String> rows = new ArrayList<>();
        table.lines().filter(l -> l.startsWith("| `")).forEach(rows::add);
        return rows;
    }

    private static String row(Setting<?> s) {
        String defaultText = s.defaultText() == null ? "(none)" : "`" + s.defaultText() + "`";
        return "| `" + s.key() + "` | " + s.type().replace("|", "\\|") + " | " + defaultText + " | "
                + s.description() + " |";
    }

    @Test
    void readme_configurationTable_matchesTheSettingsRegistry() throws Exception {
        assertThat(readmeRows()).containsExactlyElementsOf(Settings.ALL.stream().map(SettingsDocumentationTest::row)
                .toList());
    }

    @Test
    void registry_everyDefault_parses() {
        for (Setting<?> s : Settings.ALL) {
            if (s.defaultText() != null) {
                assertThat(s.read(null)).as(s.key()).isNotNull();
            }
        }
    }
}
