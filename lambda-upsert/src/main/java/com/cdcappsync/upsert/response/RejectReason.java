package com.cdcappsync.upsert.response;

/** Why a record was rejected. */
public enum RejectReason {
    /** The invocation element or the Debezium event could not be read. */
    MALFORMED("malformed"),
    /** No mapping entry names the event's table. */
    UNKNOWN_TABLE("unknown-table"),
    /** The key columns the mapping names are missing. */
    MISSING_KEY("missing-key"),
    /** A column value does not fit its mapping's conversion. */
    INVALID_VALUE("invalid-value"),
    /**
     * The mutation would not fit DynamoDB's item size limit or AppSync's subscription message limit
     * ({@link com.cdcappsync.upsert.internal.mapping.SizeLimits}); the detail names the limit, the size and the
     * largest fields.
     */
    TOO_LARGE("too-large");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** The code written in responses and logs. */
    public String code() {
        return code;
    }
}
