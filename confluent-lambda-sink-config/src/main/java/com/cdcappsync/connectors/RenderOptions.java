package com.cdcappsync.connectors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code bin/render-connector-config}.
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

    static final String USAGE = """
            Usage: bin/render-connector-config --outputs FILE [--stack NAME] [--connector NAME]... [--all]
                                               [--set Name=Value]... [--out DIR]
              --outputs FILE     what `cdk deploy --outputs-file FILE` wrote (stack outputs FunctionAliasArn, Region)
              --stack NAME       the stack in that file (default: its only CdcAppSync-<stage> stack)
              --connector NAME   lambda-sink-platform, lambda-sink-cloud or debezium-odoo-source (repeatable;
                                 default: lambda-sink-platform and debezium-odoo-source)
              --all              all three
              --set Name=Value   a parameter: LambdaSinkName, SourceName, TopicPrefix, KafkaBootstrapServers,
                                 ReplicationFactor, SecretsDir, ProviderIntegrationId, KafkaServiceAccountId
              --out DIR          where to write NAME.json (default: connector-configs)
            Writes one ready-to-POST Kafka Connect body per connector. ${file:...} references are kept as they
            are: the Connect worker's config provider resolves them, so no secret is ever written.
            """;

    public RenderOptions {
        connectors = List.copyOf(connectors);
        overrides = Map.copyOf(overrides);
    }

    /**
     * Parses the arguments.
     *
     * @throws RenderException for an unknown option, a missing value or an unknown connector
     */
    public static RenderOptions parse(String... args) {
        Path outputs = null;
        String stack = null;
        List<ConnectorTemplate> connectors = new ArrayList<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        Path outDir = Path.of("connector-configs");
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--outputs" -> outputs = Path.of(value(args, ++i, arg));
                case "--stack" -> stack = value(args, ++i, arg);
                case "--connector" -> connectors.add(connector(value(args, ++i, arg)));
                case "--all" -> connectors.addAll(Arrays.asList(ConnectorTemplate.values()));
                case "--set" -> put(overrides, value(args, ++i, arg));
                case "--out" -> outDir = Path.of(value(args, ++i, arg));
                case "--help", "-h" -> help = true;
                default -> throw new RenderException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (connectors.isEmpty()) {
            Arrays.stream(ConnectorTemplate.values()).filter(ConnectorTemplate::renderedByDefault)
                    .forEach(connectors::add);
        }
        return new RenderOptions(outputs, stack, connectors.stream().distinct().toList(), overrides, outDir, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new RenderException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static ConnectorTemplate connector(String name) {
        return ConnectorTemplate.byFileStem(name).orElseThrow(() -> new RenderException("--connector " + name
                + ": no such connector; choose " + Arrays.stream(ConnectorTemplate.values())
                        .map(ConnectorTemplate::fileStem).toList()));
    }

    private static void put(Map<String, String> overrides, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new RenderException("--set " + assignment + ": write it as Name=Value, for example --set "
                    + "ReplicationFactor=1");
        }
        overrides.put(assignment.substring(0, eq), assignment.substring(eq + 1));
    }
}
