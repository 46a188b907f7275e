package com.cdcappsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cdcappsync.cli.PostgresPassword;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalDatabaseTest {

    private static final String SECRET = "Hunter2-pipeline";

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();

    /** No PGPASSWORD, and a home folder without .pgpass, unless a test sets them. */
    private PostgresPassword passwords() {
        return new PostgresPassword(environment::get, name -> name.equals("user.home") ? home.toString() : null);
    }

    @Test
    void parse_fullUrl_readsEveryPartAndDecodesThePassword() {
        ExternalDatabase db = ExternalDatabase.parse("postgresql://debezium:p%40ss@db.example:6432/odoo", passwords());

        assertThat(db.host()).isEqualTo("db.example");
        assertThat(db.port()).isEqualTo(6432);
        assertThat(db.database()).isEqualTo("odoo");
        assertThat(db.debeziumUser()).isEqualTo("debezium");
        assertThat(db.debeziumPassword()).isEqualTo("p@ss");
        assertThat(db.toString()).doesNotContain("p@ss");
    }

    @Test
    void parse_jdbcPrefixAndNoPort_takesTheDefaultPort() {
        assertThat(ExternalDatabase.parse("jdbc:postgresql://u:p@localhost/shop", passwords()).port()).isEqualTo(5432);
    }

    @Test
    void parse_noPasswordInUrl_takesPgpassword() {
        environment.put("PGPASSWORD", SECRET);

        ExternalDatabase db = ExternalDatabase.parse("postgresql://debezium@localhost:5432/shop", passwords());

        assertThat(db.debeziumUser()).isEqualTo("debezium");
        assertThat(db.debeziumPassword()).isEqualTo(SECRET);
    }

    @Test
    void parse_passwordInUrlAndPgpassword_theUrlWins() {
        environment.put("PGPASSWORD", "from-env");

        assertThat(ExternalDatabase.parse("postgresql://u:inline@db/shop", passwords()).debeziumPassword())
                .isEqualTo("inline");
    }

    @Test
    void parse_noPasswordAnywhere_namesPgpasswordAndThePasswordFileLine() {
        assertThatThrownBy(() -> ExternalDatabase.parse("postgresql://debezium@localhost:5432/shop", passwords()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--postgres-url")
                .hasMessageContaining("no password for debezium").hasMessageContaining("PGPASSWORD")
                .hasMessageContaining("localhost:5432:shop:debezium:PASSWORD to ~/.pgpass");
    }

    @Test
    void parse_noUser_namesTheExpectedForm() {
        assertThatThrownBy(() -> ExternalDatabase.parse("postgresql://localhost:5432/shop", passwords()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--postgres-url")
                .hasMessageContaining("postgresql://USER@HOST:PORT/DATABASE");
    }

    /** Issue 19 item 8: a malformed URL is quoted in the error, its password masked. */
    @ParameterizedTest
    @ValueSource(strings = {
        "postgres://debezium:" + SECRET + "@db:5432/odoo",
        "postgresql://debezium:" + SECRET + "@db:5432/",
        "postgresql://debezium:p@" + SECRET + "@db:5432/odoo",
        "postgresql://debezium:" + SECRET + " x@db:5432/odoo",
        "postgresql://debezium:" + SECRET + "@db:port/odoo",
        "postgresql:///odoo?user=debezium&password=" + SECRET,
        "jdbc:postgresql://db:5432/odoo?user=debezium&password=" + SECRET,
    })
    void parse_malformedUrlWithPassword_neverQuotesIt(String url) {
        assertThatThrownBy(() -> ExternalDatabase.parse(url, passwords()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--postgres-url")
                .hasMessageNotContaining(SECRET);
    }
}
