package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IAM's matching of Lambda resource ARNs, case by case (Lambda developer guide, lambda-api-permissions-ref and
 * "Using Lambda aliases in event sources and permissions policies"): a qualified grant covers that qualifier only,
 * an unqualified grant unqualified calls only, {@code :*} every qualifier but not the unqualified ARN.
 */
class LambdaPermissionsTest {

    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:f";
    private static final CredentialsAuthority.Role ROLE = CredentialsAuthority.Role.CONNECTOR;

    private static LambdaPermissions granting(List<String> actions, String resource) {
        return new LambdaPermissions(Map.of(ROLE, List.of(new LambdaPermissions.Statement(actions,
                List.of(resource)))));
    }

    @Test
    void connectorGrant_aliasOnly_bothActionsWithTheAliasNothingElse() {
        LambdaPermissions stack = LambdaPermissions.of(FUNCTION);

        assertThat(stack.allows(ROLE, "lambda:InvokeFunction", FUNCTION + ":live")).isTrue();
        assertThat(stack.allows(ROLE, "lambda:GetFunction", FUNCTION + ":live")).isTrue();
        assertThat(stack.allows(ROLE, "lambda:InvokeFunction", FUNCTION)).as("unqualified").isFalse();
        assertThat(stack.allows(ROLE, "lambda:InvokeFunction", FUNCTION + ":1")).as("the alias's version").isFalse();
        assertThat(stack.allows(ROLE, "lambda:InvokeFunction", FUNCTION + ":$LATEST")).isFalse();
        assertThat(stack.allows(ROLE, "lambda:UpdateFunctionCode", FUNCTION + ":live")).isFalse();
        assertThat(stack.allows(CredentialsAuthority.Role.FUNCTION, "lambda:InvokeFunction", FUNCTION + ":live"))
                .as("the function's own role has no Lambda action").isFalse();
    }

    @Test
    void grantWithoutGetFunction_getFunctionDenied() {
        LambdaPermissions invokeOnly = granting(List.of("lambda:InvokeFunction"), FUNCTION + ":live");

        assertThat(invokeOnly.allows(ROLE, "lambda:InvokeFunction", FUNCTION + ":live")).isTrue();
        assertThat(invokeOnly.allows(ROLE, "lambda:GetFunction", FUNCTION + ":live")).isFalse();
    }

    @Test
    void unqualifiedGrant_coversUnqualifiedCallsOnly() {
        LambdaPermissions unqualified = granting(List.of("lambda:InvokeFunction"), FUNCTION);

        assertThat(unqualified.allows(ROLE, "lambda:InvokeFunction", FUNCTION)).isTrue();
        assertThat(unqualified.allows(ROLE, "lambda:InvokeFunction", FUNCTION + ":live")).isFalse();
    }

    @Test
    void wildcardQualifierGrant_coversEveryQualifierButNotTheUnqualifiedArn() {
        LambdaPermissions anyQualifier = granting(List.of("lambda:InvokeFunction"), FUNCTION + ":*");

        assertThat(anyQualifier.allows(ROLE, "lambda:InvokeFunction", FUNCTION + ":live")).isTrue();
        assertThat(anyQualifier.allows(ROLE, "lambda:InvokeFunction", FUNCTION + ":3")).isTrue();
        assertThat(anyQualifier.allows(ROLE, "lambda:InvokeFunction", FUNCTION)).isFalse();
        assertThat(anyQualifier.allows(ROLE, "lambda:InvokeFunction", FUNCTION + "2:live"))
                .as("another function whose name starts alike").isFalse();
    }

    @Test
    void matches_questionMarkIsOneCharacterAndMatchingIsCaseSensitive() {
        assertThat(LambdaPermissions.matches(FUNCTION + ":v?", FUNCTION + ":v1")).isTrue();
        assertThat(LambdaPermissions.matches(FUNCTION + ":v?", FUNCTION + ":v10")).isFalse();
        assertThat(LambdaPermissions.matches(FUNCTION + ":live", FUNCTION + ":LIVE")).isFalse();
    }
}
