package com.cdcappsync.upsert.appsync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Reads {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and, optionally,
 * {@code AWS_SESSION_TOKEN} from the environment on every call.
 *
 * <p>The Lambda runtime sets these from the function's execution role. Reading them on every call is
 * cheap and picks up fresh values after a SnapStart restore. Blank values count as missing.
 */
public final class EnvironmentCredentials implements AwsCredentialsSource {

    /** The access key id variable. */
    public static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    /** The secret access key variable. */
    public static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    /** The optional session token variable (temporary credentials, as in Lambda). */
    public static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    private final Function<String, String> environment;

    /** Reads the process environment ({@link System#getenv(String)}). */
    public EnvironmentCredentials() {
        this(System::getenv);
    }

    /**
     * Reads variables through {@code environment}, which returns null for an unset variable.
     *
     * @param environment the variable lookup; never null
     */
    public EnvironmentCredentials(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * The credentials the environment holds now.
     *
     * @throws IllegalStateException naming every missing variable and how to set it
     */
    @Override
    public AwsCredentialsIdentity resolveCredentials() {
        String accessKeyId = read(ACCESS_KEY_ID);
        String secretAccessKey = read(SECRET_ACCESS_KEY);
        List<String> missing = new ArrayList<>();
        if (accessKeyId == null) {
            missing.add(ACCESS_KEY_ID);
        }
        if (secretAccessKey == null) {
            missing.add(SECRET_ACCESS_KEY);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(missingMessage(missing));
        }
        String sessionToken = read(SESSION_TOKEN);
        return sessionToken == null
                ? AwsCredentialsIdentity.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentialsIdentity.create(accessKeyId, secretAccessKey, sessionToken);
    }

    private String read(String name) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String missingMessage(List<String> missing) {
        return "IAM auth to AppSync needs AWS credentials, but " + String.join(" and ", missing)
                + (missing.size() == 1 ? " is" : " are") + " not set in the environment. Fix: in Lambda,"
                + " the runtime sets them from the execution role (check the function is not overriding"
                + " them); locally, export " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + " (and "
                + SESSION_TOKEN + " for temporary credentials), or use API-key auth.";
    }

    /** Names the variables read, never their values. */
    @Override
    public String toString() {
        return "EnvironmentCredentials[" + ACCESS_KEY_ID + ", " + SECRET_ACCESS_KEY + ", " + SESSION_TOKEN + "]";
    }
}
