package com.cdcappsync.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.doctor.Finding.Sample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final List<Finding> MIXED = List.of(
            Finding.of("postgres.slot", Status.WARN, "slot cdc_appsync INACTIVE",
                    new Sample("cdc_doctor_slot_retained_wal_bytes", "WAL kept", Map.of("slot", "cdc_appsync"), 123456),
                    new Sample("cdc_doctor_slot_active", "1 when read", Map.of("slot", "cdc_appsync"), 0)),
            Finding.skipped("kafka", "no --bootstrap-servers given"),
            Finding.of("appsync.reachable", Status.OK, "ok"));

    @Test
    void exitCode_worstFinding_decides() {
        assertThat(Doctor.exitCode(MIXED)).isEqualTo(1);
        assertThat(Doctor.exitCode(List.of(Finding.skipped("a", "b")))).isZero();
        assertThat(Doctor.exitCode(List.of(Finding.of("a", Status.FAIL, "x"), Finding.of("b", Status.WARN, "y"))))
                .isEqualTo(2);
    }

    @Test
    void prometheus_samples_helpTypeAndEscapedLabels() {
        String text = Report.prometheus(List.of(Finding.of("c", Status.FAIL, "d",
                new Sample("cdc_doctor_task_state", "state", Map.of("connector", "a\"b\\c"), 1))));

        assertThat(text).contains("# HELP cdc_doctor_task_state state\n# TYPE cdc_doctor_task_state gauge\n"
                + "cdc_doctor_task_state{connector=\"a\\\"b\\\\c\"} 1\n");
        assertThat(text).contains("cdc_doctor_check_status{check=\"c\"} 2\n");
    }

    @Test
    void prometheus_mixed_oneHelpPerMetric() {
        String text = Report.prometheus(MIXED);

        assertThat(text).containsOnlyOnce("# TYPE cdc_doctor_check_status gauge");
        assertThat(text).contains("cdc_doctor_slot_retained_wal_bytes{slot=\"cdc_appsync\"} 123456\n");
        assertThat(text).contains("cdc_doctor_check_status{check=\"kafka\"} 0\n");
    }

    @Test
    void json_mixed_statusAndChecks() {
        assertThat(Report.json(MIXED)).contains("\"status\" : \"warning\"").contains("\"exitCode\" : 1")
                .contains("\"check\" : \"postgres.slot\"").contains("\"value\" : 123456.0");
    }

    @Test
    void run_noInputs_everyCheckSkippedExitZero() {
        StringWriter out = new StringWriter();

        int code = Doctor.run(new PrintWriter(out), "--api-key", "");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("SKIPPED  postgres").contains("no --connect-url given")
                .contains("healthy (exit 0)");
    }

    @Test
    void run_unreachablePostgres_failsWithExitTwo() {
        StringWriter out = new StringWriter();

        int code = Doctor.run(new PrintWriter(out), "--json",
                "--postgres-url", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).contains("\"check\" : \"postgres.connect\"").contains("cannot query PostgreSQL");
    }

    @Test
    void run_badOptions_reportsEveryProblemThenUsageWithExitTwo() {
        StringWriter out = new StringWriter();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        int code = Doctor.run(new PrintWriter(out), new java.io.PrintStream(err, true,
                java.nio.charset.StandardCharsets.UTF_8), "--lag-warn", "many", "--colour");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("doctor: ")
                .contains("--lag-warn").contains("--colour").contains("Usage: doctor");
        assertThat(out.toString()).isEmpty();
    }
}
