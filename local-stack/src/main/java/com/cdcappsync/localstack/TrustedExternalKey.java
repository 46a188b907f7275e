package com.cdcappsync.localstack;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One access key the stack did not issue that its AppSync endpoint accepts as the function's role
 * ({@code --trust-external-key}; off by default): for a function that runs elsewhere (LocalStack, path B of
 * local-stack/docker/README.md) and so cannot sign with credentials this stack issued. Signatures are verified as
 * strictly as for issued credentials (the signature with this secret, the scope, the clock skew), and the function
 * role's field grant applies; only the session token is not checked, since nobody here issued one. The Invoke API
 * never accepts it. {@link #toString()} never prints the secret.
 *
 * @param accessKeyId the key id the function signs with
 * @param secretAccessKey its secret, read from {@value #SECRET_VARIABLE}, never from the command line (a command
 *     line is visible to every user of the machine)
 */
public record TrustedExternalKey(String accessKeyId, String secretAccessKey) {

    /** The environment variable that holds the secret. */
    public static final String SECRET_VARIABLE = "LOCAL_STACK_TRUSTED_SECRET_ACCESS_KEY";

    /** AWS's key id alphabet and length (IAM API reference, AccessKey: 16 to 128 characters). */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9]{4,128}");

    /**
     * Checks both parts.
     *
     * @throws IllegalArgumentException naming the option, what is expected and the fix
     */
    public TrustedExternalKey {
        if (accessKeyId == null || !KEY_ID.matcher(accessKeyId).matches()) {
            throw new IllegalArgumentException("--trust-external-key must be an access key id, 4 to 128 letters and "
                    + "digits, got '" + accessKeyId + "'");
        }
        if (accessKeyId.startsWith("ASIA")) {
            // The stack issues ASIA... keys itself (CredentialsAuthority): a trusted key must never shadow one.
            throw new IllegalArgumentException("--trust-external-key " + accessKeyId + ": ASIA... keys are the ones "
                    + "this stack issues; choose a key id that does not start with ASIA");
        }
        if (secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("--trust-external-key " + accessKeyId + " needs its secret in the "
                    + "environment variable " + SECRET_VARIABLE + " (never on the command line); export it, e.g. "
                    + SECRET_VARIABLE + "=$(openssl rand -hex 20), and give the function the same secret");
        }
    }

    /**
     * The key {@code accessKeyId} with the secret from {@code environment}.
     *
     * @throws IllegalArgumentException when the variable is unset or blank, or the id is not an access key id
     */
    public static TrustedExternalKey fromEnvironment(String accessKeyId, Map<String, String> environment) {
        return new TrustedExternalKey(accessKeyId, environment.get(SECRET_VARIABLE));
    }

    @Override
    public String toString() {
        return "TrustedExternalKey[accessKeyId=" + accessKeyId + "]";
    }
}
