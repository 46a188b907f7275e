package com.cdcappsync.doctor;

import com.cdcappsync.cli.PostgresPassword;
import com.cdcappsync.upsert.mapping.MappingException;
import com.cdcappsync.upsert.mapping.MappingLoader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** bin/doctor's options; every input is optional and its checks are skipped, with the reason, without it. */
public final class DoctorOptions {

    @Option(names = "--postgres-url", paramLabel = "JDBC_URL",
            description = "jdbc:postgresql://host:5432/odoo?user=... (a role that reads pg_catalog); the password from "
                    + "PGPASSWORD or the password file (PGPASSFILE, default ~/.pgpass), as psql reads it")
    private String postgresUrl;

    @Option(names = "--connect-url", paramLabel = "URL", description = "Kafka Connect REST, e.g. http://connect:8083")
    private URI connectUrl;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka")
    private String bootstrapServers;

    @Option(names = "--appsync-url", paramLabel = "URL", description = "the GraphQL endpoint")
    private URI appsyncUrl;

    @Option(names = "--api-key", paramLabel = "KEY", description = "the AppSync API key (default: $APPSYNC_API_KEY)",
            defaultValue = "${env:APPSYNC_API_KEY}")
    private String apiKey;

    @Option(names = "--api-id", paramLabel = "ID", description = "the AppSync API id, to read the key's expiry")
    private String apiId;

    @Option(names = "--appsync-control-endpoint", paramLabel = "URL", description = "where ListApiKeys is sent; "
            + "default: the region's AppSync endpoint (https://appsync.<region>.amazonaws.com)")
    private URI appsyncControlEndpoint;

    @Option(names = "--region", defaultValue = "${env:AWS_REGION:-eu-west-1}",
            description = "default: ${DEFAULT-VALUE}")
    private String region;

    @Option(names = "--mapping", paramLabel = "FILE", description = "the mapping file whose tables the publication "
            + "must cover (lambda-upsert/src/main/resources/mappings/odoo-products.json)")
    private Path mapping;

    @Option(names = "--slot", defaultValue = "cdc_appsync",
            description = "replication slot (default: ${DEFAULT-VALUE})")
    private String slot;

    @Option(names = "--publication", defaultValue = "cdc_appsync", description = "default: ${DEFAULT-VALUE}")
    private String publication;

    @Option(names = "--heartbeat-table", defaultValue = "cdc_appsync.heartbeat",
            description = "default: ${DEFAULT-VALUE}")
    private String heartbeatTable;

    @Option(names = "--heartbeat-max-age", defaultValue = "PT5M", description = "ISO-8601 (default: ${DEFAULT-VALUE}; "
            + "the shipped heartbeat.interval.ms is 30 s)")
    private Duration heartbeatMaxAge;

    @Option(names = "--wal-warn-bytes", defaultValue = "1073741824", description = "default: ${DEFAULT-VALUE} (1 GiB)")
    private long walWarnBytes;

    @Option(names = "--wal-fail-bytes", defaultValue = "10737418240",
            description = "default: ${DEFAULT-VALUE} (10 GiB); keep it well below the disk's free space")
    private long walFailBytes;

    @Option(names = "--connector", paramLabel = "NAME", split = ",",
            defaultValue = "cdc-appsync-odoo-source,cdc-appsync-lambda-sink",
            description = "connectors that must be registered (default: ${DEFAULT-VALUE})")
    private List<String> connectors;

    @Option(names = "--sink-group", defaultValue = "connect-cdc-appsync-lambda-sink",
            description = "the sink's consumer group (default: ${DEFAULT-VALUE})")
    private String sinkGroup;

    @Option(names = "--lag-warn", defaultValue = "1000", description = "records behind on one partition (default: "
            + "${DEFAULT-VALUE})")
    private long lagWarn;

    @Option(names = "--lag-fail", defaultValue = "100000", description = "default: ${DEFAULT-VALUE}")
    private long lagFail;

    @Option(names = "--error-topic", paramLabel = "TOPIC", split = ",",
            defaultValue = "cdc-appsync-lambda-sink-error,cdc-appsync-lambda-sink-dlq",
            description = "error and dead-letter topics (default: ${DEFAULT-VALUE})")
    private List<String> errorTopics;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "the source connector's topic.prefix: "
            + "its tables' topics are PREFIX.schema.table (default: read from Kafka Connect, --source-connector)")
    private String topicPrefix;

    @Option(names = "--source-connector", defaultValue = "cdc-appsync-odoo-source",
            description = "the Debezium connector whose topic.prefix names the source topics (default: "
                    + "${DEFAULT-VALUE})")
    private String sourceConnector;

    @Mixin
    private TombstoneLifetime tombstoneLifetime = new TombstoneLifetime();

    @Option(names = "--api-key-warn", defaultValue = "P7D", description = "default: ${DEFAULT-VALUE}")
    private Duration apiKeyWarn;

    @Option(names = "--json", description = "print JSON instead of a table")
    private boolean json;

    @Option(names = "--serve", paramLabel = "PORT", defaultValue = "-1",
            description = "serve the checks as Prometheus metrics on http://HOST:PORT/metrics (0: any free port)")
    private int servePort;

    @Option(names = "--serve-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "the address --serve listens on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0: "
                    + "every interface, for a Prometheus on another host)")
    private String serveHost;

    @Option(names = "--serve-cache", paramLabel = "DURATION", defaultValue = "PT15S",
            description = "ISO-8601; scrapes within this long of the last run get its result instead of running "
                    + "every check again against PostgreSQL, Kafka and AppSync (default: ${DEFAULT-VALUE}; PT0S: "
                    + "every scrape)")
    private Duration serveCache;

    private List<String> mappedTables;

    public String postgresUrl() {
        return postgresUrl;
    }

    public URI connectUrl() {
        return connectUrl;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public URI appsyncUrl() {
        return appsyncUrl;
    }

    public String apiKey() {
        return apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    public String apiId() {
        return apiId;
    }

    /** @return the AppSync control-plane endpoint to use instead of the region's, or null */
    public URI appsyncControlEndpoint() {
        return appsyncControlEndpoint;
    }

    public String region() {
        return region;
    }

    public String slot() {
        return slot;
    }

    public String publication() {
        return publication;
    }

    public String heartbeatTable() {
        return heartbeatTable;
    }

    public Duration heartbeatMaxAge() {
        return heartbeatMaxAge;
    }

    public long walWarnBytes() {
        return walWarnBytes;
    }

    public long walFailBytes() {
        return walFailBytes;
    }

    public List<String> connectors() {
        return connectors;
    }

    public String sinkGroup() {
        return sinkGroup;
    }

    public long lagWarn() {
        return lagWarn;
    }

    public long lagFail() {
        return lagFail;
    }

    public List<String> errorTopics() {
        return errorTopics;
    }

    public String topicPrefix() {
        return topicPrefix;
    }

    public String sourceConnector() {
        return sourceConnector;
    }

    /** The tombstone lifetime the retention check compares with: {@code --api-dir} or {@code --tombstone-ttl}. */
    public TombstoneLifetime tombstoneLifetime() {
        return tombstoneLifetime;
    }

    public Duration apiKeyWarn() {
        return apiKeyWarn;
    }

    public boolean json() {
        return json;
    }

    public int servePort() {
        return servePort;
    }

    /** The address {@code --serve} binds: 127.0.0.1 unless told otherwise. */
    public String serveHost() {
        return serveHost;
    }

    /** How long a scrape's result answers the next scrapes, never negative. */
    public Duration serveCache() {
        if (serveCache.isNegative()) {
            throw new IllegalArgumentException("--serve-cache must be PT0S or more (PT0S runs the checks on every "
                    + "scrape), got " + serveCache);
        }
        return serveCache;
    }

    /** Where the PostgreSQL password comes from when {@code --postgres-url} has none: PGPASSWORD, ~/.pgpass. */
    public PostgresPassword postgresPassword() {
        return PostgresPassword.fromEnvironment();
    }

    /** The mapping's tables as {@code schema.table} (schema {@code public} when the mapping names none). */
    public synchronized List<String> mappedTables() {
        if (mappedTables == null) {
            mappedTables = mapping == null ? List.of() : readMapping(mapping);
        }
        return mappedTables;
    }

    /** The function's own reader of the mapping format, so the doctor checks the tables the function maps. */
    private static List<String> readMapping(Path file) {
        try {
            return new MappingLoader().load(file).tables().stream()
                    .map(t -> (t.schema() == null ? "public" : t.schema()) + "." + t.table()).toList();
        } catch (MappingException e) {
            throw new IllegalArgumentException("--mapping " + file + ": " + e.getMessage(), e);
        }
    }
}
