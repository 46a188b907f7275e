package com.cdcappsync.upsert.internal;

import com.cdcappsync.upsert.BatchResult;
import com.cdcappsync.upsert.adapter.InputItem;
import com.cdcappsync.upsert.adapter.Invocation;
import com.cdcappsync.upsert.appsync.Deadline;
import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.decode.Operation;
import com.cdcappsync.upsert.internal.adapter.InputAdapter;
import com.cdcappsync.upsert.internal.decode.DebeziumDecoder;
import com.cdcappsync.upsert.internal.decode.DecodeException;
import com.cdcappsync.upsert.internal.mapping.ChangeMapper;
import com.cdcappsync.upsert.internal.mapping.SizeCheck;
import com.cdcappsync.upsert.internal.publish.Publisher;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.mapping.MappingException;
import com.cdcappsync.upsert.response.RecordOutcome;
import com.cdcappsync.upsert.response.RejectReason;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The flow of one invocation: adapter → decoder → mapping → size check → publisher → outcomes. Each record fails on
 * its own: an unreadable, unmappable or too large record is rejected with its location and reason, and the others
 * go on.
 */
public final class BatchProcessor {

    private final InputAdapter adapter;
    private final DebeziumDecoder decoder;
    private final ChangeMapper mapper;
    private final Publisher publisher;
    private final Clock clock;
    private final SizeCheck sizes = new SizeCheck();

    public BatchProcessor(DebeziumDecoder decoder, ChangeMapper mapper, Publisher publisher, Clock clock) {
        this.adapter = new InputAdapter();
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The same decoding and mapping, publishing through {@code other} (SnapStart priming). */
    public BatchProcessor withPublisher(Publisher other) {
        return new BatchProcessor(decoder, mapper, other, clock);
    }

    /** Processes one invocation without a deadline (dry runs, tests); see {@link #process(JsonNode, Deadline)}. */
    public BatchResult process(JsonNode invocationJson) {
        return process(invocationJson, Deadline.NONE);
    }

    /**
     * Processes one invocation; sending stops at {@code deadline}, and the records it left unsent fail naming it.
     *
     * @throws com.cdcappsync.upsert.adapter.InputShapeException when the invocation's shape is not recognised
     */
    public BatchResult process(JsonNode invocationJson, Deadline deadline) {
        long start = System.nanoTime();
        Invocation invocation = adapter.read(invocationJson);
        List<RecordOutcome> outcomes = new ArrayList<>(invocation.items().size());
        List<MappedChange> changes = new ArrayList<>();
        Long maxLag = null;
        long now = clock.millis();
        for (InputItem item : invocation.items()) {
            switch (item) {
                case InputItem.Unreadable u -> outcomes.add(new RecordOutcome.Rejected(u.index(), u.location(),
                        RejectReason.MALFORMED, u.reason()));
                case InputItem.SourceRecord record -> {
                    ChangeEvent event = prepare(record, outcomes, changes);
                    if (event != null && event.sourceTsMs() != null) {
                        maxLag = Math.max(maxLag == null ? 0 : maxLag, now - event.sourceTsMs());
                    }
                }
            }
        }
        outcomes.addAll(publisher.publish(changes, deadline));
        outcomes.sort(Comparator.comparingInt(RecordOutcome::index));
        return new BatchResult(invocation, outcomes, Duration.ofNanos(System.nanoTime() - start), maxLag);
    }

    /** Decodes and maps one record; adds its outcome now unless it is to be sent. Returns the event or null. */
    private ChangeEvent prepare(InputItem.SourceRecord record, List<RecordOutcome> outcomes,
                                List<MappedChange> changes) {
        ChangeEvent event;
        try {
            event = decoder.decode(record);
        } catch (DecodeException e) {
            outcomes.add(new RecordOutcome.Rejected(record.index(), record.location(), RejectReason.MALFORMED,
                    e.getMessage()));
            return null;
        } catch (RuntimeException e) {
            outcomes.add(new RecordOutcome.Rejected(record.index(), record.location(), RejectReason.MALFORMED,
                    "cannot decode: " + e));
            return null;
        }
        if (event.operation() == Operation.IGNORE) {
            outcomes.add(new RecordOutcome.Ignored(record.index(), record.location(), event.note()));
            return event;
        }
        MappedChange change;
        try {
            change = mapper.map(event);
        } catch (MappingException e) {
            outcomes.add(new RecordOutcome.Rejected(record.index(), record.location(), rejectReason(e.kind()),
                    e.getMessage()));
            return event;
        }
        switch (sizes.check(change)) {
            case SizeCheck.Fits fits -> changes.add(change);
            case SizeCheck.TooLarge tooLarge -> outcomes.add(new RecordOutcome.Rejected(record.index(),
                    record.location(), RejectReason.TOO_LARGE, tooLarge.detail()));
        }
        return event;
    }

    private static RejectReason rejectReason(MappingException.Kind kind) {
        return switch (kind) {
            case UNKNOWN_TABLE -> RejectReason.UNKNOWN_TABLE;
            case MISSING_KEY -> RejectReason.MISSING_KEY;
            case INVALID_VALUE, INVALID_MAPPING -> RejectReason.INVALID_VALUE;
        };
    }
}
