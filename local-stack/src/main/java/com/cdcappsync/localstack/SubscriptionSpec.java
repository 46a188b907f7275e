package com.cdcappsync.localstack;

import com.cdcappsync.upsert.mapping.Mappings;
import com.cdcappsync.upsert.mapping.TableMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One subscription a website opens to follow a type: the schema's convention is {@code on<Mutation>} per
 * mutation ({@code upsertProduct} → {@code onUpsertProduct}), and it asks for the same fields the handler's
 * mutation selects (AppSync passes subscribers only those).
 *
 * @param field     the subscription field, e.g. {@code onUpsertProduct}
 * @param typeName  the type it returns, e.g. {@code Product}
 * @param idField   the field holding the item's id
 * @param selection the fields asked for
 */
public record SubscriptionSpec(String field, String typeName, String idField, List<String> selection) {

    /** Copies the selection. */
    public SubscriptionSpec {
        selection = List.copyOf(selection);
    }

    /** Two per table (upsert, delete), in mapping order. */
    public static List<SubscriptionSpec> forMappings(Mappings mappings) {
        List<SubscriptionSpec> specs = new ArrayList<>();
        for (TableMapping table : mappings.tables()) {
            for (String mutation : List.of(table.upsertMutation(), table.deleteMutation())) {
                specs.add(new SubscriptionSpec("on" + mutation.substring(0, 1).toUpperCase(Locale.ROOT)
                        + mutation.substring(1), table.typeName(), table.idField(), table.selection()));
            }
        }
        return specs;
    }

    /** The subscription document, e.g. {@code subscription OnUpsertProduct { onUpsertProduct { id name ... } }}. */
    public String query() {
        return "subscription " + field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1) + " { " + field
                + " { " + String.join(" ", selection) + " } }";
    }
}
