package com.cdcappsync.upsert;

import com.cdcappsync.upsert.adapter.InputItem;
import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.decode.Operation;
import com.cdcappsync.upsert.internal.Json;
import com.cdcappsync.upsert.internal.adapter.InputAdapter;
import com.cdcappsync.upsert.internal.decode.DebeziumDecoder;
import com.cdcappsync.upsert.internal.decode.DecoderOptions;
import com.cdcappsync.upsert.internal.mapping.ChangeMapper;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.mapping.Mappings;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The stages of {@link UpsertPipeline} before anything is sent: an invocation (any {@link
 * com.cdcappsync.upsert.adapter.InputKind}) read into its records, each record decoded and mapped to its mutation.
 * For measuring and inspecting those stages (benchmarks, tools); a handler uses {@link UpsertPipeline}.
 *
 * <p>Decoded with the decoder's default options (the default TOAST placeholder; the Kafka offset as the version
 * when an event has none). Unreadable records are skipped; a record that cannot be decoded or mapped throws, as it
 * would be rejected by the pipeline. Thread-safe.
 */
public final class ChangeMapping {

    private final InputAdapter adapter = new InputAdapter();
    private final DebeziumDecoder decoder = new DebeziumDecoder(DecoderOptions.DEFAULTS);
    private final ChangeMapper mapper;

    /** Maps with {@code mappings} (for instance {@code new MappingLoader().loadDefault()}). */
    public ChangeMapping(Mappings mappings) {
        this.mapper = new ChangeMapper(Objects.requireNonNull(mappings, "mappings"), Json.MAPPER);
    }

    /**
     * Reads {@code invocation}; each readable record's change goes to {@code mapped} as its mutation, or to
     * {@code ignored} when it has nothing to write ({@link Operation#IGNORE}).
     */
    public void each(JsonNode invocation, Consumer<? super MappedChange> mapped,
            Consumer<? super ChangeEvent> ignored) {
        for (InputItem item : adapter.read(invocation).items()) {
            if (item instanceof InputItem.SourceRecord record) {
                ChangeEvent event = decoder.decode(record);
                if (event.operation() == Operation.IGNORE) {
                    ignored.accept(event);
                } else {
                    mapped.accept(mapper.map(event));
                }
            }
        }
    }
}
