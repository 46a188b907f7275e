package com.cdcappsync.upsert.internal.mapping;

import com.cdcappsync.upsert.mapping.TableMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a table's two mutation documents once. Both take one {@code $input} so that no scalar type
 * (for example of {@code version}) is spelled here; the schema's input types decide.
 *
 * <p>The upsert asks back the table's whole selection; the delete only what a subscriber needs to remove the row
 * ({@link #deleteSelection}), so that a delete's subscription message stays small even when the item is near
 * AppSync's message limit (a hidden product with a huge description still reaches every subscriber).
 *
 * @param upsert the upsert mutation document
 * @param delete the delete mutation document
 */
record MutationText(String upsert, String delete) {

    static MutationText of(TableMapping table) {
        return new MutationText(
                document(table.upsertMutation(), table.upsertInputType(), table.selection()),
                document(table.deleteMutation(), table.deleteInputType(), deleteSelection(table)));
    }

    /**
     * What a delete asks back: the id field, then {@code version} and {@code deleted} where the table's selection
     * has them (a selection without them names a type that may lack them).
     */
    static List<String> deleteSelection(TableMapping table) {
        List<String> out = new ArrayList<>(List.of(table.idField()));
        for (String field : List.of(SizeLimits.VERSION, SizeLimits.DELETED)) {
            if (table.selection().contains(field) && !out.contains(field)) {
                out.add(field);
            }
        }
        return out;
    }

    private static String document(String field, String inputType, List<String> selection) {
        String operation = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        return "mutation " + operation + "($input: " + inputType + "!) { " + field + "(input: $input) { "
                + String.join(" ", selection) + " } }";
    }
}
