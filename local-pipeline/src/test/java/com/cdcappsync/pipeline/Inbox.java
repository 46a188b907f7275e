package com.cdcappsync.pipeline;

import static org.assertj.core.api.Assertions.fail;

import com.cdcappsync.localstack.RealtimeClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a website's subscriber received, searched by subscription field, item id and content: changes of
 * different tables travel different topic-partitions, so their messages may interleave.
 */
final class Inbox {

    /** A message and when it arrived. */
    record Message(String field, JsonNode item, long receivedNanos) {
    }

    private final RealtimeClient subscriber;
    private final List<Message> unread = new ArrayList<>();

    Inbox(RealtimeClient subscriber) {
        this.subscriber = subscriber;
    }

    /**
     * The first message of {@code field} for item {@code id} that matches, waiting for it up to {@code timeout};
     * it and every earlier message of that item (same type, same id) are consumed.
     */
    synchronized Message await(String field, String id, Predicate<JsonNode> matches, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int scanned = 0;
        while (true) {
            for (int i = scanned; i < unread.size(); i++) {
                Message message = unread.get(i);
                if (message.field().equals(field) && id.equals(message.item().path("id").asText())
                        && matches.test(message.item())) {
                    dropItemUpTo(field, id, i);
                    return message;
                }
            }
            scanned = unread.size();
            long left = deadline - System.nanoTime();
            RealtimeClient.Event event = left > 0 ? subscriber.next(Duration.ofNanos(left)) : null;
            if (event == null) {
                fail("no " + field + " for id " + id + " matching within " + timeout.toSeconds() + " s; unread: "
                        + unread.stream().map(m -> m.field() + " " + m.item()).toList());
            }
            if (!"data".equals(event.type())) {
                fail("subscription error: " + event.payload());
            }
            unread.add(new Message(event.field(), event.payload(), System.nanoTime()));
        }
    }

    /** Drops the message at {@code index} and the earlier ones of the same item (same type and id). */
    private void dropItemUpTo(String field, String id, int index) {
        Iterator<Message> it = unread.iterator();
        for (int i = 0; i <= index && it.hasNext(); i++) {
            Message message = it.next();
            if (typeOf(message.field()).equals(typeOf(field)) && id.equals(message.item().path("id").asText())) {
                it.remove();
            }
        }
    }

    /** {@code onUpsertProduct} and {@code onDeleteProduct} are both about a Product. */
    private static String typeOf(String field) {
        return field.replaceFirst("^on(Upsert|Delete)", "");
    }

    /** Forgets everything received so far. */
    synchronized void clear() throws InterruptedException {
        unread.clear();
        while (subscriber.next(Duration.ZERO) != null) {
            // drop
        }
    }
}
