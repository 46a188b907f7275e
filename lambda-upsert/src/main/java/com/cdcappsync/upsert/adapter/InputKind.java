package com.cdcappsync.upsert.adapter;

/** The shapes of invocation the handler accepts; each answers in its own way. */
public enum InputKind {
    /** Confluent AWS Lambda Sink: a JSON array of {@code {"payload": {...}}}; answered with an aligned result array. */
    CONFLUENT_SINK,
    /** Amazon MSK or self-managed Kafka event source mapping; answered with {@code batchItemFailures}. */
    KAFKA_EVENT,
    /** Kinesis event source mapping (Debezium Server to Kinesis); answered with {@code batchItemFailures}. */
    KINESIS_EVENT
}
