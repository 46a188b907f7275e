package com.cdcappsync.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster in a folder: {@code initdb}, {@code pg_ctl start} with {@code wal_level=logical}
 * on 127.0.0.1 and a free port, then the Docker path's own init scripts ({@code local-stack/docker/postgres/init/},
 * run in name order as the postgres image runs them: database {@code shop}, role {@code debezium}, Odoo-shaped
 * tables, and {@code cdc-setup.sql}: publication, heartbeat table, grants). PostgreSQL refuses to run as root, so
 * as root the server runs as the system user {@code postgres}. {@link #close()} stops it; the caller deletes the
 * folder.
 */
final class PostgresCluster implements Database, AutoCloseable {

    static final String OWNER = "odoo";
    static final String OWNER_PASSWORD = "odoo";
    static final String DATABASE = "shop";
    static final String DEBEZIUM_USER = "debezium";
    static final String DEBEZIUM_PASSWORD = "debezium";
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    private final Path binDir;
    private final Path dir;
    private final int port;
    private boolean running;

    private PostgresCluster(Path binDir, Path dir, int port) {
        this.binDir = binDir;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Creates, starts and sets up the cluster.
     *
     * @param binDir     PostgreSQL's bin folder (initdb, pg_ctl, psql)
     * @param dir        an empty folder for the data, socket and log
     * @param initDir    the Docker path's init folder
     * @param setupSql   {@code cdc-setup.sql}, which the init scripts run
     */
    static PostgresCluster start(Path binDir, Path dir, int port, Path initDir, Path setupSql) {
        PostgresCluster cluster = new PostgresCluster(binDir, dir, port);
        try {
            cluster.create();
            cluster.running = true;
            cluster.initialise(initDir, setupSql);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void create() {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("pwfile"), OWNER_PASSWORD + "\n");
            if (runsAsRoot()) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.setOwner(dir, postgres);
                Files.setOwner(dir.resolve("pwfile"), postgres);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + " for PostgreSQL: " + e
                    + (runsAsRoot() ? "; as root, the system user postgres must exist (apt-get install postgresql)"
                    : ""), e);
        }
        run("initdb", asServerUser(tool("initdb"), "-D", data().toString(), "-U", OWNER,
                "--pwfile=" + dir.resolve("pwfile"), "-A", "scram-sha-256", "--auth-local=trust", "-E", "UTF8",
                "--no-locale", "--no-sync"), Map.of());
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                + " -c wal_level=logical -c max_replication_slots=4 -c max_wal_senders=4";
        run("pg_ctl start", asServerUser(tool("pg_ctl"), "-D", data().toString(), "-l",
                dir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o", options, "start"), Map.of());
    }

    /** Runs the init scripts as the postgres image does: {@code *.sh} with bash, {@code *.sql} with psql. */
    private void initialise(Path initDir, Path setupSql) {
        psql("postgres", "CREATE DATABASE " + DATABASE);
        Map<String, String> env = new HashMap<>(clientEnvironment());
        env.put("POSTGRES_USER", OWNER);
        env.put("POSTGRES_DB", DATABASE);
        env.put("DEBEZIUM_DB_PASSWORD", DEBEZIUM_PASSWORD);
        env.put("CDC_SETUP_SQL", setupSql.toString());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(initDir)) {
            scripts = files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the init scripts in " + initDir, e);
        }
        for (Path script : scripts) {
            String name = script.getFileName().toString();
            if (name.endsWith(".sh")) {
                run(name, List.of("bash", script.toString()), env);
            } else if (name.endsWith(".sql")) {
                run(name, List.of(tool("psql"), "-v", "ON_ERROR_STOP=1", "-U", OWNER, "-d", DATABASE, "-q",
                        "-f", script.toString()), env);
            }
        }
    }

    /** Runs one statement as the owner, through the socket. */
    void psql(String database, String sql) {
        run("psql", List.of(tool("psql"), "-v", "ON_ERROR_STOP=1", "-U", OWNER, "-d", database, "-q", "-c", sql),
                clientEnvironment());
    }

    private Map<String, String> clientEnvironment() {
        String path = binDir + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Map.of("PGHOST", dir.toString(), "PGPORT", Integer.toString(port), "PATH", path);
    }

    private void run(String what, List<String> command, Map<String, String> env) {
        Path log = dir.resolve("setup.log");
        ChildProcess tool = ChildProcess.start(what, command, env, log);
        int status = tool.await(TOOL_TIMEOUT);
        if (status != 0) {
            throw new IllegalStateException("PostgreSQL: " + what + " failed (exit " + status + "):"
                    + System.lineSeparator() + tool.logTail(15));
        }
    }

    private String tool(String name) {
        return binDir.resolve(name).toString();
    }

    private Path data() {
        return dir.resolve("data");
    }

    private static List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (runsAsRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The postmaster's process, when it runs. */
    ProcessHandle postmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).getFirst().trim());
            return ProcessHandle.of(pid).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String database() {
        return DATABASE;
    }

    @Override
    public String debeziumUser() {
        return DEBEZIUM_USER;
    }

    @Override
    public String debeziumPassword() {
        return DEBEZIUM_PASSWORD;
    }

    @Override
    public String ownerUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + OWNER + "&password="
                + OWNER_PASSWORD;
    }

    @Override
    public String psqlCommand() {
        return "PGPASSWORD=" + OWNER_PASSWORD + " " + tool("psql") + " -h 127.0.0.1 -p " + port + " -U " + OWNER
                + " -d " + DATABASE;
    }

    /** The server's log file. */
    Path log() {
        return dir.resolve("postgres.log");
    }

    @Override
    public synchronized void close() {
        if (running) {
            running = false;
            try {
                run("pg_ctl stop", asServerUser(tool("pg_ctl"), "-D", data().toString(), "-m", "fast", "-w",
                        "stop"), Map.of());
            } catch (RuntimeException e) {
                ProcessHandle postmaster = postmaster();
                if (postmaster != null) {
                    postmaster.destroyForcibly();
                }
            }
        }
    }
}
