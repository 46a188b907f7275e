package com.cdcappsync.localstack;

import com.cdcappsync.apimanifest.ConnectorGrant;
import java.util.List;
import java.util.Map;

/**
 * The identity policies of the stack's roles for Lambda actions, evaluated as IAM evaluates them: an action is
 * allowed when a statement names it and one of the statement's resources matches the request's resource ARN, the
 * whole ARN, with IAM's wildcards ({@code *} any run of characters, {@code ?} one); otherwise it is an implicit deny.
 * The connector's role has {@link ConnectorGrant#CONNECTOR} (the same definition infra-cdk's ConnectorAccess grants);
 * the function's role has no Lambda action.
 *
 * <p>What the resource ARN of a call is (Lambda developer guide, lambda-api-permissions-ref and "Using Lambda aliases
 * in event sources and permissions policies"): a call with a qualifier (in the function name or {@code Qualifier})
 * acts on {@code function:NAME:QUALIFIER}, a call without one on {@code function:NAME}. So a grant on the alias ARN
 * covers calls made with that alias only: not the unqualified name, not {@code $LATEST}, not the version the alias
 * points at; and a grant on the unqualified ARN covers unqualified calls only.
 */
final class LambdaPermissions {

    /** One Allow statement. */
    record Statement(List<String> actions, List<String> resources) {

        Statement {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }

        boolean allows(String action, String resource) {
            return actions.contains(action) && resources.stream().anyMatch(r -> matches(r, resource));
        }
    }

    private final Map<CredentialsAuthority.Role, List<Statement>> policies;

    LambdaPermissions(Map<CredentialsAuthority.Role, List<Statement>> policies) {
        this.policies = Map.copyOf(policies);
    }

    /** The stack's policies for the function whose unqualified ARN is {@code functionArn}. */
    static LambdaPermissions of(String functionArn) {
        ConnectorGrant grant = ConnectorGrant.CONNECTOR;
        return new LambdaPermissions(Map.of(
                CredentialsAuthority.Role.CONNECTOR, List.of(new Statement(grant.actions(),
                        List.of(grant.resource(functionArn)))),
                CredentialsAuthority.Role.FUNCTION, List.of()));
    }

    /** Whether {@code role} may perform {@code action} on {@code resource} (a function ARN, qualified or not). */
    boolean allows(CredentialsAuthority.Role role, String action, String resource) {
        return policies.getOrDefault(role, List.of()).stream().anyMatch(s -> s.allows(action, resource));
    }

    /** IAM's resource matching: the whole string, case-sensitive, {@code *} and {@code ?} as wildcards. */
    static boolean matches(String pattern, String value) {
        return matches(pattern, 0, value, 0);
    }

    private static boolean matches(String pattern, int p, String value, int v) {
        if (p == pattern.length()) {
            return v == value.length();
        }
        char c = pattern.charAt(p);
        if (c == '*') {
            for (int next = v; next <= value.length(); next++) {
                if (matches(pattern, p + 1, value, next)) {
                    return true;
                }
            }
            return false;
        }
        return v < value.length() && (c == '?' || c == value.charAt(v)) && matches(pattern, p + 1, value, v + 1);
    }
}
