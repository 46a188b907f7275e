package com.cdcappsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 19 item 8: no tool echoes a password. */
class RedactTest {

    private static final String SECRET = "s3cr3t-Pa55";

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://db:5432/odoo?user=debezium&password=" + SECRET,
        "jdbc:postgresql://db:5432/odoo?password=" + SECRET + "&user=debezium",
        "postgresql://debezium:" + SECRET + "@db:5432/odoo",
        "jdbc:postgresql://debezium:" + SECRET + "@db/odoo",
        "postgres://debezium:p@" + SECRET + "@db/odoo",
        "postgresql://debezium:a/" + SECRET + "@db/odoo",
        "postgresq://debezium:" + SECRET + "@db:5432/odoo",
        "jdbc:postgresql://db:5432/odoo?sslpassword=" + SECRET,
        "host=db user=debezium password=" + SECRET + " dbname=odoo",
        "PGPASSWORD=" + SECRET + " psql",
        "{\"database.password\": \"" + SECRET + "\"}",
        "Unknown option: '--postgres-ur=jdbc:postgresql://db/odoo?PASSWORD=" + SECRET + "'",
    })
    void secrets_passwordInText_isMasked(String text) {
        String masked = Redact.secrets("got " + text + ", expected something else");

        assertThat(masked).doesNotContain(SECRET).contains(Redact.MASK).startsWith("got ")
                .endsWith(", expected something else");
    }

    @Test
    void secrets_urlWithoutPassword_isUnchanged() {
        String url = "jdbc:postgresql://db:5432/odoo?user=debezium&connectTimeout=2";

        assertThat(Redact.secrets(url)).isEqualTo(url);
        String noPassword = "postgresql://debezium@db:5432/odoo";
        assertThat(Redact.secrets(noPassword)).isEqualTo(noPassword);
    }

    @Test
    void secrets_keyValue_keepsTheKeyAndOtherParameters() {
        assertThat(Redact.secrets("jdbc:postgresql://db/odoo?user=u&password=x&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/odoo?user=u&password=***&ssl=true");
        assertThat(Redact.secrets("postgresql://u:x@db/odoo")).isEqualTo("postgresql://u:***@db/odoo");
        assertThat(Redact.secrets(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postgresql://debezium:" + SECRET + " x@db:5432/odoo",
        "postgresql://debezium:a b/" + SECRET + "@db:5432/odoo",
        "debezium:" + SECRET + "@db/odoo",
        "jdbc:postgresql://db/odoo?user=u&password=" + SECRET,
    })
    void url_malformedUrl_masksThePassword(String url) {
        assertThat(Redact.url(url)).doesNotContain(SECRET).contains(Redact.MASK).contains("odoo");
    }

    @Test
    void url_noPassword_isUnchanged() {
        for (String url : new String[] {"postgresql://debezium@db:5432/odoo", "jdbc:postgresql://db/odoo?user=u"}) {
            assertThat(Redact.url(url)).isEqualTo(url);
        }
        assertThat(Redact.url(null)).isNull();
    }

    @Test
    void reportUsage_problemEchoingAPassword_printsItMasked() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        CommandLines.reportUsage("tool", new UsageException(List.of("Unknown option: '--postgres-ur=jdbc:postgresql:"
                + "//db/odoo?user=u&password=" + SECRET + "'")), "Usage: tool", new PrintStream(err, true,
                StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET).contains("password=***");
    }
}
