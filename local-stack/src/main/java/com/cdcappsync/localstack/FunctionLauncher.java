package com.cdcappsync.localstack;

import com.cdcappsync.upsert.config.Setting;
import com.cdcappsync.upsert.config.Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Starts the stack's function from its options, configured as the CDK stack's {@code UpsertFunction} construct
 * configures it (infra-cdk/src/main/java/com/cdcappsync/infra/constructs/UpsertFunction.java): the GraphQL URL,
 * IAM auth, {@code JAVA_TOOL_OPTIONS}, plus the handler settings the caller chose.
 */
final class FunctionLauncher {

    /** What the construct sets for a fast cold start. */
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    /** Settings the stack decides: the endpoint, the auth (IAM, as deployed), the region (Lambda's own). */
    private static final Set<String> DECIDED = Set.of(Settings.APPSYNC_GRAPHQL_URL.key(), Settings.APPSYNC_AUTH.key(),
            Settings.APPSYNC_API_KEY.key(), Settings.AWS_REGION.key());

    private FunctionLauncher() {
    }

    /** Starts the function, signing for {@link LocalStack#REGION} to {@code graphQlUrl}. */
    static LambdaFunction start(LocalStackOptions options, URI graphQlUrl, CredentialsAuthority authority,
                                ObjectMapper mapper) {
        FunctionSpec spec = new FunctionSpec(options.functionName(), FunctionSpec.HANDLER, options.functionMemoryMb(),
                options.functionTimeout(), options.lambdaMode(), LocalStack.REGION, variables(options, graphQlUrl));
        RepositoryLayout layout = options.layout();
        FunctionFiles files = FunctionFiles.prepare(layout.functionJar(), layout.lambdaRuntimeDir(),
                layout.functionCache());
        return LambdaFunction.start(new LambdaFunction.Launch(spec, files, authority, options.lambdaLog(),
                options.startupTimeout()), mapper);
    }

    /**
     * The function's own variables: the handler settings of the caller's environment (only the keys of the
     * settings table: the function never sees the rest of the launcher's environment), then what the stack
     * decides. A relative {@code MAPPING_PATH} is made absolute: the function runs in its task root.
     */
    static Map<String, String> variables(LocalStackOptions options, URI graphQlUrl) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Setting<?> setting : Settings.ALL) {
            String value = options.handlerEnvironment().get(setting.key());
            if (value != null && !DECIDED.contains(setting.key())) {
                variables.put(setting.key(), value);
            }
        }
        String mapping = variables.get(Settings.MAPPING_PATH.key());
        if (mapping != null && !mapping.isBlank()) {
            variables.put(Settings.MAPPING_PATH.key(), Path.of(mapping).toAbsolutePath().toString());
        }
        variables.put(Settings.APPSYNC_GRAPHQL_URL.key(), graphQlUrl.toString());
        variables.put(Settings.APPSYNC_AUTH.key(), "iam");
        variables.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        return variables;
    }
}
