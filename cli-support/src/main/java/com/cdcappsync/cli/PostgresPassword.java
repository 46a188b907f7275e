package com.cdcappsync.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.postgresql.Driver;
import org.postgresql.PGProperty;
import org.postgresql.jdbcurlresolver.PgPassParser;

/**
 * A PostgreSQL password read as PostgreSQL's own tools (libpq) read it, so that it stays out of {@code ps} and the
 * shell history: the {@code PGPASSWORD} environment variable
 * (https://www.postgresql.org/docs/current/libpq-envars.html), else the password file
 * (https://www.postgresql.org/docs/current/libpq-pgpass.html): {@code PGPASSFILE}, default {@code ~/.pgpass}, lines
 * {@code hostname:port:database:username:password}, {@code *} matching anything, {@code \:} and {@code \\} escapes,
 * the first matching line wins; on Unix a file group or others may access is refused. A password in the URL itself
 * still wins over both, as in libpq.
 *
 * <p>The PostgreSQL JDBC driver (pgjdbc 42.3 and later) already reads the password file when a connection has no
 * password ({@link PgPassParser}: the {@value #PGPASSFILE_PROPERTY} system property, then {@code PGPASSFILE}, then
 * {@code ~/.pgpass}; wildcards and escapes included), so this class uses it for that. It adds what pgjdbc lacks:
 * {@code PGPASSWORD}, and libpq's permission rule (pgjdbc reads a world-readable file). The driver is an optional
 * dependency of this module: a tool that uses this class has it on its class path (ops-doctor, local-pipeline).
 */
public final class PostgresPassword {

    public static final String PGPASSWORD = "PGPASSWORD";
    public static final String PGPASSFILE = "PGPASSFILE";
    /** pgjdbc's system property naming the password file; it wins over {@code PGPASSFILE}. */
    public static final String PGPASSFILE_PROPERTY = "org.postgresql.pgpassfile";

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Function<String, String> environment;
    private final Function<String, String> systemProperties;

    /**
     * @param environment      reads an environment variable (null when unset)
     * @param systemProperties reads a system property (null when unset); {@code user.home} finds {@code ~/.pgpass}
     */
    public PostgresPassword(Function<String, String> environment, Function<String, String> systemProperties) {
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    /** Reads this process's environment and system properties. */
    public static PostgresPassword fromEnvironment() {
        return new PostgresPassword(System::getenv, System::getProperty);
    }

    /**
     * The password for a connection: {@code PGPASSWORD}, else the password file's first matching line.
     *
     * @return empty when neither has one
     * @throws IllegalArgumentException when the password file may be accessed by group or others (naming the file
     *                                  and the {@code chmod} that fixes it)
     */
    public Optional<String> find(String host, int port, String database, String user) {
        String fromEnvironment = environment.apply(PGPASSWORD);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return Optional.of(fromEnvironment);
        }
        Path file = passwordFile();
        if (file == null) {
            return Optional.empty();
        }
        requireOwnerOnly(file);
        return Optional.ofNullable(PgPassParser.getPassword(host, Integer.toString(port), database, user));
    }

    /**
     * The properties to connect to {@code jdbcUrl} with ({@code DriverManager.getConnection(jdbcUrl, properties)}):
     * none when the URL carries its password or no password is found, else {@code password} from {@link #find}.
     *
     * @throws IllegalArgumentException when {@code jdbcUrl} is not a PostgreSQL JDBC URL (the message masks any
     *                                  password in it, {@link Redact#url}), or as {@link #find} does
     */
    public Properties connectionProperties(String jdbcUrl) {
        Properties parsed = Driver.parseURL(jdbcUrl, null);
        if (parsed == null) {
            throw new IllegalArgumentException(Redact.url(jdbcUrl) + " is not a PostgreSQL JDBC URL: expected "
                    + "jdbc:postgresql://HOST:PORT/DATABASE?user=USER, the password in " + PGPASSWORD + " or "
                    + "~/.pgpass");
        }
        Properties properties = new Properties();
        String user = PGProperty.USER.getOrDefault(parsed);
        if (PGProperty.PASSWORD.getOrDefault(parsed) != null || user == null) {
            return properties;
        }
        String host = first(PGProperty.PG_HOST.getOrDefault(parsed));
        int port = Integer.parseInt(first(PGProperty.PG_PORT.getOrDefault(parsed)));
        find(host, port, PGProperty.PG_DBNAME.getOrDefault(parsed), user)
                .ifPresent(password -> properties.setProperty(PGProperty.PASSWORD.getName(), password));
        return properties;
    }

    /**
     * The password file pgjdbc reads, in its order: {@value #PGPASSFILE_PROPERTY}, {@code PGPASSFILE}, then
     * {@code ~/.pgpass} when it exists.
     *
     * @return null when there is none
     */
    public Path passwordFile() {
        for (String named : new String[] {systemProperties.apply(PGPASSFILE_PROPERTY), environment.apply(PGPASSFILE)}) {
            if (named != null && !named.isBlank()) {
                return Path.of(named.trim());
            }
        }
        String home = systemProperties.apply("user.home");
        Path file = home == null ? null : Path.of(home, ".pgpass");
        return file != null && Files.isReadable(file) ? file : null;
    }

    /** libpq: "On Unix systems, the permissions on a password file must disallow any access to world or group". */
    private static void requireOwnerOnly(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null || !Files.exists(file)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                throw new IllegalArgumentException("the password file " + file + " may be accessed by group or "
                        + "others (" + PosixFilePermissions.toString(permissions) + "); PostgreSQL's tools refuse such "
                        + "a file and so does this one. Fix: chmod 0600 " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of the password file " + file, e);
        }
    }

    private static String first(String commaSeparated) {
        int comma = commaSeparated.indexOf(',');
        return comma < 0 ? commaSeparated : commaSeparated.substring(0, comma);
    }
}
