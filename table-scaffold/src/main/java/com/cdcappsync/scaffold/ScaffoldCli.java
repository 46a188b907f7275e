package com.cdcappsync.scaffold;

import com.cdcappsync.cli.CommandLines;
import com.cdcappsync.cli.UsageException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/cdc-appsync scaffold}: adds tables to the mapping file, schema.graphql and api.json, from a PostgreSQL
 * database or from Debezium events with schemas. Exit status 0 when done (hand edits kept are reported), 1 when
 * the input is wrong (unknown table, no primary key, a type it cannot map), 2 for bad usage.
 */
@Command(name = "cdc-appsync scaffold", sortOptions = false,
        description = {"Adds tables to the mapping file, graphql-schema/schema.graphql and graphql-schema/api.json.",
            "Run again: shows what would change as a diff; never overwrites a hand edit without --force."})
public final class ScaffoldCli implements Callable<Integer> {

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "jdbc:postgresql://HOST:PORT/DATABASE "
            + "(password from the PGPASSWORD environment variable)")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", description = "database user")
    String user;

    @Option(names = "--schema", paramLabel = "SCHEMA", defaultValue = "public", description = "default: public")
    String schema;

    @Option(names = "--table", paramLabel = "TABLE[=Type]", description = "a table to add (repeatable); the GraphQL "
            + "type defaults to the table in PascalCase")
    List<String> tables = new ArrayList<>();

    @Option(names = "--event", paramLabel = "FILE", description = "Debezium change events with schemas "
            + "(JsonConverter schemas.enable=true) instead of a database: every table they name is added")
    Path event;

    @Option(names = "--language", paramLabel = "LANG", defaultValue = "en_US",
            description = "language shown for jsonb translation columns; default: en_US")
    String language;

    @Option(names = "--exclude", paramLabel = "COLUMN", split = ",", description = "columns to leave out")
    Set<String> exclude = Set.of();

    @Option(names = "--json-columns", paramLabel = "[TABLE.]COLUMN", split = ",", description = "jsonb columns to "
            + "keep whole as AWSJSON; by default a jsonb column whose values are maps from language codes to text "
            + "is read as an Odoo translation map, any other as JSON")
    Set<String> jsonColumns = Set.of();

    @Option(names = "--translation-columns", paramLabel = "[TABLE.]COLUMN", split = ",", description = "jsonb "
            + "columns to read as translation maps (one language as String, every translation as AWSJSON)")
    Set<String> translationColumns = Set.of();

    @Option(names = "--mapping", paramLabel = "FILE",
            defaultValue = "lambda-upsert/src/main/resources/mappings/odoo-products.json",
            description = "mapping file; default: the packaged one")
    Path mapping;

    @Option(names = "--schema-file", paramLabel = "FILE", defaultValue = "graphql-schema/schema.graphql")
    Path schemaFile;

    @Option(names = "--api-file", paramLabel = "FILE", defaultValue = "graphql-schema/api.json")
    Path apiFile;

    @Option(names = "--dry-run", description = "show the diff, write nothing")
    boolean dryRun;

    @Option(names = "--force", description = "overwrite entries that differ from what the scaffold writes")
    boolean force;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
    boolean helpRequested;

    private PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command, reading its options as every tool of this repository does ({@link CommandLines}): every
     * problem at once, then the usage, status 2.
     *
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ScaffoldCli cli = new ScaffoldCli();
        cli.out = out;
        String usage = CommandLines.usage(new ScaffoldCli());
        try {
            List<String> problems = CommandLines.parse(cli, args);
            if (cli.helpRequested) {
                out.print(usage);
                return 0;
            }
            problems.addAll(cli.problems());
            CommandLines.failOn(problems);
            return cli.call();
        } catch (UsageException e) {
            return CommandLines.reportUsage("scaffold", e, usage, err);
        } catch (ScaffoldException e) {
            err.println("scaffold: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("scaffold: " + e.getMessage());
            return 1;
        }
    }

    /** How the options combine: one source, and tables for a database. */
    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        if ((jdbcUrl == null) == (event == null)) {
            problems.add("give either --jdbc-url with --table, or --event FILE");
        } else if (jdbcUrl != null && tables.isEmpty()) {
            problems.add("--jdbc-url needs at least one --table");
        }
        return problems;
    }

    @Override
    public Integer call() throws IOException {
        List<TablePlan> plans = new ArrayList<>();
        Map<String, String> types = typeNames();
        for (TableInfo found : event != null ? fromEvents() : fromDatabase(types.keySet())) {
            TableInfo table = found.withJsonColumns(jsonColumns, translationColumns);
            table.columns().stream().filter(c -> c.note() != null && !exclude.contains(c.name()))
                    .forEach(c -> out.println("note: " + c.note()));
            plans.add(TablePlan.of(table, types.get(table.table()), language, exclude));
        }
        ScaffoldRun.Result result = new ScaffoldRun(schemaFile, apiFile, mapping).run(plans, force, dryRun);
        result.changes().stream().filter(c -> c.status() != Change.Status.SAME).forEach(c -> out.print(c.diff()));
        long kept = force ? 0 : result.count(Change.Status.DIFFERS);
        out.printf("%s: %d added, %d unchanged, %d differing%s%n", dryRun ? "dry run" : "scaffold",
                result.count(Change.Status.ADD), result.count(Change.Status.SAME),
                result.count(Change.Status.DIFFERS), force ? " (overwritten)" : kept > 0
                        ? " (kept as they are; --force overwrites them with what is shown after '+')" : "");
        return 0;
    }

    private Map<String, String> typeNames() {
        Map<String, String> types = new LinkedHashMap<>();
        for (String table : tables) {
            int eq = table.indexOf('=');
            types.put(eq < 0 ? table : table.substring(0, eq), eq < 0 ? null : table.substring(eq + 1));
        }
        return types;
    }

    private List<TableInfo> fromDatabase(Set<String> names) {
        try (PostgresCatalog catalog = PostgresCatalog.connect(jdbcUrl, user, System.getenv("PGPASSWORD"))) {
            return names.stream().map(name -> catalog.table(schema, name)).toList();
        }
    }

    private List<TableInfo> fromEvents() throws IOException {
        if (!Files.isRegularFile(event)) {
            throw new ScaffoldException("event file " + event + " does not exist");
        }
        JsonNode events;
        try {
            events = new ObjectMapper().readTree(event.toFile());
        } catch (IOException e) {
            throw new ScaffoldException("event file " + event + " is not JSON: " + e.getMessage(), e);
        }
        List<TableInfo> all = DebeziumEventSchema.tables(events);
        Set<String> wanted = typeNames().keySet();
        return wanted.isEmpty() ? all : all.stream().filter(t -> wanted.contains(t.table())).toList();
    }
}
