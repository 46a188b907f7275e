package com.cdcappsync.upsert.adapter;

import java.util.List;

/**
 * A whole invocation after the input adapter: its shape and its items in input order.
 *
 * @param kind  the shape the invocation had
 * @param items every element of the invocation, readable or not, in input order
 */
public record Invocation(InputKind kind, List<InputItem> items) {
    public Invocation {
        items = List.copyOf(items);
    }
}
