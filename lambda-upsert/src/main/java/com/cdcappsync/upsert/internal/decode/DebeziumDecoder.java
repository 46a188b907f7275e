package com.cdcappsync.upsert.internal.decode;

import com.cdcappsync.upsert.adapter.InputItem.SourceRecord;
import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes a neutral record into a {@link ChangeEvent}. Reads both Debezium's envelope ({@code op},
 * {@code before}, {@code after}, {@code source}) and records flattened by {@code ExtractNewRecordState}
 * ({@code __op}, {@code __deleted}, {@code __lsn}, {@code __table}, {@code __source_ts_ms}), each with or
 * without the JsonConverter's {@code {schema, payload}} wrapper, as objects or as JSON text.
 *
 * <p>Thread-safe; build one and share it.
 */
public final class DebeziumDecoder {

    private static final int MAX_CACHED_TOPICS = 1024;

    private final JsonLayers layers;
    private final RowReader rows;
    private final DecoderOptions options;

    /** Parsed topic names (a deployment has a handful of topics; capped for those with thousands). */
    private final Map<String, TopicName> topics = new ConcurrentHashMap<>();

    /**
     * A decoder with {@code options}. It reads JSON text inside records (string layers, JSON columns) with the
     * library's mapper ({@link Json#MAPPER}: floating-point numbers as {@code BigDecimal}), never the caller's.
     */
    public DebeziumDecoder(DecoderOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.layers = new JsonLayers(Json.MAPPER);
        this.rows = new RowReader(new ColumnValues(Json.MAPPER), options.toastPlaceholder());
    }

    /**
     * Decodes one record.
     *
     * @throws DecodeException when the record is not a change event this decoder can read; the message
     *                         names what was expected and the fix
     */
    public ChangeEvent decode(SourceRecord record) {
        String topic = record.location().topic();
        TopicName topicName = topics.get(topic);
        if (topicName == null) {
            topicName = TopicName.parse(topic);
            if (topics.size() < MAX_CACHED_TOPICS) {
                topics.put(topic, topicName);
            }
        }
        if (topicName.isHeartbeat()) {
            return ChangeEvent.ignored(record.ref(), null, null, '?', "Debezium heartbeat");
        }
        SchemaAndPayload value = unwrapSchema(layers.unwrap(record.value(), "value"));
        Map<String, Object> key = readKey(record);
        if (value == null) {
            return ChangeEvent.ignored(record.ref(), topicName.schema(), topicName.table(), '?',
                    "tombstone: the delete event before it carries the change");
        }
        if (!value.payload().isObject()) {
            throw new DecodeException("value is a JSON " + value.payload().getNodeType().name().toLowerCase()
                    + "; expected a Debezium change event object (envelope with op/after/source, or a row "
                    + "flattened by ExtractNewRecordState)");
        }
        return EnvelopeShape.isEnvelope(value.payload())
                ? new EnvelopeShape(rows, options).decode(record, value, key, topicName)
                : new FlattenedShape(rows, options).decode(record, value, key, topicName);
    }

    private Map<String, Object> readKey(SourceRecord record) {
        SchemaAndPayload key = unwrapSchema(layers.unwrap(record.key(), "key"));
        if (key == null || !key.payload().isObject()) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        key.payload().fields().forEachRemaining(e -> out.put(e.getKey(),
                rows.values().decode(e.getKey(), e.getValue(),
                        key.schema() == null ? null : key.schema().field(e.getKey()))));
        return Collections.unmodifiableMap(out);
    }

    /** {@code {"schema":..,"payload":..}} becomes its parts; anything else is a payload without schema. */
    private static SchemaAndPayload unwrapSchema(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject() && node.has("payload") && node.has("schema") && node.size() == 2) {
            JsonNode payload = node.get("payload");
            if (payload == null || payload.isNull()) {
                return null;
            }
            JsonNode schema = node.get("schema");
            return new SchemaAndPayload(schema.isObject() ? FieldSchema.parse(schema) : null, payload);
        }
        return new SchemaAndPayload(null, node);
    }

    /** A payload and, when the converter sent one, its schema. */
    record SchemaAndPayload(FieldSchema schema, JsonNode payload) {
    }
}
