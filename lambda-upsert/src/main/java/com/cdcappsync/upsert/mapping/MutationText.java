package com.cdcappsync.upsert.mapping;

/**
 * Builds a table's two mutation documents once. Both take one {@code $input} so that no scalar type
 * (for example of {@code version}) is spelled here; the schema's input types decide.
 *
 * @param upsert the upsert mutation document
 * @param delete the delete mutation document
 */
record MutationText(String upsert, String delete) {

    static MutationText of(TableMapping table) {
        String selection = String.join(" ", table.selection());
        return new MutationText(
                document(table.upsertMutation(), table.upsertInputType(), selection),
                document(table.deleteMutation(), table.deleteInputType(), selection));
    }

    private static String document(String field, String inputType, String selection) {
        String operation = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        return "mutation " + operation + "($input: " + inputType + "!) { " + field + "(input: $input) { "
                + selection + " } }";
    }
}
