package com.cdcappsync.doctor;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bin/doctor}: the pipeline's health in one look. Exit code 0 healthy, 1 warning, 2 failing; with
 * {@code --serve PORT}, the same checks as Prometheus metrics until stopped.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks PostgreSQL (slot, retained WAL, publication, heartbeat), Kafka Connect (connectors and "
                + "tasks), Kafka (sink lag, error topics) and AppSync. Exit code: 0 healthy, 1 warning, 2 failing.")
public final class Doctor implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DoctorOptions options = new DoctorOptions();

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), args));
    }

    /** Runs the command line; the exit code. */
    static int run(PrintWriter out, String... args) {
        CommandLine cli = new CommandLine(new Doctor());
        cli.setOut(out);
        return cli.execute(args);
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
    public Integer call() throws Exception {
        options.mappedTables();
        PrintWriter out = spec.commandLine().getOut();
        if (options.servePort() >= 0) {
            try (MetricsServer server = MetricsServer.start(options.servePort(), () -> check(options))) {
                out.println("serving Prometheus metrics on " + server.url());
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
