package com.cdcappsync.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 19 item 8: bin/doctor never echoes a password, in its table, JSON, Prometheus text or errors. */
class SecretsTest {

    private static final String SECRET = "Hunter2-doctor";

    private final StringWriter out = new StringWriter();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Doctor.run(new PrintWriter(out), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postgresql://debezium:" + SECRET + "@127.0.0.1:1/odoo",
        "jdbc:postgres://127.0.0.1:1/odoo?user=debezium&password=" + SECRET,
        "jdbc:postgresql://debezium:" + SECRET + "@127.0.0.1:1/odoo",
        "jdbc:postgresql://127.0.0.1:1/odoo?user=debezium&password=" + SECRET + "&connectTimeout=2",
        "jdbc:postgresql://127.0.0.1:99999/odoo?password=" + SECRET,
    })
    void run_postgresUrlWithPassword_neverPrintsIt(String url) {
        assertThat(run("--api-key", "", "--postgres-url", url)).isEqualTo(2);
        assertThat(run("--api-key", "", "--json", "--postgres-url", url)).isEqualTo(2);
        List<Finding> findings = new PostgresChecks(options("--postgres-url", url)).run();

        assertThat(out.toString()).contains("postgres.connect").contains("\"status\" : \"FAIL\"")
                .doesNotContain(SECRET);
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
        assertThat(findings).extracting(Finding::check).containsExactly("postgres.connect");
        assertThat(findings).allSatisfy(f -> assertThat(f.detail()).doesNotContain(SECRET));
        assertThat(Report.prometheus(findings)).doesNotContain(SECRET);
    }

    @Test
    void run_mistypedOption_usageErrorMasksThePassword() {
        assertThat(run("--json", "--postgres-ur=jdbc:postgresql://db/odoo?password=" + SECRET)).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("doctor: ").contains("password=***")
                .doesNotContain(SECRET);
        assertThat(out.toString()).isEmpty();
    }

    static DoctorOptions options(String... args) {
        DoctorOptions options = new DoctorOptions();
        new picocli.CommandLine(options).parseArgs(args);
        return options;
    }
}
