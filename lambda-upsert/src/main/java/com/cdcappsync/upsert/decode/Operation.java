package com.cdcappsync.upsert.decode;

/** What a change event asks of the site. */
public enum Operation {
    /** Create, update or snapshot read ({@code c}, {@code u}, {@code r}): the row exists with these values. */
    UPSERT,
    /** Delete ({@code d}, or a flattened record with {@code __deleted=true}): the row is gone. */
    DELETE,
    /** Nothing to write: tombstones, truncates ({@code t}), logical messages ({@code m}), heartbeats. */
    IGNORE
}
