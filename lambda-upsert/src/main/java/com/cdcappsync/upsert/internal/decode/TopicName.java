package com.cdcappsync.upsert.internal.decode;

/**
 * Debezium's topic naming, {@code <topic.prefix>.<schema>.<table>}, used where the event itself does
 * not name its table (flattened events without {@code __table}).
 *
 * @param topic  the whole topic name
 * @param schema the second-to-last dotted part, or null
 * @param table  the last dotted part
 */
record TopicName(String topic, String schema, String table) {

    static TopicName parse(String topic) {
        String[] parts = topic.split("\\.");
        String table = parts[parts.length - 1];
        String schema = parts.length >= 3 ? parts[parts.length - 2] : null;
        return new TopicName(topic, schema, table);
    }

    /** Heartbeat topics ({@code __debezium-heartbeat.<prefix>}) carry no row change. */
    boolean isHeartbeat() {
        return topic.startsWith("__debezium-heartbeat");
    }
}
