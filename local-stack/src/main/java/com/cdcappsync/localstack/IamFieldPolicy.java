package com.cdcappsync.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The IAM policy the CDK stack gives the function's role, enforced per top-level field as AppSync does:
 * {@code appsync:GraphQL} on {@code arn:aws:appsync:REGION:ACCOUNT:apis/ID/types/Mutation/fields/NAME} for each
 * granted mutation field ({@code api.grantMutation}, from {@code ApiManifest.mutationFields()}), nothing else: no
 * query, no subscription, no other mutation. AppSync answers a field outside the grant with HTTP 200, {@code null}
 * for the field and an {@code Unauthorized} error "Not Authorized to access NAME on type TYPE" (AWS AppSync
 * developer guide, "Authorization and authentication", AWS_IAM; e.g. aws-amplify/amplify-js#10903).
 *
 * <p>One difference, on the strict side: AppSync still runs the granted fields of a document that also asks for a
 * refused one; here such a document runs nothing. The function sends one mutation per request, so it never meets it.
 */
final class IamFieldPolicy {

    /** A top-level field of the operation. */
    record TopField(String type, String name, String responseKey, SourceLocation location) {
    }

    private final Set<String> granted;

    /** @param mutationFields the granted {@code Mutation} fields */
    IamFieldPolicy(List<String> mutationFields) {
        Set<String> fields = new HashSet<>();
        mutationFields.forEach(f -> fields.add("Mutation." + f));
        this.granted = Set.copyOf(fields);
    }

    /**
     * The top-level fields the document asks for: of the operation named {@code operationName}, or of the only
     * operation, or (when that cannot be told) of every operation, so that nothing escapes the check.
     *
     * @throws IllegalArgumentException when the document does not parse
     */
    List<TopField> topFields(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unable to parse GraphQL query.", e);
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        List<OperationDefinition> chosen = operations.stream()
                .filter(o -> operationName != null && operationName.equals(o.getName())).toList();
        List<TopField> fields = new ArrayList<>();
        for (OperationDefinition operation : chosen.isEmpty() ? operations : chosen) {
            String type = typeOf(operation.getOperation());
            collect(operation.getSelectionSet(), type, document, fields, new HashSet<>());
        }
        return fields;
    }

    /** The fields the grant does not cover. */
    List<TopField> refused(List<TopField> fields) {
        return fields.stream().filter(f -> !granted.contains(f.type() + "." + f.name())).toList();
    }

    /** AppSync's answer when some fields are refused: 200, {@code null} for every field, one error per refused one. */
    byte[] refusalBody(List<TopField> fields, List<TopField> refused, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode data = root.putObject("data");
        fields.forEach(f -> data.putNull(f.responseKey()));
        ArrayNode errors = root.putArray("errors");
        for (TopField field : refused) {
            ObjectNode error = errors.addObject();
            error.putArray("path").add(field.responseKey());
            error.putNull("data");
            error.put("errorType", "Unauthorized");
            error.putNull("errorInfo");
            ObjectNode location = error.putArray("locations").addObject();
            location.put("line", field.location() == null ? 1 : field.location().getLine());
            location.put("column", field.location() == null ? 1 : field.location().getColumn());
            location.putNull("sourceName");
            error.put("message", "Not Authorized to access " + field.name() + " on type " + field.type());
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error document: " + e.getMessage(), e);
        }
    }

    private static void collect(SelectionSet set, String type, Document document, List<TopField> out,
                                Set<String> seenFragments) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                String key = field.getAlias() == null ? field.getName() : field.getAlias();
                out.add(new TopField(type, field.getName(), key, field.getSourceLocation()));
            } else if (selection instanceof InlineFragment fragment) {
                collect(fragment.getSelectionSet(), type, document, out, seenFragments);
            } else if (selection instanceof FragmentSpread spread && seenFragments.add(spread.getName())) {
                document.getDefinitionsOfType(FragmentDefinition.class).stream()
                        .filter(d -> d.getName().equals(spread.getName()))
                        .forEach(d -> collect(d.getSelectionSet(), type, document, out, seenFragments));
            }
        }
    }

    private static String typeOf(OperationDefinition.Operation operation) {
        String name = operation.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
