package com.cdcappsync.apimanifest;

import java.util.List;
import java.util.Objects;

/**
 * What the Confluent Lambda Sink connector's principal may do, defined once: infra-cdk's {@code ConnectorAccess}
 * grants it to the connector role, and the local stack's Lambda Invoke API enforces it on the credentials it issues
 * to that role, as {@link ApiManifest#mutationFields()} is for the function's AppSync grant.
 *
 * <p>The connector invokes the alias ({@code aws.lambda.function.name} is the stack output {@code FunctionAliasArn})
 * and checks the function with {@code GetFunction} under the same name (the project's reading of the connector; no
 * public Confluent page states it: unconfirmed), so both actions are granted on
 * the alias ARN alone. IAM matches that resource exactly: it covers calls made with the alias qualifier and no other
 * (not the unqualified ARN, not the version the alias points at; Lambda developer guide, "Using Lambda aliases in
 * event sources and permissions policies" and lambda-api-permissions-ref).
 *
 * @param actions the IAM actions, e.g. {@code lambda:InvokeFunction}
 * @param alias the alias the actions are granted on (the function ARN plus {@code :alias})
 */
public record ConnectorGrant(List<String> actions, String alias) {

    /** The connector's grant: invoke and describe the {@code live} alias, nothing else. */
    public static final ConnectorGrant CONNECTOR = new ConnectorGrant(
            List.of("lambda:InvokeFunction", "lambda:GetFunction"), "live");

    /** Copies the actions; rejects a missing alias. */
    public ConnectorGrant {
        actions = List.copyOf(actions);
        Objects.requireNonNull(alias, "alias");
    }

    /**
     * The one resource of the grant.
     *
     * @param functionArn the unqualified function ARN, {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}
     * @return {@code <functionArn>:<alias>}
     */
    public String resource(String functionArn) {
        return functionArn + ":" + alias;
    }
}
