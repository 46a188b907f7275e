package com.cdcappsync.upsert.cli;

import com.cdcappsync.upsert.config.Settings;
import java.util.HashMap;
import java.util.Map;

/**
 * The CLI's arguments. Each option maps to an environment setting, so the CLI and the Lambda read one
 * configuration.
 *
 * @param dryRun  print instead of sending
 * @param help    print usage
 * @param options option values by environment key
 */
record CliArguments(boolean dryRun, boolean help, Map<String, String> options) {

    static CliArguments parse(String[] args) {
        boolean dryRun = false;
        boolean help = false;
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--dry-run" -> dryRun = true;
                case "-h", "--help" -> help = true;
                case "--endpoint" -> options.put(Settings.APPSYNC_GRAPHQL_URL.key(), value(args, ++i, arg));
                case "--api-key" -> options.put(Settings.APPSYNC_API_KEY.key(), value(args, ++i, arg));
                case "--region" -> options.put(Settings.AWS_REGION.key(), value(args, ++i, arg));
                case "--mapping" -> options.put(Settings.MAPPING_PATH.key(), value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (!help && !dryRun && !options.containsKey(Settings.APPSYNC_GRAPHQL_URL.key())) {
            throw new IllegalArgumentException("choose --dry-run, or --endpoint URL to send for real");
        }
        if (dryRun && options.containsKey(Settings.APPSYNC_GRAPHQL_URL.key())) {
            throw new IllegalArgumentException("--dry-run sends nothing; drop --endpoint, or drop --dry-run");
        }
        return new CliArguments(dryRun, help, Map.copyOf(options));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** Settings the options set; {@code --api-key} also switches the auth mode. */
    Map<String, String> environmentOverrides() {
        Map<String, String> env = new HashMap<>(options);
        if (options.containsKey(Settings.APPSYNC_API_KEY.key())) {
            env.put(Settings.APPSYNC_AUTH.key(), "api-key");
        }
        return env;
    }
}
