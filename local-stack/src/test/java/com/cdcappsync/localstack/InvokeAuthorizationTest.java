package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Who may call the Invoke API and GetFunction, and on which ARN, as Lambda decides it: SigV4 with credentials the
 * stack issued, then the caller's identity policy on the resource ARN the call names (the connector role:
 * ConnectorGrant on the alias ARN only). Every refusal is checked for Lambda's status, error type and message, and
 * for the function not having run.
 */
class InvokeAuthorizationTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final InvokeApiFixture api = new InvokeApiFixture(PublishedFunction.single(request -> {
        runs.incrementAndGet();
        return new FunctionInvoker.Success("[]".getBytes(StandardCharsets.UTF_8));
    }));

    @AfterEach
    void close() {
        api.close();
    }

    private InvokeResponse invoke(LambdaClient client, String functionName) {
        return client.invoke(b -> b.functionName(functionName).payload(SdkBytes.fromUtf8String("[]")));
    }

    private void assertRefused(Runnable call, int status, String errorCode, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(LambdaException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
        });
        assertThat(runs).as("the function must not run").hasValue(0);
    }

    private void assertInvokeDenied(AwsSessionCredentials credentials, String functionName, String resource) {
        assertRefused(() -> invoke(api.client(credentials), functionName), 403, "AccessDeniedException",
                "is not authorized to perform: lambda:InvokeFunction on resource: " + resource
                        + " because no identity-based policy allows the lambda:InvokeFunction action");
    }

    @Test
    void invoke_connectorRoleWithTheAliasArn_runs() {
        InvokeResponse response = invoke(api.client(api.connector()), InvokeApiFixture.ALIAS_ARN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(runs).hasValue(1);
    }

    @Test
    void invoke_connectorRoleWithNameColonAliasOrQualifierParameter_runs() {
        LambdaClient client = api.client(api.connector());

        invoke(client, "f:live");
        client.invoke(b -> b.functionName("f").qualifier("live").payload(SdkBytes.fromUtf8String("[]")));

        assertThat(runs).hasValue(2);
    }

    @Test
    void invoke_connectorRoleUnqualified_accessDeniedOnTheUnqualifiedArn() {
        assertInvokeDenied(api.connector(), "f", "arn:aws:lambda:us-east-1:000000000000:function:f");
    }

    @Test
    void invoke_connectorRoleWithTheVersionTheAliasPointsAt_accessDenied() {
        assertInvokeDenied(api.connector(), "f:1", "arn:aws:lambda:us-east-1:000000000000:function:f:1");
    }

    @Test
    void invoke_connectorRoleWithLatestOrAnotherAlias_accessDenied() {
        assertInvokeDenied(api.connector(), "f:$LATEST", "arn:aws:lambda:us-east-1:000000000000:function:f:$LATEST");
        assertInvokeDenied(api.connector(), "f:test", "arn:aws:lambda:us-east-1:000000000000:function:f:test");
    }

    @Test
    void invoke_anotherFunctionOrAccount_accessDeniedBeforeExistenceIsTold() {
        assertInvokeDenied(api.connector(), "g:live", "arn:aws:lambda:us-east-1:000000000000:function:g:live");
        assertInvokeDenied(api.connector(), "arn:aws:lambda:us-east-1:111111111111:function:f:live",
                "arn:aws:lambda:us-east-1:111111111111:function:f:live");
    }

    @Test
    void invoke_functionRoleCredentials_accessDeniedNamingTheRole() {
        AwsSessionCredentials function = api.credentials(CredentialsAuthority.Role.FUNCTION, Duration.ofHours(1));

        assertRefused(() -> invoke(api.client(function), "f:live"), 403, "AccessDeniedException",
                "User: arn:aws:sts::000000000000:assumed-role/cdc-appsync-upsert-function/upsert-function is not "
                        + "authorized to perform: lambda:InvokeFunction");
    }

    @Test
    void getFunction_connectorRoleWithTheAlias_answersTheAliasConfiguration() {
        GetFunctionResponse response = api.client(api.connector())
                .getFunction(b -> b.functionName(InvokeApiFixture.ALIAS_ARN));

        assertThat(response.configuration().functionArn()).isEqualTo(InvokeApiFixture.ALIAS_ARN);
        assertThat(response.configuration().version()).isEqualTo("1");
        assertThat(response.configuration().handler()).isEqualTo(FunctionSpec.HANDLER);
    }

    @Test
    void getFunction_connectorRoleUnqualified_accessDenied() {
        assertRefused(() -> api.client(api.connector()).getFunction(b -> b.functionName("f")), 403,
                "AccessDeniedException", "is not authorized to perform: lambda:GetFunction on resource: "
                        + "arn:aws:lambda:us-east-1:000000000000:function:f because");
    }

    @Test
    void invoke_wrongSecret_invalidSignature() {
        AwsSessionCredentials issued = api.connector();
        AwsSessionCredentials forged = AwsSessionCredentials.create(issued.accessKeyId(), "not-the-secret",
                issued.sessionToken());

        assertRefused(() -> invoke(api.client(forged), "f:live"), 403, "InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided.");
    }

    @Test
    void invoke_keyTheStackNeverIssued_unrecognizedClient() {
        AwsSessionCredentials unknown = AwsSessionCredentials.create("ASIAUNKNOWN", "secret", "token");

        assertRefused(() -> invoke(api.client(unknown), "f:live"), 403, "UnrecognizedClientException",
                "The security token included in the request is invalid.");
    }

    @Test
    void invoke_expiredCredentials_expiredToken() {
        AwsSessionCredentials expired = api.credentials(CredentialsAuthority.Role.CONNECTOR, Duration.ofNanos(1));

        assertRefused(() -> invoke(api.client(expired), "f:live"), 403, "ExpiredTokenException",
                "The security token included in the request is expired");
    }

    @Test
    void invoke_signedForAppSync_invalidSignatureNamingTheService() throws Exception {
        AwsSessionCredentials connector = api.connector();
        java.net.URI url = api.server.invocationUrl();
        java.util.Map<String, String> headers = SignedPost.sign(url, "[]", connector, LocalStack.REGION, "appsync",
                java.time.Clock.systemUTC());

        SignedPost.Answer answer = SignedPost.send(url, headers, "[]");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.errorTypeHeader()).isEqualTo("InvalidSignatureException");
        assertThat(answer.body().path("Message").asText())
                .contains("Credential should be scoped to correct service: 'lambda'");
        assertThat(runs).hasValue(0);
    }

    @Test
    void invoke_unsigned_missingAuthenticationToken() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(api.server.invocationUrl()).POST(HttpRequest.BodyPublishers
                        .ofString("[]")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(response.body()).contains("Missing Authentication Token");
        assertThat(runs).hasValue(0);
    }
}
