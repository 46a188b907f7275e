package com.cdcappsync.pipeline;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * An existing database, from {@code --postgres-url postgresql://USER:PASSWORD@HOST:PORT/DB}: the role Debezium
 * connects as. It must already have {@code wal_level=logical} and what {@code cdc-setup.sql} creates.
 */
record ExternalDatabase(String host, int port, String database, String debeziumUser, String debeziumPassword)
        implements Database {

    /**
     * Parses the URL.
     *
     * @throws IllegalArgumentException naming what is missing and the expected form
     */
    static ExternalDatabase parse(String url) {
        String form = "expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE (the Debezium role), got " + url;
        URI uri;
        try {
            uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--postgres-url: " + form, e);
        }
        String info = uri.getRawUserInfo();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null || info == null || !info.contains(":")
                || path.isEmpty()) {
            throw new IllegalArgumentException("--postgres-url: " + form);
        }
        String user = URLDecoder.decode(info.substring(0, info.indexOf(':')), StandardCharsets.UTF_8);
        String password = URLDecoder.decode(info.substring(info.indexOf(':') + 1), StandardCharsets.UTF_8);
        return new ExternalDatabase(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path, user, password);
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
