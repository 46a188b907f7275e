package com.cdcappsync.localstack;

import com.cdcappsync.upsert.mapping.Mappings;
import com.cdcappsync.upsert.mapping.TableMapping;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /**
     * The subscriptions a website can open on the stack's API: two per mapped table (upsert, delete), in mapping
     * order, less those its schema does not offer (a table written only for reads, such as a product's category
     * links, publishes nothing).
     */
    public static List<SubscriptionSpec> forStack(LocalStack stack) {
        return forMappings(stack.mappings(), offered(stack.apiDir()));
    }

    /** Two per table (upsert, delete), in mapping order, of those in {@code offered}. */
    public static List<SubscriptionSpec> forMappings(Mappings mappings, Set<String> offered) {
        List<SubscriptionSpec> specs = new ArrayList<>();
        for (TableMapping table : mappings.tables()) {
            for (String mutation : List.of(table.upsertMutation(), table.deleteMutation())) {
                String field = "on" + mutation.substring(0, 1).toUpperCase(Locale.ROOT) + mutation.substring(1);
                if (offered.contains(field)) {
                    specs.add(new SubscriptionSpec(field, table.typeName(), table.idField(), table.selection()));
                }
            }
        }
        return specs;
    }

    /** The field names of {@code type Subscription} in the API folder's {@code schema.graphql}. */
    static Set<String> offered(Path apiDir) {
        String schema;
        try {
            schema = Files.readString(apiDir.resolve("schema.graphql"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + apiDir.resolve("schema.graphql"), e);
        }
        // The SDL parser the gateway already uses for documents (graphql-java), not a pattern over the text.
        Set<String> fields = new LinkedHashSet<>();
        Parser.parse(schema).getDefinitionsOfType(ObjectTypeDefinition.class).stream()
                .filter(type -> type.getName().equals("Subscription"))
                .forEach(type -> type.getFieldDefinitions().forEach(f -> fields.add(f.getName())));
        return fields;
    }

    /** The subscription document, e.g. {@code subscription OnUpsertProduct { onUpsertProduct { id name ... } }}. */
    public String query() {
        return "subscription " + field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1) + " { " + field
                + " { " + String.join(" ", selection) + " } }";
    }
}
