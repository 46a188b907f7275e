package com.cdcappsync.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What the local stack serves, shared (as a picocli mixin) by {@code bin/local-stack} and {@code bin/local-pipeline}:
 * the API definition's folder and the function's mapping file, for rehearsing a change on copies of them (RUNBOOK.md,
 * "DDL"). Unset options keep {@link LocalStackOptions}' defaults: the repository's {@code graphql-schema/} and the
 * packaged mapping.
 */
public final class StackDefinition {

    @Option(names = "--api-dir", paramLabel = "DIR", description = "the API definition to serve: a folder laid out "
            + "as graphql-schema/ (schema.graphql, api.json, resolvers/), e.g. a copy being edited (default: the "
            + "repository's graphql-schema/)")
    Path apiDir;

    @Option(names = "--mapping", paramLabel = "FILE", description = "the function's mapping file; sets its "
            + "MAPPING_PATH (default: the packaged Odoo mapping)")
    Path mapping;

    /** Adds a problem for a folder without api.json and for a mapping file that does not exist. */
    public void check(List<String> problems) {
        if (apiDir != null && !Files.isRegularFile(apiDir.resolve("api.json"))) {
            problems.add("--api-dir " + apiDir + ": no api.json there; expected a folder laid out as graphql-schema/ "
                    + "(schema.graphql, api.json, resolvers/)");
        }
        if (mapping != null && !Files.isRegularFile(mapping)) {
            problems.add("--mapping " + mapping + ": no such file; expected a mapping file (for example a copy of "
                    + "lambda-upsert/src/main/resources/mappings/odoo-products.json)");
        }
    }

    /** Sets what was given on {@code builder}. */
    public LocalStackOptions.Builder applyTo(LocalStackOptions.Builder builder) {
        if (apiDir != null) {
            builder.apiDir(apiDir);
        }
        if (mapping != null) {
            builder.mapping(mapping);
        }
        return builder;
    }
}
