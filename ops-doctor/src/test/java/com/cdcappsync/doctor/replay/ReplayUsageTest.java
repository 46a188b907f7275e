package com.cdcappsync.doctor.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.cdcappsync.doctor.Doctor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** bin/doctor replay's command line; the replay itself runs on the real pipeline (local-pipeline). */
class ReplayUsageTest {

    private final StringWriter out = new StringWriter();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Doctor.run(new PrintWriter(out), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void run_noOptions_listsEveryMissingOptionAndExits2() {
        int code = run("replay");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("doctor replay: ")
                .contains("--bootstrap-servers").contains("--from").contains("Usage: doctor replay");
    }

    @Test
    void run_dryRunWithDeleteReplayed_refusedAsContradictory() {
        int code = run("replay", "--bootstrap-servers", "127.0.0.1:1", "--from", "t", "--dry-run",
                "--delete-replayed", "--max", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--delete-replayed with --dry-run").contains("--max must be at least 1, got 0");
    }

    @Test
    void run_help_printsTheOptionsAndExits0() {
        int code = run("replay", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: doctor replay").contains("--delete-replayed")
                .contains("--tombstone-ttl").contains("--group");
    }

    @Test
    void run_doctorHelp_pointsToTheReplaySubcommand() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("bin/doctor replay --help").contains("--tombstone-ttl");
    }
}
