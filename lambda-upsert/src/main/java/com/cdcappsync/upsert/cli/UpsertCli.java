package com.cdcappsync.upsert.cli;

import com.cdcappsync.cli.CommandLines;
import com.cdcappsync.cli.UsageException;
import com.cdcappsync.upsert.BatchResult;
import com.cdcappsync.upsert.UpsertPipeline;
import com.cdcappsync.upsert.config.ConfigException;
import com.cdcappsync.upsert.config.HandlerConfig;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.internal.response.ResponseWriter;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.response.RecordStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Function;

/**
 * Command line: reads an invocation (Confluent sink array, Kafka or Kinesis event) from standard input and
 * prints the mutations it would send ({@code --dry-run}) or sends them. Exit 0 when every record was applied,
 * stale or ignored; 1 when one was rejected or failed; 2 on bad usage or configuration. Options are read by
 * picocli ({@link CliOptions}), like those of the other tools: every problem is reported at once, then the usage.
 */
public final class UpsertCli {

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> env;

    UpsertCli(PrintStream out, PrintStream err, Function<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        int code = new UpsertCli(System.out, System.err, System::getenv).run(args, System.in);
        System.exit(code);
    }

    int run(String[] args, InputStream stdin) {
        CliOptions parsed;
        try {
            parsed = CliOptions.parse(args);
        } catch (UsageException e) {
            return CommandLines.reportUsage("cdc-appsync", e, CliOptions.usage(), err);
        }
        if (parsed.help) {
            out.print(CliOptions.usage());
            return 0;
        }
        Map<String, String> overrides = parsed.environmentOverrides();
        Function<String, String> effective = key -> overrides.containsKey(key) ? overrides.get(key) : env.apply(key);
        DryRunSender dryRun = parsed.dryRun ? new DryRunSender() : null;
        try (UpsertPipeline pipeline = build(effective, dryRun)) {
            JsonNode invocation = Json.MAPPER.readTree(stdin);
            BatchResult batch = pipeline.process(invocation);
            if (dryRun != null) {
                dryRun.sentInInputOrder().forEach(c -> out.println(mutationLine(c)));
            }
            out.println(summaryLine(batch, dryRun != null));
            return batch.hasProblems() ? 1 : 0;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("cannot read the invocation from standard input: " + e.getMessage()
                    + "; expected a JSON invocation (see --help)");
            return 2;
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private UpsertPipeline build(Function<String, String> environment, DryRunSender dryRun) {
        UpsertPipeline.Builder builder = UpsertPipeline.builder()
                .config(HandlerConfig.fromEnvironment(environment, dryRun == null))
                .log(err::println);
        if (dryRun != null) {
            builder.sender(dryRun);
        }
        return builder.build();
    }

    static String mutationLine(MappedChange change) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("mutation", change.query());
        line.set("variables", change.variables());
        return line.toString();
    }

    static String summaryLine(BatchResult result, boolean dryRun) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        ObjectNode summary = line.putObject("summary");
        summary.put("dryRun", dryRun);
        summary.put("input", result.kind().name());
        summary.put("records", result.outcomes().size());
        for (RecordStatus status : RecordStatus.values()) {
            summary.put(status.label(), result.count(status));
        }
        ResponseWriter writer = new ResponseWriter(Json.MAPPER);
        var problems = summary.putArray("problems");
        result.outcomes().stream()
                .filter(o -> o.status().isProblem())
                .forEach(o -> problems.addObject().put("location", o.location().toString()).setAll(writer.result(o)));
        return line.toString();
    }
}
