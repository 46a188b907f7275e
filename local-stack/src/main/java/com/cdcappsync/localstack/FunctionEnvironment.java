package com.cdcappsync.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The whole environment of the function's process: Lambda's defined runtime variables
 * (docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime), the
 * credentials of the mode, and the function's own variables. Nothing of the local stack's own environment.
 */
final class FunctionEnvironment {

    /** Variables Lambda sets itself and a function cannot (the documented reserved keys). */
    private static final Set<String> RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");
    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How the function gets its credentials. */
    sealed interface Credentials permits KeyVariables, ContainerEndpoint {
    }

    /** Plain: {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}. */
    record KeyVariables(CredentialsAuthority.IssuedCredentials issued) implements Credentials {
    }

    /** SnapStart: {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}. */
    record ContainerEndpoint(URI fullUri, String token) implements Credentials {
        /** Without the token. */
        @Override
        public String toString() {
            return "ContainerEndpoint[fullUri=" + fullUri + ", token=***]";
        }
    }

    private FunctionEnvironment() {
    }

    /** Whether Lambda reserves {@code key}. */
    static boolean isReserved(String key) {
        return RESERVED.contains(key);
    }

    /**
     * The environment of one execution environment's process.
     *
     * @param runtimeApi  {@code host:port} of the Runtime API
     * @param taskRoot    where the function's code is ({@code /var/task} in Lambda)
     * @param runtimeDir  where the runtime's libraries are ({@code /var/runtime} in Lambda)
     */
    static Map<String, String> of(FunctionSpec spec, String runtimeApi, Path taskRoot, Path runtimeDir,
                                  Credentials credentials) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("_HANDLER", spec.handler());
        env.put("AWS_REGION", spec.region());
        env.put("AWS_DEFAULT_REGION", spec.region());
        env.put("AWS_EXECUTION_ENV", FunctionSpec.EXECUTION_ENV);
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", spec.version());
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", spec.mode().initializationType());
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/["
                + spec.version() + "]" + HexFormat.of().formatHex(randomBytes()));
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", runtimeDir.toString());
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", "/usr/local/bin:/usr/bin/:/bin:/opt/bin");
        env.put("LD_LIBRARY_PATH", taskRoot + ":" + taskRoot.resolve("lib") + ":" + runtimeDir);
        env.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        switch (credentials) {
            case KeyVariables keys -> {
                env.put("AWS_ACCESS_KEY_ID", keys.issued().accessKeyId());
                env.put("AWS_SECRET_ACCESS_KEY", keys.issued().secretAccessKey());
                env.put("AWS_SESSION_TOKEN", keys.issued().sessionToken());
            }
            case ContainerEndpoint endpoint -> {
                env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.fullUri().toString());
                env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", endpoint.token());
            }
        }
        env.putAll(spec.variables());
        return env;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
