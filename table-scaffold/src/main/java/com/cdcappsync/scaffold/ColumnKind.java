package com.cdcappsync.scaffold;

/** The column kinds the scaffold maps, each to a GraphQL type and a mapping conversion. */
public enum ColumnKind {
    /** 16/32-bit integers: GraphQL {@code Int}. */
    INTEGER,
    /** 64-bit integers: a String of digits (GraphQL's Int is 32-bit). */
    BIG_INTEGER,
    /** Exact decimals ({@code numeric}): a String, converted with {@code decimal}. */
    DECIMAL,
    /** Floating point: GraphQL {@code Float}. */
    FLOAT,
    /** Text of any length, uuid. */
    TEXT,
    BOOLEAN,
    /** Timestamps with or without zone: {@code AWSDateTime}. */
    TIMESTAMP,
    /** {@code AWSDate}. */
    DATE,
    /** jsonb: Odoo's translation maps; one language as a String and every translation as {@code AWSJSON}. */
    TRANSLATED_JSON,
    /** json: {@code AWSJSON} as is. */
    JSON
}
