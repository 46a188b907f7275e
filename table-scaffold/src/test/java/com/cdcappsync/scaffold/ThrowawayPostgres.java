package com.cdcappsync.scaffold;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of its own for a test class, as the fixture generator starts one: initdb and pg_ctl in a
 * temporary directory, loopback only, on a free port, deleted on close. Runs the server as {@code postgres} when
 * the tests run as root (PostgreSQL refuses root). Skipped where PostgreSQL is not installed, failed instead
 * when the environment variable {@code CI} is set (.ci/run installs it).
 */
final class ThrowawayPostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    final int port;

    private ThrowawayPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    static ThrowawayPostgres start() throws IOException, InterruptedException {
        Path bin = installedBin();
        if (bin == null) {
            String why = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres);"
                    + " apt-get install postgresql";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        Path dir = Files.createTempDirectory("scaffold-pg");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ThrowawayPostgres pg = new ThrowawayPostgres(bin, dir, port);
        if (root()) {
            exec(List.of("chown", "postgres:", dir.toString()));
        }
        pg.asServerUser("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "--auth=trust",
                "--encoding=UTF8", "--locale=C.UTF-8");
        pg.asServerUser("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w",
                "start", "-o", "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories="
                        + dir + " -c fsync=off -c timezone=UTC");
        return pg;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    void sql(String statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", ""); Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            asServerUser("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void asServerUser(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (root()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        exec(command);
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path installedBin() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D", "0")))).orElse(null);
        }
    }
}
