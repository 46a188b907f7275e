package com.cdcappsync.localstack;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the local stack runs the function, as Lambda runs one of its two kinds of version. Both run the deployable
 * jar in a child JVM under AWS's runtime interface client; they differ as Lambda's do
 * (docs.aws.amazon.com/lambda/latest/dg/snapstart-activate.html#snapstart-credentials).
 */
public enum LambdaMode {

    /**
     * Like the deployed {@code live} alias (a published version with SnapStart): {@code AWS_LAMBDA_INITIALIZATION_TYPE
     * =snap-start}, the CRaC hooks run before the first invocation (before-checkpoint, {@code restore/next}, then
     * after-restore), and credentials come only from the container credentials endpoint: no key variables.
     */
    SNAPSTART("snapstart", "snap-start"),

    /** Like {@code $LATEST} without SnapStart: on-demand init, credentials in the key variables. */
    PLAIN("plain", "on-demand");

    private final String option;
    private final String initializationType;

    LambdaMode(String option, String initializationType) {
        this.option = option;
        this.initializationType = initializationType;
    }

    /** The value of {@code --lambda-mode}. */
    public String option() {
        return option;
    }

    /** {@code AWS_LAMBDA_INITIALIZATION_TYPE} in this mode. */
    public String initializationType() {
        return initializationType;
    }

    /**
     * The mode named {@code text} ({@code snapstart} or {@code plain}, any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static LambdaMode parse(String text) {
        for (LambdaMode mode : values()) {
            if (mode.option.equalsIgnoreCase(text == null ? "" : text.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("lambda mode must be one of " + Arrays.stream(values())
                .map(LambdaMode::option).collect(Collectors.joining(", ")) + ", got '" + text + "'");
    }

    @Override
    public String toString() {
        return option.toLowerCase(Locale.ROOT);
    }
}
