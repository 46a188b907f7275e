package com.cdcappsync.infra.schema;

import com.cdcappsync.apimanifest.ApiManifest;
import com.cdcappsync.apimanifest.ApiManifestException;
import com.cdcappsync.infra.config.InfraConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code graphql-schema/} folder as the stack deploys it: {@code schema.graphql}, {@code api.json} and the
 * VTL templates it names. Files are read in place, never copied, so the stack deploys exactly what the local
 * simulator loads.
 *
 * @param directory the folder, absolute
 * @param manifest its {@code api.json}
 */
public record GraphqlSources(Path directory, ApiManifest manifest) {

    /** The folder's name in the repository. */
    public static final String FOLDER = "graphql-schema";
    /** The schema's file name inside the folder. */
    public static final String SCHEMA_FILE = "schema.graphql";

    public GraphqlSources {
        directory = directory.toAbsolutePath().normalize();
    }

    /**
     * Reads and checks the folder.
     *
     * @param directory the {@code graphql-schema/} folder
     * @return its sources
     * @throws InfraConfigException when the schema, the manifest or a template is missing or invalid (the manifest's
     *         problems as {@link ApiManifest#load} reports them, plus the folder)
     */
    public static GraphqlSources load(Path directory) {
        if (!Files.isRegularFile(directory.resolve(SCHEMA_FILE))) {
            throw new InfraConfigException("Cannot read the GraphQL schema", List.of(directory.resolve(SCHEMA_FILE)
                    + " does not exist; point context graphqlSchemaDir at the folder holding schema.graphql and "
                    + "api.json"));
        }
        try {
            return new GraphqlSources(directory, ApiManifest.load(directory));
        } catch (ApiManifestException e) {
            List<String> problems = new ArrayList<>(e.problems());
            problems.add("the schema folder is " + directory + " (context graphqlSchemaDir); fix the file there or "
                    + "point the context at the right folder");
            throw new InfraConfigException(e.summary(), problems);
        }
    }

    /**
     * Finds the repository root: the nearest folder, from {@code start} upwards, that holds
     * {@code graphql-schema/api.json}.
     *
     * @param start where to start, usually the working directory ({@code infra-cdk/} under {@code cdk})
     * @return the repository root, absolute
     * @throws InfraConfigException when no such folder exists
     */
    public static Path findRepositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FOLDER).resolve(ApiManifest.FILE_NAME))) {
                return dir;
            }
        }
        throw new InfraConfigException("Cannot find the repository", List.of("no " + FOLDER + "/"
                + ApiManifest.FILE_NAME + " in " + start.toAbsolutePath() + " or any folder above it; run cdk from "
                + "infra-cdk/ of the cdc-appsync repository, or set -c graphqlSchemaDir=PATH"));
    }

    /** @return the schema file */
    public Path schemaFile() {
        return directory.resolve(SCHEMA_FILE);
    }

    /** @return a file named relative to the folder, as {@code api.json} names templates */
    public Path file(String relative) {
        return directory.resolve(relative).normalize();
    }
}
