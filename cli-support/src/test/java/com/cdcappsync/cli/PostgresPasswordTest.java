package com.cdcappsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The password file is read by pgjdbc, which looks at the real system property first: these tests name the file with
 * {@code org.postgresql.pgpassfile} and restore it; they run alone ({@link Isolated}).
 */
@Isolated
class PostgresPasswordTest {

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();
    private String savedProperty;

    @BeforeEach
    void saveProperty() {
        savedProperty = System.getProperty(PostgresPassword.PGPASSFILE_PROPERTY);
        properties.put("user.home", dir.toString());
    }

    @AfterEach
    void restoreProperty() {
        if (savedProperty == null) {
            System.clearProperty(PostgresPassword.PGPASSFILE_PROPERTY);
        } else {
            System.setProperty(PostgresPassword.PGPASSFILE_PROPERTY, savedProperty);
        }
    }

    private PostgresPassword passwords() {
        return new PostgresPassword(environment::get, properties::get);
    }

    private Path passwordFile(String permissions, String... lines) throws IOException {
        Path file = Files.writeString(dir.resolve("pgpass"), String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        System.setProperty(PostgresPassword.PGPASSFILE_PROPERTY, file.toString());
        properties.put(PostgresPassword.PGPASSFILE_PROPERTY, file.toString());
        return file;
    }

    @Test
    void find_pgpasswordSet_returnsIt() {
        environment.put("PGPASSWORD", "from-env");

        assertThat(passwords().find("db", 5432, "odoo", "debezium")).contains("from-env");
    }

    @Test
    void find_passwordFileWithWildcardsAndEscapes_returnsTheFirstMatchingLine() throws IOException {
        passwordFile("rw-------", "# hostname:port:database:username:password", "other:5432:odoo:debezium:no",
                "db:*:odoo:debezium:pa\\:ss", "*:*:*:*:fallback");

        assertThat(passwords().find("db", 6432, "odoo", "debezium")).contains("pa:ss");
        assertThat(passwords().find("elsewhere", 5432, "shop", "odoo")).contains("fallback");
    }

    @Test
    void find_passwordFileReadableByOthers_refusesItNamingTheChmod() throws IOException {
        Path file = passwordFile("rw-r--r--", "*:*:*:*:leaked");

        assertThatThrownBy(() -> passwords().find("db", 5432, "odoo", "debezium"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("chmod 0600 " + file).hasMessageNotContaining("leaked");
    }

    @Test
    void find_noEnvironmentNoFile_isEmpty() {
        properties.put("user.home", dir.resolve("nowhere").toString());

        assertThat(passwords().passwordFile()).isNull();
        assertThat(passwords().find("db", 5432, "odoo", "debezium")).isEmpty();
    }

    @Test
    void passwordFile_pgpassfileWithoutProperty_isTheEnvironmentsFile() {
        environment.put("PGPASSFILE", "/etc/cdc/pgpass");

        assertThat(passwords().passwordFile()).isEqualTo(Path.of("/etc/cdc/pgpass"));
    }

    @Test
    void connectionProperties_passwordInUrl_leavesItToTheDriver() {
        environment.put("PGPASSWORD", "from-env");

        assertThat(passwords().connectionProperties("jdbc:postgresql://db/odoo?user=u&password=inline")).isEmpty();
    }

    @Test
    void connectionProperties_userWithoutPassword_takesPgpassword() {
        environment.put("PGPASSWORD", "from-env");

        assertThat(passwords().connectionProperties("jdbc:postgresql://db:6432/odoo?user=u"))
                .containsEntry("password", "from-env");
    }

    @Test
    void connectionProperties_notAJdbcUrl_failsWithoutEchoingThePassword() {
        assertThatThrownBy(() -> passwords().connectionProperties("postgresql://db/odoo?user=u&password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql://HOST:PORT")
                .hasMessageContaining("password=***").hasMessageNotContaining("hunter2");
    }
}
