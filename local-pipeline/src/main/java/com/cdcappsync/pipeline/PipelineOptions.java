package com.cdcappsync.pipeline;

import com.cdcappsync.cli.Redact;
import com.cdcappsync.localstack.LocalStackOptions;
import com.cdcappsync.localstack.RepositoryLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * How to start a {@link LocalPipeline}. Build with {@link #builder()}; every option has a default.
 *
 * @param layout            where the repository is (plugin folders, init SQL, connector templates)
 * @param stack             the local stack's options (ports, API key, ...)
 * @param postgresUrl       an existing database for Debezium ({@code postgresql://USER@HOST:PORT/DB}, the password
 *                          from PGPASSWORD or ~/.pgpass, {@link ExternalDatabase}); null (default) starts a throwaway
 *                          cluster; {@link #toString()} masks a password in it
 * @param postgresBin       PostgreSQL's bin folder; default the newest {@code /usr/lib/postgresql/<v>/bin}
 * @param postgresPort      the throwaway cluster's port; default 0 (a free one)
 * @param kafkaPort         the broker's port; default 0 (a free one)
 * @param connectPort       Kafka Connect's REST port; default 0 (a free one)
 * @param kafkaHeap         the broker's heap; default {@value #DEFAULT_KAFKA_HEAP}
 * @param connectHeap       Kafka Connect's heap; default {@value #DEFAULT_CONNECT_HEAP}
 * @param sourceOverrides   properties put over the rendered Debezium config; default none
 * @param sinkOverrides     properties put over the rendered Lambda sink config; default none
 * @param startupTimeout    how long each part may take to start; default 120 s
 * @param progress          receives progress lines; default standard output
 * @param keepLogsIn        a folder the parts' logs are copied to when the pipeline stops; default null (none)
 */
public record PipelineOptions(RepositoryLayout layout, LocalStackOptions stack, String postgresUrl, Path postgresBin,
                              int postgresPort, int kafkaPort, int connectPort, String kafkaHeap, String connectHeap,
                              Map<String, String> sourceOverrides, Map<String, String> sinkOverrides,
                              Duration startupTimeout, Consumer<String> progress, Path keepLogsIn) {

    public static final String DEFAULT_KAFKA_HEAP = "320m";
    public static final String DEFAULT_CONNECT_HEAP = "384m";

    public PipelineOptions {
        sourceOverrides = Map.copyOf(sourceOverrides);
        sinkOverrides = Map.copyOf(sinkOverrides);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The record's usual form, with any password or key masked ({@code postgresUrl}, overrides, the API key). */
    @Override
    public String toString() {
        return Redact.secrets("PipelineOptions[layout=" + layout + ", stack=" + stack + ", postgresUrl="
                + Redact.url(postgresUrl) + ", postgresBin=" + postgresBin + ", postgresPort=" + postgresPort
                + ", kafkaPort=" + kafkaPort + ", connectPort=" + connectPort + ", kafkaHeap=" + kafkaHeap
                + ", connectHeap=" + connectHeap + ", sourceOverrides=" + sourceOverrides + ", sinkOverrides="
                + sinkOverrides + ", startupTimeout=" + startupTimeout + ", keepLogsIn=" + keepLogsIn + "]");
    }

    /** Where the child JVMs' jars are, built by {@code local-pipeline-runtime}. */
    Path kafkaLib() {
        return layout.root().resolve("local-pipeline-runtime/target/kafka-lib");
    }

    /** Debezium's plugin folder's parent. */
    Path debeziumPlugins() {
        return layout.root().resolve("local-pipeline-runtime/target/plugins");
    }

    /** This project's Lambda sink's plugin folder's parent. */
    Path sinkPlugins() {
        return layout.root().resolve("kafka-connect-lambda-sink/target/plugin");
    }

    Path postgresInit() {
        return layout.root().resolve("local-stack/docker/postgres/init");
    }

    Path postgresSetupSql() {
        return layout.root().resolve("local-stack/docker/postgres/cdc-setup.sql");
    }

    /** Builds {@link PipelineOptions}; {@link #build()} checks the values. */
    public static final class Builder {
        private RepositoryLayout layout;
        private LocalStackOptions stack;
        private String postgresUrl;
        private Path postgresBin;
        private int postgresPort;
        private int kafkaPort;
        private int connectPort;
        private String kafkaHeap = DEFAULT_KAFKA_HEAP;
        private String connectHeap = DEFAULT_CONNECT_HEAP;
        private Map<String, String> sourceOverrides = Map.of();
        private Map<String, String> sinkOverrides = Map.of();
        private Duration startupTimeout = Duration.ofSeconds(120);
        private Consumer<String> progress = System.out::println;
        private Path keepLogsIn;

        private Builder() {
        }

        public Builder layout(RepositoryLayout layout) {
            this.layout = layout;
            return this;
        }

        public Builder stack(LocalStackOptions stack) {
            this.stack = stack;
            return this;
        }

        public Builder postgresUrl(String url) {
            this.postgresUrl = url;
            return this;
        }

        public Builder postgresBin(Path bin) {
            this.postgresBin = bin;
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder connectPort(int port) {
            this.connectPort = port;
            return this;
        }

        public Builder kafkaHeap(String heap) {
            this.kafkaHeap = heap;
            return this;
        }

        public Builder connectHeap(String heap) {
            this.connectHeap = heap;
            return this;
        }

        public Builder sourceOverrides(Map<String, String> overrides) {
            this.sourceOverrides = Objects.requireNonNull(overrides, "sourceOverrides");
            return this;
        }

        public Builder sinkOverrides(Map<String, String> overrides) {
            this.sinkOverrides = Objects.requireNonNull(overrides, "sinkOverrides");
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** Copies every part's log to {@code dir} when the pipeline stops (the temporary folder is deleted). */
        public Builder keepLogsIn(Path dir) {
            this.keepLogsIn = dir;
            return this;
        }

        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * Checks and builds.
         *
         * @throws IllegalArgumentException naming the bad option, what is expected and the fix
         */
        public PipelineOptions build() {
            RepositoryLayout located = layout != null ? layout : RepositoryLayout.locate(null);
            LocalStackOptions stackOptions = stack != null ? stack
                    : LocalStackOptions.builder().layout(located).build();
            for (String heap : new String[] {kafkaHeap, connectHeap}) {
                if (heap == null || !heap.matches("\\d+[mMgG]")) {
                    throw new IllegalArgumentException("heap must look like 384m or 1g, got " + heap);
                }
            }
            if (postgresUrl != null) {
                ExternalDatabase.parse(postgresUrl);
            }
            Path bin = postgresUrl != null ? null : postgresBin != null ? postgresBin : findPostgresBin();
            return new PipelineOptions(located, stackOptions, postgresUrl, bin, postgresPort, kafkaPort, connectPort,
                    kafkaHeap, connectHeap, sourceOverrides, sinkOverrides, startupTimeout, progress, keepLogsIn);
        }

        /** The newest {@code /usr/lib/postgresql/<version>/bin} with initdb (Debian's layout). */
        private static Path findPostgresBin() {
            Path debian = Path.of("/usr/lib/postgresql");
            if (Files.isDirectory(debian)) {
                try (Stream<Path> versions = Files.list(debian)) {
                    Path found = versions.map(v -> v.resolve("bin"))
                            .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                            .max(Comparator.comparingInt(bin -> version(bin.getParent().getFileName().toString())))
                            .orElse(null);
                    if (found != null) {
                        return found;
                    }
                } catch (java.io.IOException e) {
                    // fall through to the error below
                }
            }
            throw new IllegalArgumentException("PostgreSQL's initdb not found under /usr/lib/postgresql/*/bin. Install "
                    + "it (Debian: apt-get install postgresql), pass --postgres-bin DIR, or use an existing database "
                    + "with --postgres-url postgresql://USER@HOST:PORT/DB (the password in PGPASSWORD or ~/.pgpass)");
        }

        private static int version(String name) {
            try {
                return Integer.parseInt(name.replaceAll("\\D.*", ""));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
