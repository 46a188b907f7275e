package com.cdcappsync.connectors;

import com.cdcappsync.cli.CommandLines;
import com.cdcappsync.cli.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of {@code bin/render-connector-config}, read with picocli like every tool of this repository.
 *
 * @param outputs    the {@code cdk deploy --outputs-file} file, or null (only templates without stack outputs)
 * @param stack      the stack in that file, or null for its only CdcAppSync stack
 * @param connectors the templates to render; by default the Confluent Platform sink and the Debezium source
 * @param overrides  parameter values from {@code --set Name=Value}
 * @param outDir     where the rendered files go (default {@code connector-configs})
 * @param help       whether {@code --help} was asked for
 */
public record RenderOptions(Path outputs, String stack, List<ConnectorTemplate> connectors,
                            Map<String, String> overrides, Path outDir, boolean help) {

    public RenderOptions {
        connectors = List.copyOf(connectors);
        overrides = Map.copyOf(overrides);
    }

    /** The usage text ({@code --help}). */
    static String usage() {
        return CommandLines.usage(new Arguments());
    }

    /**
     * Parses the arguments.
     *
     * @throws UsageException listing every problem: unknown options, missing values, unknown connectors, a
     *                        {@code --set} that is not {@code Name=Value}
     */
    public static RenderOptions parse(String... args) {
        Arguments parsed = new Arguments();
        List<String> problems = CommandLines.parse(parsed, args);
        List<ConnectorTemplate> connectors = new ArrayList<>();
        for (String name : parsed.connectors) {
            connector(name).ifPresentOrElse(connectors::add, () -> problems.add("--connector " + name
                    + ": no such connector; choose " + Arrays.stream(ConnectorTemplate.values())
                            .map(ConnectorTemplate::fileStem).toList()));
        }
        if (parsed.all) {
            connectors.addAll(Arrays.asList(ConnectorTemplate.values()));
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String assignment : parsed.sets) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                problems.add("--set " + assignment + ": write it as Name=Value, for example --set "
                        + "ReplicationFactor=1");
            } else {
                overrides.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
        }
        if (!parsed.help) {
            CommandLines.failOn(problems);
        }
        if (connectors.isEmpty()) {
            Arrays.stream(ConnectorTemplate.values()).filter(ConnectorTemplate::renderedByDefault)
                    .forEach(connectors::add);
        }
        return new RenderOptions(parsed.outputs, parsed.stack, connectors.stream().distinct().toList(), overrides,
                parsed.out, parsed.help);
    }

    private static Optional<ConnectorTemplate> connector(String name) {
        return ConnectorTemplate.byFileStem(name);
    }

    @Command(name = "render-connector-config", sortOptions = false, usageHelpWidth = 110, separator = " ",
            synopsisHeading = "",
            customSynopsis = {
                "Usage: bin/render-connector-config --outputs FILE [--stack NAME] [--connector NAME]... [--all]",
                "                                   [--set Name=Value]... [--out DIR]", ""},
            footer = {"", "Writes one ready-to-POST Kafka Connect body per connector. $${file:...} references are "
                    + "kept as they are: the Connect worker's config provider resolves them, so no secret is ever "
                    + "written."})
    static final class Arguments {
        @Option(names = "--outputs", paramLabel = "FILE",
                description = "what `cdk deploy --outputs-file FILE` wrote (stack outputs FunctionAliasArn, Region)")
        Path outputs;

        @Option(names = "--stack", paramLabel = "NAME",
                description = "the stack in that file (default: its only CdcAppSync-<stage> stack)")
        String stack;

        @Option(names = "--connector", paramLabel = "NAME", description = "lambda-sink-platform, lambda-sink-cloud "
                + "or debezium-odoo-source (repeatable; default: lambda-sink-platform and debezium-odoo-source)")
        List<String> connectors = new ArrayList<>();

        @Option(names = "--all", description = "all three")
        boolean all;

        @Option(names = "--set", paramLabel = "Name=Value", description = "a parameter: LambdaSinkName, SourceName, "
                + "TopicPrefix, KafkaBootstrapServers, ReplicationFactor, SecretsDir, ProviderIntegrationId, "
                + "KafkaServiceAccountId (repeatable)")
        List<String> sets = new ArrayList<>();

        @Option(names = "--out", paramLabel = "DIR", description = "where to write NAME.json (default: "
                + "connector-configs)")
        Path out = Path.of("connector-configs");

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
        boolean help;
    }
}
