package com.cdcappsync.pipeline;

import com.cdcappsync.doctor.Doctor;
import com.cdcappsync.doctor.DoctorOptions;
import com.cdcappsync.doctor.Finding;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** {@code bin/doctor} on the pipeline: its checks' findings, and its CLI through the entry point. */
final class DoctorRuns {

    private final LocalPipeline pipeline;

    DoctorRuns(LocalPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** The doctor's options for this pipeline, plus {@code extra}. */
    DoctorOptions options(String... extra) {
        List<String> args = new ArrayList<>(List.of("--postgres-url", pipeline.jdbcUrl(),
                "--connect-url", pipeline.connectUrl().toString(),
                "--bootstrap-servers", pipeline.kafkaBootstrapServers(),
                "--mapping", PipelineFixture.repoRoot()
                        .resolve("lambda-upsert/src/main/resources/mappings/odoo-products.json").toString()));
        args.addAll(List.of(extra));
        return CommandLine.populateCommand(new DoctorOptions(), args.toArray(String[]::new));
    }

    /** The finding of {@code check} among all the checks run with {@link #options}{@code (extra)}. */
    Finding check(String check, String... extra) {
        return find(Doctor.check(options(extra)), check);
    }

    /** What {@code bin/doctor ARGS} prints and its exit code, through the CLI's entry point. */
    record Run(int exitCode, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Doctor.run(new PrintWriter(out), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        Run run = new Run(code, out.toString(), err.toString(StandardCharsets.UTF_8));
        System.out.println("bin/doctor " + String.join(" ", args) + " -> exit " + code + "\n" + run.out() + run.err());
        return run;
    }

    static Finding find(List<Finding> findings, String check) {
        return findings.stream().filter(f -> f.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + check + " in " + findings));
    }

    /** The value of the first sample named {@code metric} with a label of value {@code label} (any when null). */
    static double sample(Finding finding, String metric, String label) {
        return finding.samples().stream().filter(s -> s.name().equals(metric)
                        && (label == null || s.labels().containsValue(label))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + metric + " " + label + " in " + finding)).value();
    }
}
