package com.cdcappsync.upsert.mapping;

import com.cdcappsync.upsert.decode.ChangeEvent;
import com.cdcappsync.upsert.decode.Version;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A change ready to send: one GraphQL mutation with its variables.
 *
 * @param event     the change it came from
 * @param table     the table's mapping
 * @param kind      upsert or delete
 * @param id        the item's id (key columns joined with {@code #})
 * @param version   the change's version, also inside the variables
 * @param query     the mutation document
 * @param variables the variables: {@code {"input": {...}}}
 * @param note      why a row update became a delete (hidden by {@code visibleWhen}), or null
 */
public record MappedChange(ChangeEvent event, TableMapping table, Kind kind, String id, Version version,
                           String query, ObjectNode variables, String note) {

    /** Which of the table's mutations. */
    public enum Kind { UPSERT, DELETE }

    public MappedChange {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
    }

    /** The item this change writes: type and id. Changes of one item are sent in order. */
    public String itemKey() {
        return table.typeName() + "#" + id;
    }

    /** The mutation field this change calls. */
    public String mutationField() {
        return kind == Kind.UPSERT ? table.upsertMutation() : table.deleteMutation();
    }

    @Override
    public String toString() {
        return "MappedChange[" + kind + " " + itemKey() + " v" + version + "]";
    }
}
