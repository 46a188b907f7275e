package com.cdcappsync.connect.lambda;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * One Invoke call through the AWS SDK's {@link LambdaClient} (SigV4, the SDK's retries of throttling and 5xx),
 * optionally at an endpoint override. A function error is Lambda's 200 answer with {@code X-Amz-Function-Error}
 * (AWS Invoke API reference, https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
 */
final class FunctionCaller implements AutoCloseable {

    /** What one invocation came to. */
    sealed interface Outcome {
        /** The function ran; {@code body} is its answer (empty for async). */
        record Answered(String body) implements Outcome { }

        /**
         * The function failed ({@code type} from X-Amz-Function-Error, {@code body} its error answer) or the call did
         * ({@code type} the AWS error code or the SDK's exception, {@code body} its message).
         */
        record Failed(String type, String body) implements Outcome { }

        /**
         * The Invoke API refused the request's content (InvalidRequestContentException, HTTP 400): the one request
         * error Confluent's overview names for the dead-letter queue.
         */
        record InvalidRequest(InvalidRequestContentException error) implements Outcome { }
    }

    private final LambdaClient client;
    private final String functionName;
    private final InvocationType invocationType;

    FunctionCaller(LambdaSinkConfig config) {
        LambdaClientBuilder builder = LambdaClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(config.socketTimeout()).build())
                .credentialsProvider(credentials(config)).region(Region.of(config.region()));
        if (config.endpointOverride() != null) {
            builder.endpointOverride(config.endpointOverride());
        }
        this.client = builder.build();
        this.functionName = config.functionName();
        this.invocationType = config.invocationType() == LambdaSinkConfig.InvocationType.SYNC
                ? InvocationType.REQUEST_RESPONSE : InvocationType.EVENT;
    }

    /**
     * Reads the function with {@code GetFunction} under the configured name, as Confluent's connector does when it
     * starts (taken to need {@code lambda:GetFunction} as well as {@code lambda:InvokeFunction}; unconfirmed), so a
     * role
     * without the grant, or a function that does not exist, stops the connector at start, not at the first record.
     *
     * @return null when the function was read, or when Lambda could not be reached (the invocations will meet that
     *     and {@code behavior.on.error} decides); otherwise Lambda's refusal, e.g. {@code AccessDeniedException: ...}
     */
    String refusalOfGetFunction() {
        try {
            client.getFunction(b -> b.functionName(functionName));
            return null;
        } catch (AwsServiceException e) {
            return e.awsErrorDetails() == null ? e.getMessage()
                    : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        } catch (SdkException e) {
            return null;
        }
    }

    Outcome invoke(byte[] body) {
        try {
            InvokeResponse response = client.invoke(b -> b.functionName(functionName).invocationType(invocationType)
                    .payload(SdkBytes.fromByteArray(body)));
            String answer = response.payload() == null ? "" : response.payload().asString(StandardCharsets.UTF_8);
            if (response.functionError() != null) {
                return new Outcome.Failed(response.functionError(), answer);
            }
            return new Outcome.Answered(answer);
        } catch (InvalidRequestContentException e) {
            return new Outcome.InvalidRequest(e);
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String type = code != null ? code : e.getClass().getSimpleName();
            return new Outcome.Failed(type, String.valueOf(e.getMessage()));
        } catch (SdkException e) {
            return new Outcome.Failed(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
    }

    /**
     * Static keys when both are set, else {@code aws.credentials.provider.class}: by default the SDK v2
     * {@link DefaultCredentialsProvider}, Confluent's default too, whose chain is: Java system properties, environment
     * variables, web identity token, the shared credentials and config files (profile), container credentials
     * (ECS, EKS Pod Identity, Lambda SnapStart), then the EC2 instance profile (IMDS).
     */
    private static AwsCredentialsProvider credentials(LambdaSinkConfig config) {
        String[] keys = config.staticKeys();
        if (keys != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(keys[0], keys[1]));
        }
        String className = config.credentialsProviderClass();
        if (className == null || className.equals(DefaultCredentialsProvider.class.getName())) {
            return DefaultCredentialsProvider.builder().build();
        }
        try {
            Class<?> type = Class.forName(className);
            Method create = type.getMethod("create");
            return (AwsCredentialsProvider) create.invoke(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new org.apache.kafka.common.config.ConfigException(LambdaSinkConfig.CREDENTIALS_PROVIDER, className,
                    "expected an AWS SDK v2 AwsCredentialsProvider class with a static create() (" + e + ")");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
