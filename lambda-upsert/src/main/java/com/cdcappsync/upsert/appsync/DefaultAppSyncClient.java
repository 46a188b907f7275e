package com.cdcappsync.upsert.appsync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link AppSyncClient}: one JDK {@link HttpClient}, one {@link RequestSigner}, the retry loop. Immutable
 * after construction apart from the closed flag, so it is safe to share between threads.
 *
 * <p>Quirk: {@code http://} endpoints use HTTP/1.1. With the JDK's default (HTTP/2), the first request on a
 * plain-http connection is sent as an h2c upgrade ({@code Connection: Upgrade, HTTP2-Settings},
 * {@code Upgrade: h2c}); the Amplify AppSync simulator, our only offline AppSync, breaks on that upgrade. Real
 * AppSync is HTTPS only, where HTTP/2 is negotiated by ALPN and falls back cleanly, so {@code https://} keeps
 * HTTP/2. Redirects are never followed: a redirected POST would lose its signature or API key, and AppSync does
 * not redirect; a 3xx is reported as an unexpected status.
 */
final class DefaultAppSyncClient implements AppSyncClient {

    /** A canned success for {@link #prime}: warms the answer path without a request. */
    private static final byte[] PRIMING_ANSWER = "{\"data\":{\"priming\":{\"id\":\"0\"}}}"
            .getBytes(StandardCharsets.UTF_8);

    private final URI endpoint;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration minimumAttempt;
    private final String userAgent;
    private final HttpClient http;
    private final RequestSigner signer;
    private final Backoff backoff;
    private final GraphQlWire wire = new GraphQlWire();
    private final String endpointForMessages;
    private final AtomicBoolean closed = new AtomicBoolean();

    DefaultAppSyncClient(AppSyncClientBuilder options) {
        this.endpoint = options.endpoint;
        this.connectTimeout = options.connectTimeout;
        this.requestTimeout = options.requestTimeout;
        this.maxAttempts = options.maxAttempts;
        this.minimumAttempt = AppSyncClientBuilder.minimumAttempt(options.requestTimeout);
        this.userAgent = options.userAgent;
        this.signer = new RequestSigner(options.endpoint, options.auth, options.clock);
        this.backoff = new Backoff(options.baseBackoff, options.maxBackoff, options.random, options.sleeper);
        this.endpointForMessages = FailureMessages.redacted(options.endpoint);
        this.http = HttpClient.newBuilder()
                .version(versionFor(options.endpoint))
                .connectTimeout(options.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static HttpClient.Version versionFor(URI endpoint) {
        boolean plainHttp = "http".equals(endpoint.getScheme().toLowerCase(Locale.ROOT));
        return plainHttp ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2;
    }

    @Override
    public GraphQlResponse execute(GraphQlRequest request) {
        return execute(request, Deadline.NONE);
    }

    /**
     * The retry loop within {@code deadline}: an attempt starts only with at least {@link #minimumAttempt} left and
     * waits at most the time left; a backoff is slept only when such an attempt can follow it.
     */
    @Override
    public GraphQlResponse execute(GraphQlRequest request, Deadline deadline) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(deadline, "deadline");
        if (closed.get()) {
            throw new IllegalStateException("This AppSync client (" + endpointForMessages + ") is closed."
                    + " Fix: build a new client, or close it only after the last request.");
        }
        byte[] body = wire.requestBody(request);
        GraphQlWire.Failed last = null;
        for (int attempt = 1; ; attempt++) {
            if (!deadline.allows(minimumAttempt)) {
                throw outOfTime(deadline, attempt - 1, last);
            }
            Duration timeout = deadline.cap(requestTimeout);
            GraphQlWire.Outcome outcome = attemptOnce(body, attempt, timeout);
            if (outcome instanceof GraphQlWire.Answered answered) {
                return answered.toResponse(attempt);
            }
            last = (GraphQlWire.Failed) outcome;
            if (!last.retryable()) {
                throw toException(last, attempt, null);
            }
            // An attempt the deadline shortened, with no time left after it: the budget ended it, even on the last.
            if (timeout.compareTo(requestTimeout) < 0 && !deadline.allows(minimumAttempt)) {
                throw outOfTime(deadline, attempt, last);
            }
            if (attempt >= maxAttempts) {
                throw toException(last, attempt, null);
            }
            Duration pause = backoff.delayBeforeRetry(attempt);
            if (!deadline.allows(pause.plus(minimumAttempt))) {
                throw outOfTime(deadline, attempt, last);
            }
            pauseBeforeRetry(pause, attempt, last);
        }
    }

    private GraphQlWire.Outcome attemptOnce(byte[] body, int attempt, Duration timeout) {
        HttpRequest httpRequest = httpRequest(body, authHeaders(body, attempt), timeout);
        try {
            HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            return wire.classify(response.statusCode(), response.body());
        } catch (IOException e) {
            return new GraphQlWire.Failed(AppSyncException.NO_RESPONSE, List.of(), true,
                    FailureMessages.forTransport(e, connectTimeout, timeout), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            GraphQlWire.Failed failure = new GraphQlWire.Failed(AppSyncException.NO_RESPONSE, List.of(), true,
                    FailureMessages.forInterrupted(), e);
            throw toException(failure, attempt, e);
        }
    }

    private AppSyncException outOfTime(Deadline deadline, int attempts, GraphQlWire.Failed last) {
        return AppSyncException.builder()
                .message(FailureMessages.outOfTime(endpointForMessages, deadline, attempts, last))
                .cause(last == null ? null : last.cause())
                .statusCode(last == null ? AppSyncException.NO_RESPONSE : last.statusCode())
                .errors(last == null ? List.of() : last.errors())
                .attempts(attempts)
                .retryable(true)
                .outOfTime(true)
                .build();
    }

    private Map<String, List<String>> authHeaders(byte[] body, int attempt) {
        try {
            return signer.headers(body);
        } catch (RuntimeException e) {
            throw AppSyncException.builder()
                    .message(FailureMessages.notSent(endpointForMessages, e))
                    .cause(e)
                    .attempts(attempt - 1)
                    .retryable(false)
                    .build();
        }
    }

    private HttpRequest httpRequest(byte[] body, Map<String, List<String>> authHeaders, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("user-agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        authHeaders.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        return builder.build();
    }

    private void pauseBeforeRetry(Duration pause, int attempt, GraphQlWire.Failed failure) {
        try {
            backoff.pause(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            GraphQlWire.Failed interrupted = new GraphQlWire.Failed(failure.statusCode(), failure.errors(),
                    true, failure.hint() + " " + FailureMessages.forInterrupted(), e);
            throw toException(interrupted, attempt, e);
        }
    }

    private AppSyncException toException(GraphQlWire.Failed failure, int attempts, Throwable cause) {
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
    public String prime(GraphQlRequest request) {
        try {
            byte[] body = wire.requestBody(request);
            httpRequest(body, signer.primingHeaders(body), requestTimeout);
            // The answer path too, on a canned answer: only the JDK's transport stays cold (it needs a real send).
            if (wire.classify(200, PRIMING_ANSWER) instanceof GraphQlWire.Answered answered) {
                answered.toResponse(1);
            }
            return null;
        } catch (RuntimeException e) {
            return "could not prime the request path: " + e.getMessage();
        }
    }

    @Override
    public void afterRestore() {
        signer.afterRestore();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            http.close();
            signer.close();
        }
    }

    @Override
    public String toString() {
        return "AppSyncClient[endpoint=" + endpointForMessages + ", auth=" + signer + "]";
    }
}
