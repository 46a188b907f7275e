package com.cdcappsync.upsert.appsync;

import java.util.List;

/**
 * AppSync could not deliver a usable answer: transport failure, HTTP error status, unparseable body,
 * or retries exhausted. The message names the endpoint (never a secret), the status, the first
 * GraphQL error and what to check.
 *
 * <p>GraphQL field errors that are not throttling (for example a failed version guard) are not thrown;
 * they come back in {@link GraphQlResponse#errors()}.
 */
public final class AppSyncException extends RuntimeException {

    /** The {@link #statusCode()} when no HTTP response arrived (connect failure, reset, timeout). */
    public static final int NO_RESPONSE = -1;

    private final int statusCode;
    private final List<GraphQlError> errors;
    private final int attempts;
    private final boolean retryable;
    private final boolean outOfTime;

    private AppSyncException(Builder builder) {
        super(builder.message, builder.cause);
        this.statusCode = builder.statusCode;
        this.errors = List.copyOf(builder.errors);
        this.attempts = builder.attempts;
        this.retryable = builder.retryable;
        this.outOfTime = builder.outOfTime;
    }

    /** A builder; every field has a neutral default (no response, no errors, 0 attempts, not retryable). */
    public static Builder builder() {
        return new Builder();
    }

    /** The last HTTP status, or {@link #NO_RESPONSE} when the last attempt got no HTTP response. */
    public int statusCode() {
        return statusCode;
    }

    /** The GraphQL errors of the last answer; never null, immutable, empty when there were none. */
    public List<GraphQlError> errors() {
        return errors;
    }

    /** How many HTTP requests were sent; 0 when the request could not be prepared (e.g. no credentials). */
    public int attempts() {
        return attempts;
    }

    /**
     * Whether retrying the whole batch later could succeed (throttling, server errors, transport
     * failures); false for problems that need a fix first (auth, malformed request, bad endpoint).
     */
    public boolean retryable() {
        return retryable;
    }

    /**
     * Whether the request stopped because the invocation's {@link Deadline} came: no attempt or backoff could end
     * before it. The message then starts with {@link Deadline#REASON}.
     */
    public boolean outOfTime() {
        return outOfTime;
    }

    /** Builds an {@link AppSyncException}; also meant for test doubles of {@link AppSyncClient}. */
    public static final class Builder {
        private String message = "AppSync request failed";
        private Throwable cause;
        private int statusCode = NO_RESPONSE;
        private List<GraphQlError> errors = List.of();
        private int attempts;
        private boolean retryable;
        private boolean outOfTime;

        private Builder() {
        }

        /** The message; must say what to check. */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** The underlying exception, may be null. */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /** The HTTP status, or {@link #NO_RESPONSE}. */
        public Builder statusCode(int statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /** The GraphQL errors (copied); null means none. */
        public Builder errors(List<GraphQlError> errors) {
            this.errors = errors == null ? List.of() : errors;
            return this;
        }

        /** The number of HTTP requests sent. */
        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        /** Whether a later retry of the batch could succeed. */
        public Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        /** Whether the invocation's deadline stopped the request (see {@link AppSyncException#outOfTime()}). */
        public Builder outOfTime(boolean outOfTime) {
            this.outOfTime = outOfTime;
            return this;
        }

        /** The exception. */
        public AppSyncException build() {
            return new AppSyncException(this);
        }
    }
}
