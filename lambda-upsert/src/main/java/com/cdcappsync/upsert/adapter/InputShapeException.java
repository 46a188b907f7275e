package com.cdcappsync.upsert.adapter;

/**
 * The invocation as a whole has a shape no adapter recognises. Unlike a malformed record, nothing of it
 * can be processed, so the invocation fails.
 */
public final class InputShapeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputShapeException(String message) {
        super(message);
    }

    public InputShapeException(String message, Throwable cause) {
        super(message, cause);
    }
}
