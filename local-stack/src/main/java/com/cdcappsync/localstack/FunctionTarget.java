package com.cdcappsync.localstack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function a Lambda API call names: {@code FunctionName} in the path (a name, {@code NAME:QUALIFIER}, a partial
 * ARN {@code ACCOUNT:function:NAME[:QUALIFIER]} or a full ARN) and the optional {@code Qualifier} query parameter,
 * read with the pattern of the Invoke API reference (API_Invoke.html, "FunctionName"). Region and account default to
 * the endpoint's.
 *
 * @param region the region of the function
 * @param account the account of the function
 * @param name the function name
 * @param qualifier the version or alias; null for an unqualified call
 */
record FunctionTarget(String region, String account, String name, String qualifier) {

    /** API_Invoke.html's FunctionName pattern. */
    private static final Pattern FUNCTION_NAME = Pattern.compile("(arn:(aws[a-zA-Z-]*)?:lambda:)?"
            + "([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)"
            + "(:(\\$LATEST|[a-zA-Z0-9-_]+))?");

    /**
     * Reads the target of a call.
     *
     * @param functionName the path's FunctionName, URL-decoded
     * @param qualifierParameter the {@code Qualifier} query parameter, or null
     * @param region the endpoint's region
     * @throws IllegalArgumentException with Lambda's message when the name does not fit the pattern, or when the
     *     name's qualifier and the parameter differ
     */
    static FunctionTarget parse(String functionName, String qualifierParameter, String region) {
        Matcher m = FUNCTION_NAME.matcher(functionName);
        if (!m.matches()) {
            throw new IllegalArgumentException("1 validation error detected: Value '" + functionName + "' at "
                    + "'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + FUNCTION_NAME.pattern());
        }
        String qualifier = m.group(9);
        String parameter = qualifierParameter == null || qualifierParameter.isEmpty() ? null : qualifierParameter;
        if (qualifier != null && parameter != null && !qualifier.equals(parameter)) {
            throw new IllegalArgumentException("The derived qualifier from the function name does not match the "
                    + "specified qualifier.");
        }
        String targetRegion = m.group(3) == null ? region : m.group(3).substring(0, m.group(3).length() - 1);
        String account = m.group(5) == null ? LocalStack.ACCOUNT_ID : m.group(5).substring(0, 12);
        return new FunctionTarget(targetRegion, account, m.group(7), qualifier != null ? qualifier : parameter);
    }

    /** The unqualified function ARN. */
    String functionArn() {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
    }

    /** The resource IAM evaluates: the function ARN with the qualifier, when there is one. */
    String resourceArn() {
        return qualifier == null ? functionArn() : functionArn() + ":" + qualifier;
    }

    /** Whether the call names no version or alias, or {@code $LATEST}: the unpublished code runs. */
    boolean isLatest() {
        return qualifier == null || qualifier.equals("$LATEST");
    }
}
