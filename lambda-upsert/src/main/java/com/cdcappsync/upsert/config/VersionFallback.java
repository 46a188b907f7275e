package com.cdcappsync.upsert.config;

/** What versions a record that carries no LSN (see {@code Version}). */
public enum VersionFallback {
    /** The Kafka offset (all changes of a key share a partition, so offsets rise per row). */
    KAFKA_OFFSET("kafka-offset"),
    /** Nothing: such a record is rejected with the fix. */
    NONE("none");

    private final String text;

    VersionFallback(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
