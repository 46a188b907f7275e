package com.cdcappsync.pipeline;

import com.cdcappsync.cli.PostgresPassword;
import com.cdcappsync.cli.Redact;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * An existing database, from {@code --postgres-url postgresql://USER@HOST:PORT/DB}: the role Debezium connects as.
 * It must already have {@code wal_level=logical} and what {@code cdc-setup.sql} creates. The password comes from
 * {@code PGPASSWORD} or the password file ({@code PGPASSFILE}, default {@code ~/.pgpass}), as psql reads it
 * ({@link PostgresPassword}); one in the URL ({@code USER:PASSWORD@}) still works and wins, but shows in {@code ps}.
 */
record ExternalDatabase(String host, int port, String database, String debeziumUser, String debeziumPassword)
        implements Database {

    private static final int DEFAULT_PORT = 5432;

    /** Parses the URL; the password from the environment when the URL has none. */
    static ExternalDatabase parse(String url) {
        return parse(url, PostgresPassword.fromEnvironment());
    }

    /**
     * Parses the URL.
     *
     * @throws IllegalArgumentException naming what is missing and the expected form; never quoting a password
     */
    static ExternalDatabase parse(String url, PostgresPassword passwords) {
        String form = "expected postgresql://USER@HOST:PORT/DATABASE (the Debezium role; its password in PGPASSWORD "
                + "or ~/.pgpass), got " + Redact.url(url);
        URI uri;
        try {
            uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        } catch (IllegalArgumentException e) {
            // The parser's message quotes the URL: leave it out.
            throw new IllegalArgumentException("--postgres-url: " + form);
        }
        String info = uri.getRawUserInfo();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null || info == null || info.startsWith(":")
                || path.isEmpty()) {
            throw new IllegalArgumentException("--postgres-url: " + form);
        }
        int colon = info.indexOf(':');
        String user = URLDecoder.decode(colon < 0 ? info : info.substring(0, colon), StandardCharsets.UTF_8);
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        String password = colon >= 0 ? URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8)
                : passwords.find(uri.getHost(), port, path, user).orElseThrow(() -> new IllegalArgumentException(
                        "--postgres-url " + Redact.url(url) + ": no password for " + user + ". Set PGPASSWORD, or "
                        + "add the line " + uri.getHost() + ":" + port + ":" + path + ":" + user + ":PASSWORD to "
                        + "~/.pgpass (or the file PGPASSFILE names) and chmod 0600 it"));
        return new ExternalDatabase(uri.getHost(), port, path, user, password);
    }

    @Override
    public String ownerUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String psqlCommand() {
        return "psql -h " + host + " -p " + port + " -d " + database + " -U <a role that owns the product tables>";
    }

    @Override
    public String toString() {
        return "ExternalDatabase[" + host + ":" + port + "/" + database + " as " + debeziumUser + "]";
    }
}
