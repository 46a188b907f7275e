package com.cdcappsync.upsert.mapping;

/**
 * Every mapping problem: a mapping file that cannot be used (all problems listed at once), an event for a table
 * no mapping names ({@link UnknownTableException}), or an event that does not fit its table's mapping (the
 * message names the column, what was expected and the fix). {@link #kind()} says which.
 */
public sealed class MappingException extends RuntimeException permits UnknownTableException {
    private static final long serialVersionUID = 1L;

    /** What kind of problem. */
    public enum Kind {
        /** The mapping file itself is wrong. */
        INVALID_MAPPING,
        /** No mapping entry names the event's table. */
        UNKNOWN_TABLE,
        /** The event lacks the key columns the mapping names. */
        MISSING_KEY,
        /** A value does not fit its conversion, or a column the mapping needs is absent. */
        INVALID_VALUE
    }

    private final Kind kind;

    public MappingException(String message) {
        this(Kind.INVALID_VALUE, message, null);
    }

    public MappingException(String message, Throwable cause) {
        this(Kind.INVALID_VALUE, message, cause);
    }

    public MappingException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public final Kind kind() {
        return kind;
    }
}
