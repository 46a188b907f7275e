package com.cdcappsync.upsert.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.upsert.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Keeps lambda-upsert/README.md's {@code bin/cdc-appsync} snippets true: its options, commands and summary line. */
class ReadmeCliTest {

    private static final Path README = Path.of("README.md");
    // `bin/cdc-appsync scaffold` is table-scaffold's command; its README line is run by ScaffoldFromPostgresTest.
    private static final Pattern COMMAND = Pattern.compile(
            "(?:bin/cdc-appsync(?! scaffold)|java -jar lambda-upsert/target/lambda-upsert\\.jar)((?: [^`\\n]*)?)");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");

    private static String readme() throws IOException {
        return Files.readString(README);
    }

    @Test
    void readme_everyOptionOfEveryDocumentedCommand_isAnOptionOfTheParser() throws Exception {
        Set<String> known = new CommandLine(new CliOptions()).getCommandSpec().optionsMap().keySet();
        Set<String> documented = new TreeSet<>();
        Matcher command = COMMAND.matcher(readme());
        while (command.find()) {
            Matcher option = OPTION.matcher(command.group(1));
            while (option.find()) {
                documented.add(option.group());
            }
        }

        assertThat(documented).contains("--dry-run", "--endpoint", "--api-key", "--region", "--mapping");
        assertThat(known).containsAll(documented);
    }

    @Test
    void readme_dryRunCommand_runsAndPrintsTheDocumentedSummaryFields() throws Exception {
        String text = readme();
        assertThat(text).contains("bin/cdc-appsync --dry-run < lambda-upsert/samples/odoo-product-changes.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try (InputStream sample = Files.newInputStream(Path.of("samples", "odoo-product-changes.json"))) {
            code = new UpsertCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(OutputStream.nullOutputStream()), Map.<String, String>of()::get)
                    .run(new String[] {"--dry-run"}, sample);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        JsonNode summary = Json.MAPPER.readTree(lines.getLast()).get("summary");

        assertThat(code).isZero();
        assertThat(fieldNames(summary)).containsExactlyElementsOf(documentedSummaryFields(text));
    }

    /** The keys of the README's {@code {"summary": {...}}} snippet, in order. */
    private static List<String> documentedSummaryFields(String text) {
        Matcher snippet = Pattern.compile("`\\{\"summary\": \\{([^`]*)\\}\\}`").matcher(text);
        assertThat(snippet.find()).as("the README shows the summary line").isTrue();
        List<String> keys = new ArrayList<>();
        Matcher key = Pattern.compile("\"(\\w+)\":").matcher(snippet.group(1));
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
