package com.cdcappsync.doctor;

import com.cdcappsync.cli.CommandLines;
import com.cdcappsync.cli.Redact;
import com.cdcappsync.cli.UsageException;
import com.cdcappsync.doctor.replay.Replay;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/doctor}: the pipeline's health in one look. Exit code 0 healthy, 1 warning, 2 failing; with
 * {@code --serve PORT}, the same checks as Prometheus metrics until stopped.
 */
@Command(name = "doctor", sortOptions = false,
        description = "Checks PostgreSQL (slot, retained WAL, publication, heartbeat), Kafka Connect (connectors and "
                + "tasks), Kafka (sink lag, error topics, retention against the tombstone lifetime) and AppSync. "
                + "Exit code: 0 healthy, 1 warning, 2 failing.",
        footer = "bin/doctor replay --help: put the records of the error topic or the DLQ back on their topics.")
public final class Doctor implements Callable<Integer> {

    /** The subcommand {@code bin/doctor replay}: {@link Replay}. */
    static final String REPLAY = "replay";

    @Mixin
    private DoctorOptions options = new DoctorOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
    private boolean help;

    private PrintWriter out;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), System.err, args));
    }

    /** Runs the command line, errors to standard error; the exit code. */
    public static int run(PrintWriter out, String... args) {
        return run(out, System.err, args);
    }

    /**
     * Runs the command line, reading its options as every tool of this repository does ({@link CommandLines}):
     * every problem at once, then the usage, exit code 2.
     *
     * @return the exit code: 0 healthy, 1 warning, 2 failing or bad usage
     */
    public static int run(PrintWriter out, PrintStream err, String... args) {
        if (args.length > 0 && args[0].equals(REPLAY)) {
            return Replay.run(out, err, Arrays.copyOfRange(args, 1, args.length));
        }
        Doctor doctor = new Doctor();
        doctor.out = out;
        String usage = CommandLines.usage(new Doctor());
        try {
            CommandLines.failOn(CommandLines.parse(doctor, args));
            if (doctor.help) {
                out.print(usage);
                out.flush();
                return 0;
            }
            return doctor.call();
        } catch (UsageException e) {
            return CommandLines.reportUsage("doctor", e, usage, err);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("doctor: " + Redact.secrets(e.getMessage()));
            return CommandLines.USAGE_EXIT_STATUS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Every check, in the order of the flow. */
    public static List<Finding> check(DoctorOptions options) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(new PostgresChecks(options).run());
        findings.addAll(new ConnectChecks(options).run());
        findings.addAll(new KafkaChecks(options).run());
        findings.addAll(new AppSyncChecks(options).run());
        return findings;
    }

    /** 0 healthy, 1 warning, 2 failing. */
    public static int exitCode(List<Finding> findings) {
        return findings.stream().map(Finding::status).reduce(Status.OK, Status::worst).exitCode();
    }

    @Override
    public Integer call() throws InterruptedException {
        options.mappedTables();
        options.tombstoneLifetime().get();
        if (options.servePort() >= 0) {
            try (MetricsServer server = MetricsServer.start(options.serveHost(), options.servePort(),
                    options.serveCache(), () -> check(options))) {
                out.println("serving Prometheus metrics on " + server.url() + " (listening on "
                        + server.address().getAddress().getHostAddress() + "; a result answers scrapes for "
                        + options.serveCache() + ")");
                out.flush();
                new CountDownLatch(1).await();
            }
            return 0;
        }
        List<Finding> findings = check(options);
        out.print(options.json() ? Report.json(findings) : Report.table(findings));
        out.flush();
        return exitCode(findings);
    }
}
