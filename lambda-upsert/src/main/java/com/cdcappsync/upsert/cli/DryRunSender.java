package com.cdcappsync.upsert.cli;

import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.publish.MutationSender;
import com.cdcappsync.upsert.publish.SendResult;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Sends nothing: keeps each mutation so the CLI can print them in input order. */
final class DryRunSender implements MutationSender {

    private final ConcurrentLinkedQueue<MappedChange> sent = new ConcurrentLinkedQueue<>();

    @Override
    public SendResult send(MappedChange change) {
        sent.add(change);
        return new SendResult.Applied(null);
    }

    /** What would have been sent, in input order. */
    List<MappedChange> sentInInputOrder() {
        return sent.stream().sorted(Comparator.comparingInt(c -> c.event().record().index())).toList();
    }
}
