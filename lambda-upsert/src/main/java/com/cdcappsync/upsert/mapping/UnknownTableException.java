package com.cdcappsync.upsert.mapping;

/** An event for a table the mapping does not name. */
public final class UnknownTableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownTableException(String schema, String table) {
        super("unknown table '" + (schema == null ? "" : schema + ".") + table + "': no mapping entry names it; "
                + "add it to the mapping file (MAPPING_PATH), or leave its topic out of the connector's topics");
    }
}
