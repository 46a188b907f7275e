package com.cdcappsync.connectors;

/**
 * A problem the user can fix: a missing or malformed stack output, an unknown placeholder (bad options are a
 * {@link com.cdcappsync.cli.UsageException}). The message says what is wrong and what to do about it; the command
 * prints it and exits with status 2.
 */
public class RenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
