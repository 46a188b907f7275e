package com.cdcappsync.upsert.appsync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link AppSyncClient}: one JDK {@link HttpClient}, one authenticator, the retry loop. Immutable
 * after construction apart from the closed flag, so it is safe to share between threads.
 */
final class DefaultAppSyncClient implements AppSyncClient {

    /** A canned success for {@link #prime}: warms the answer path without a request. */
    private static final byte[] PRIMING_ANSWER = "{\"data\":{\"priming\":{\"id\":\"0\"}}}"
            .getBytes(StandardCharsets.UTF_8);

    private final AppSyncClientOptions options;
    private final HttpClient http;
    private final RequestAuthenticator authenticator;
    private final Backoff backoff;
    private final GraphQlJson json = new GraphQlJson();
    private final ResponseClassifier classifier;
    private final String endpointForMessages;
    private final AtomicBoolean closed = new AtomicBoolean();

    DefaultAppSyncClient(AppSyncClientOptions options) {
        this.options = options;
        this.authenticator = RequestAuthenticator.create(options);
        this.backoff = new Backoff(options.baseBackoff(), options.maxBackoff(), options.random());
        this.classifier = new ResponseClassifier(json, options);
        this.endpointForMessages = Endpoints.redacted(options.endpoint());
        this.http = HttpClientFactory.create(options);
    }

    @Override
    public GraphQlResponse execute(GraphQlRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            throw new IllegalStateException("This AppSync client (" + endpointForMessages + ") is closed."
                    + " Fix: build a new client, or close it only after the last request.");
        }
        byte[] body = json.requestBody(request);
        for (int attempt = 1; ; attempt++) {
            AttemptOutcome outcome = attemptOnce(body, attempt);
            if (outcome instanceof AttemptOutcome.Answered answered) {
                return answered.toResponse(attempt);
            }
            AttemptOutcome.Failed failure = (AttemptOutcome.Failed) outcome;
            if (!failure.retryable() || attempt >= options.maxAttempts()) {
                throw toException(failure, attempt, null);
            }
            pauseBeforeRetry(attempt, failure);
        }
    }

    private AttemptOutcome attemptOnce(byte[] body, int attempt) {
        HttpRequest httpRequest = prepare(body, attempt);
        try {
            HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            return classifier.classify(response.statusCode(), response.body());
        } catch (IOException e) {
            return classifier.transportFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            AttemptOutcome.Failed failure = new AttemptOutcome.Failed(AppSyncException.NO_RESPONSE, List.of(),
                    true, FailureMessages.forInterrupted(), e);
            throw toException(failure, attempt, e);
        }
    }

    private HttpRequest prepare(byte[] body, int attempt) {
        Map<String, List<String>> authHeaders;
        try {
            authHeaders = authenticator.headers(body);
        } catch (RuntimeException e) {
            throw AppSyncException.builder()
                    .message(FailureMessages.notSent(endpointForMessages, e))
                    .cause(e)
                    .attempts(attempt - 1)
                    .retryable(false)
                    .build();
        }
        return httpRequest(body, authHeaders);
    }

    private HttpRequest httpRequest(byte[] body, Map<String, List<String>> authHeaders) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(options.endpoint())
                .timeout(options.requestTimeout())
                .header("user-agent", options.userAgent())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        authHeaders.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        return builder.build();
    }

    private void pauseBeforeRetry(int attempt, AttemptOutcome.Failed failure) {
        try {
            options.sleeper().sleep(backoff.delayBeforeRetry(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            AttemptOutcome.Failed interrupted = new AttemptOutcome.Failed(failure.statusCode(), failure.errors(),
                    true, failure.hint() + " " + FailureMessages.forInterrupted(), e);
            throw toException(interrupted, attempt, e);
        }
    }

    private AppSyncException toException(AttemptOutcome.Failed failure, int attempts, Throwable cause) {
        return AppSyncException.builder()
                .message(FailureMessages.describe(endpointForMessages, failure, attempts))
                .cause(cause != null ? cause : failure.cause())
                .statusCode(failure.statusCode())
                .errors(failure.errors())
                .attempts(attempts)
                .retryable(failure.retryable())
                .build();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            http.close();
            if (options.auth() instanceof AppSyncAuth.Iam iam && iam.credentials() instanceof DefaultChainCredentials c) {
                c.close();
            }
        }
    }

    @Override
    public void afterRestore() {
        if (options.auth() instanceof AppSyncAuth.Iam iam && iam.credentials() instanceof DefaultChainCredentials chain) {
            chain.reset();
        }
    }

    @Override
    public String prime(GraphQlRequest request) {
        try {
            byte[] body = json.requestBody(request);
            httpRequest(body, authenticator.primingHeaders(body));
            // The answer path too, on a canned answer: only the JDK's transport stays cold (it needs a real send).
            if (classifier.classify(200, PRIMING_ANSWER) instanceof AttemptOutcome.Answered answered) {
                answered.toResponse(1);
            }
            return null;
        } catch (RuntimeException e) {
            return "could not prime the request path: " + e.getMessage();
        }
    }

    @Override
    public String toString() {
        return "AppSyncClient[endpoint=" + endpointForMessages + ", auth=" + authenticator + "]";
    }
}
