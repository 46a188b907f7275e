package com.cdcappsync.upsert.adapter;

import com.cdcappsync.upsert.internal.adapter.InputAdapter;
import static com.cdcappsync.upsert.adapter.AdapterJson.parse;
import static com.cdcappsync.upsert.adapter.AdapterJson.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which shape an invocation has, and the failure for shapes the adapter does not know. */
class InputAdapterShapeTest {

    private final InputAdapter adapter = new InputAdapter();

    @Test
    void read_topLevelArray_isConfluentSink() {
        Invocation invocation = read("""
                [{"payload":{"topic":"t","partition":0,"offset":1,"key":null,"value":null}}]""");

        assertThat(invocation.kind()).isEqualTo(InputKind.CONFLUENT_SINK);
        assertThat(invocation.items()).hasSize(1);
    }

    @Test
    void read_emptyArray_isConfluentSinkWithNoItems() {
        Invocation invocation = read("[]");

        assertThat(invocation.kind()).isEqualTo(InputKind.CONFLUENT_SINK);
        assertThat(invocation.items()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:kafka", "SelfManagedKafka"})
    void read_kafkaEventSource_isKafkaEvent(String eventSource) {
        Invocation invocation = read("""
                {"eventSource":"%s","records":{}}""".formatted(eventSource));

        assertThat(invocation.kind()).isEqualTo(InputKind.KAFKA_EVENT);
        assertThat(invocation.items()).isEmpty();
    }

    @Test
    void read_recordsWithKinesis_isKinesisEvent() {
        Invocation invocation = read("""
                {"Records":[{"kinesis":{"sequenceNumber":"1","partitionKey":"k","data":null},
                             "eventID":"shardId-000000000000:1",
                             "eventSourceARN":"arn:aws:kinesis:us-east-1:1:stream/s"}]}""");

        assertThat(invocation.kind()).isEqualTo(InputKind.KINESIS_EVENT);
        assertThat(invocation.items()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "42",
        "\"just a string\"",
        "{}",
        "{\"eventSource\":\"aws:sqs\",\"Records\":[{\"messageId\":\"m1\",\"body\":\"{}\"}]}",
        "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"{}\"}]}",
        "true"
    })
    void read_unknownShape_throwsNamingTheThreeAcceptedShapes(String json) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(InputShapeException.class)
                .hasMessageContaining("Confluent AWS Lambda Sink")
                .hasMessageContaining("\"eventSource\":\"aws:kafka\" or \"SelfManagedKafka\"")
                .hasMessageContaining("\"Records\":[{\"kinesis\":{...}}] (Kinesis)");
    }

    @Test
    void read_number_messageNamesTheJsonType() {
        assertThatThrownBy(() -> read("42"))
                .isInstanceOf(InputShapeException.class)
                .hasMessageStartingWith("Unrecognised invocation: a JSON number.");
    }

    @Test
    void read_string_messageNamesTheJsonType() {
        assertThatThrownBy(() -> read("\"x\""))
                .isInstanceOf(InputShapeException.class)
                .hasMessageStartingWith("Unrecognised invocation: a JSON string.");
    }

    @Test
    void read_emptyObject_messageListsNoFields() {
        assertThatThrownBy(() -> read("{}"))
                .isInstanceOf(InputShapeException.class)
                .hasMessageStartingWith("Unrecognised invocation: an object with fields []. Expected one of");
    }

    @Test
    void read_sqsEvent_messageNamesFieldsAndEventSource() {
        assertThatThrownBy(() -> read("""
                {"eventSource":"aws:sqs","Records":[{"body":"{}"}]}"""))
                .isInstanceOf(InputShapeException.class)
                .hasMessageContaining("fields [eventSource, Records]")
                .hasMessageContaining("eventSource 'aws:sqs'");
    }

    @Test
    void read_javaNull_throwsEmptyInvocation() {
        assertThatThrownBy(() -> adapter.read(null))
                .isInstanceOf(InputShapeException.class)
                .hasMessageStartingWith("The invocation is empty.")
                .hasMessageContaining("Confluent AWS Lambda Sink");
    }

    @Test
    void read_jsonNull_throwsEmptyInvocation() {
        assertThatThrownBy(() -> adapter.read(NullNode.getInstance()))
                .isInstanceOf(InputShapeException.class)
                .hasMessageStartingWith("The invocation is empty.");
    }

    @Test
    void read_missingNode_throwsEmptyInvocation() {
        assertThatThrownBy(() -> adapter.read(MissingNode.getInstance()))
                .isInstanceOf(InputShapeException.class)
                .hasMessageStartingWith("The invocation is empty.");
    }

    @Test
    void read_kafkaEventWithRecordsArrayAlsoPresent_eventSourceWins() {
        Invocation invocation = adapter.read(parse("""
                {"eventSource":"aws:kafka","records":{},"Records":[{"kinesis":{}}]}"""));

        assertThat(invocation.kind()).isEqualTo(InputKind.KAFKA_EVENT);
    }
}
