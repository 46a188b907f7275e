package com.cdcappsync.pipeline;

/** The PostgreSQL database Debezium reads: a throwaway cluster, or one the user names with --postgres-url. */
interface Database {

    String host();

    int port();

    String database();

    /** The role Debezium connects as (LOGIN REPLICATION, see cdc-setup.sql). */
    String debeziumUser();

    String debeziumPassword();

    /** A JDBC URL with the right to change the product tables (tests, benchmarks). */
    String ownerUrl();

    /** The psql command a user types to change rows. */
    String psqlCommand();
}
