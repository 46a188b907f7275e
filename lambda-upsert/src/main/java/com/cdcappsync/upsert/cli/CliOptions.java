package com.cdcappsync.upsert.cli;

import com.cdcappsync.cli.CommandLines;
import com.cdcappsync.cli.UsageException;
import com.cdcappsync.upsert.config.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The CLI's options, read with picocli like every tool of this repository: {@link #parse} reports every problem at
 * once ({@link UsageException}); {@link #usage()} is the {@code --help} text. Each option maps to an environment
 * setting, so the CLI and the Lambda read one configuration.
 */
@Command(name = "cdc-appsync", sortOptions = false, usageHelpWidth = 110, separator = " ", synopsisHeading = "",
        customSynopsis = {
            "Usage: bin/cdc-appsync --dry-run [--mapping FILE] < invocation.json",
            "       bin/cdc-appsync --endpoint URL [--api-key KEY | --region REGION] [--mapping FILE] "
                    + "< invocation.json", ""},
        description = "Reads an invocation (Confluent sink array, Kafka or Kinesis event) from standard input and "
                + "prints the mutations it would send (--dry-run) or sends them. Exit 0 when every record was "
                + "applied, stale or ignored; 1 when one was rejected or failed; 2 on bad usage or configuration.",
        footer = "Every other setting is read from the environment; see lambda-upsert/README.md's configuration table.")
final class CliOptions {

    @Option(names = "--dry-run", description = "print one JSON line per mutation it would send, then a summary line")
    boolean dryRun;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "send to this AppSync GraphQL endpoint (APPSYNC_GRAPHQL_URL)")
    String endpoint;

    @Option(names = "--api-key", paramLabel = "KEY", description = "authenticate with this AppSync API key "
            + "(APPSYNC_API_KEY); without it, SigV4 with the environment's AWS credentials")
    String apiKey;

    @Option(names = "--region", paramLabel = "REGION", description = "the API's region for SigV4 (AWS_REGION)")
    String region;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "a mapping file instead of the packaged Odoo mapping (MAPPING_PATH)")
    String mapping;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
    boolean help;

    /**
     * Parses and checks the arguments.
     *
     * @throws UsageException listing every problem
     */
    static CliOptions parse(String[] args) {
        return CommandLines.parse(new CliOptions(), o -> o.help, (o, problems) -> problems.addAll(o.problems()), args);
    }

    /** The {@code --help} text. */
    static String usage() {
        return CommandLines.usage(new CliOptions());
    }

    /** Problems with the combination of options, all of them. */
    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!dryRun && endpoint == null) {
            problems.add("choose --dry-run, or --endpoint URL to send for real");
        }
        if (dryRun && endpoint != null) {
            problems.add("--dry-run sends nothing; drop --endpoint, or drop --dry-run");
        }
        if (apiKey != null && region != null) {
            problems.add("--api-key and --region choose two ways to authenticate; keep one (--region is for "
                    + "SigV4)");
        }
        return problems;
    }

    /** The settings the options set; {@code --api-key} also switches the auth mode. */
    Map<String, String> environmentOverrides() {
        Map<String, String> env = new HashMap<>();
        put(env, Settings.APPSYNC_GRAPHQL_URL.key(), endpoint);
        put(env, Settings.APPSYNC_API_KEY.key(), apiKey);
        put(env, Settings.AWS_REGION.key(), region);
        put(env, Settings.MAPPING_PATH.key(), mapping);
        if (apiKey != null) {
            env.put(Settings.APPSYNC_AUTH.key(), "api-key");
        }
        return env;
    }

    private static void put(Map<String, String> env, String key, String value) {
        if (value != null) {
            env.put(key, value);
        }
    }
}
