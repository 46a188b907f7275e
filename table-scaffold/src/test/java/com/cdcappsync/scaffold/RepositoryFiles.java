package com.cdcappsync.scaffold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's own schema, api.json and packaged mapping, copied into a test's directory. */
final class RepositoryFiles {

    final Path schema;
    final Path api;
    final Path mapping;

    private RepositoryFiles(Path dir) {
        this.schema = dir.resolve("schema.graphql");
        this.api = dir.resolve("api.json");
        this.mapping = dir.resolve("mapping.json");
    }

    static Path root() {
        return Path.of(System.getProperty("cdc.repositoryRoot", "..")).toAbsolutePath().normalize();
    }

    static Path repositoryApi() {
        return root().resolve("graphql-schema/api.json");
    }

    static Path repositoryMapping() {
        return root().resolve("lambda-upsert/src/main/resources/mappings/odoo-products.json");
    }

    /** Copies of the repository's files in {@code dir}; resolvers/ comes along so that ApiManifest can load. */
    static RepositoryFiles copyTo(Path dir) throws IOException {
        RepositoryFiles files = new RepositoryFiles(dir);
        Files.copy(root().resolve("graphql-schema/schema.graphql"), files.schema);
        Files.copy(repositoryApi(), files.api);
        Files.copy(repositoryMapping(), files.mapping);
        Path resolvers = Files.createDirectories(dir.resolve("resolvers"));
        try (var list = Files.list(root().resolve("graphql-schema/resolvers"))) {
            for (Path vtl : list.toList()) {
                Files.copy(vtl, resolvers.resolve(vtl.getFileName()));
            }
        }
        return files;
    }

    String[] args(String... more) {
        String[] base = {"--schema-file", schema.toString(), "--api-file", api.toString(), "--mapping",
            mapping.toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
