package com.cdcappsync.upsert.internal.decode;

/** A record that is not a Debezium change event this decoder can read; the message says why and the fix. */
public final class DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DecodeException(String message) {
        super(message);
    }

    public DecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
