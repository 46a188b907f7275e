package com.cdcappsync.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack finds the repository's files. It reads them in place, never copies: the schema and
 * resolvers are the single copy that CDK deploys too.
 *
 * @param root the repository root (the folder holding {@code graphql-schema/} and {@code local-stack/})
 */
public record RepositoryLayout(Path root) {

    /** The system property naming the root; the Maven build sets it for the tests. */
    public static final String ROOT_PROPERTY = "cdc.repo.root";

    /** Normalises the root. */
    public RepositoryLayout {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The layout at {@code explicitRoot}, else at the {@value #ROOT_PROPERTY} system property, else the first
     * folder upwards from the working directory that holds {@code graphql-schema/api.json}.
     *
     * @param explicitRoot a root given on the command line; may be null
     * @throws IllegalArgumentException when no root is found or it lacks the schema, with the fix
     */
    public static RepositoryLayout locate(Path explicitRoot) {
        String property = System.getProperty(ROOT_PROPERTY);
        Path root = explicitRoot != null ? explicitRoot : property != null ? Path.of(property) : searchUpwards();
        RepositoryLayout layout = new RepositoryLayout(root);
        if (!Files.isRegularFile(layout.apiManifest()) || !Files.isRegularFile(layout.simulatorScript())) {
            throw new IllegalArgumentException("no cdc-appsync repository at " + layout.root() + ": expected "
                    + layout.apiManifest() + " and " + layout.simulatorScript() + ". Fix: run from inside the "
                    + "repository, or pass --root <repository folder>.");
        }
        return layout;
    }

    private static Path searchUpwards() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("graphql-schema").resolve("api.json"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    /** {@code graphql-schema/}: schema.graphql, api.json, resolvers/. */
    public Path schemaDir() {
        return root.resolve("graphql-schema");
    }

    /** {@code graphql-schema/api.json}. */
    public Path apiManifest() {
        return schemaDir().resolve("api.json");
    }

    /** {@code local-stack/simulator/}. */
    public Path simulatorDir() {
        return root.resolve("local-stack").resolve("simulator");
    }

    /** {@code local-stack/simulator/simulator.js}. */
    public Path simulatorScript() {
        return simulatorDir().resolve("simulator.js");
    }

    /** {@code local-stack/web/}: the live product page (index.html, its modules and CSS). */
    public Path webDir() {
        return root.resolve("local-stack").resolve("web");
    }

    /** The bundled sample of Odoo product changes (a Confluent sink batch of real Debezium output). */
    public Path sample() {
        return root.resolve("lambda-upsert").resolve("samples").resolve("odoo-product-changes.json");
    }

    /** {@code lambda-upsert/target/lambda-upsert.jar}: the function's deployable jar, as CDK deploys it. */
    public Path functionJar() {
        return root.resolve("lambda-upsert").resolve("target").resolve("lambda-upsert.jar");
    }

    /**
     * {@code local-stack/target/lambda-runtime/}: the Lambda runtime interface client and its dependencies, copied
     * there by the local-stack build.
     */
    public Path lambdaRuntimeDir() {
        return root.resolve("local-stack").resolve("target").resolve("lambda-runtime");
    }

    /** {@code local-stack/target/lambda-task/}: the function's jar unpacked, once per jar content. */
    public Path functionCache() {
        return root.resolve("local-stack").resolve("target").resolve("lambda-task");
    }

    /** Fails, with the command that fixes it, when the simulator's npm packages are not installed. */
    void requireSimulatorInstalled() {
        Path installed = simulatorDir().resolve("node_modules").resolve("@aws-amplify")
                .resolve("amplify-appsync-simulator");
        if (!Files.isDirectory(installed)) {
            throw new IllegalStateException("the AppSync simulator is not installed (" + installed + " is missing). "
                    + "Fix: run `node " + simulatorDir().resolve("install-simulator.js") + "` (npm ci), or build with "
                    + "`./mvnw -B -f local-stack/pom.xml package`.");
        }
    }
}
