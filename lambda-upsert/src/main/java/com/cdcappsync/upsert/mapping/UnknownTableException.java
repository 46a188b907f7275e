package com.cdcappsync.upsert.mapping;

/** An event for a table the mapping does not name ({@link MappingException.Kind#UNKNOWN_TABLE}). */
public final class UnknownTableException extends MappingException {
    private static final long serialVersionUID = 1L;

    public UnknownTableException(String schema, String table) {
        super(Kind.UNKNOWN_TABLE, "unknown table '" + (schema == null ? "" : schema + ".") + table
                + "': no mapping entry names it; add it to the mapping file (MAPPING_PATH), or leave its topic out "
                + "of the connector's topics", null);
    }
}
