package com.cdcappsync.pipeline;

import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployed {@code schema.graphql} as a website sees it, read with graphql-java's SDL parser (no directive or AWS
 * scalar needs defining to parse): the fields of {@code Query} and {@code Subscription}, and the selection a client
 * would ask for to read everything a type offers.
 */
final class PublicSchema {

    private final TypeDefinitionRegistry registry;

    private PublicSchema(TypeDefinitionRegistry registry) {
        this.registry = registry;
    }

    static PublicSchema read(Path file) throws IOException {
        return new PublicSchema(new SchemaParser().parse(Files.readString(file)));
    }

    List<FieldDefinition> queries() {
        return object("Query").getFieldDefinitions();
    }

    List<FieldDefinition> subscriptions() {
        return object("Subscription").getFieldDefinitions();
    }

    /** The type a field returns, without list and non-null wrappers: {@code [ID!]} is {@code ID}. */
    static String named(Type<?> type) {
        return switch (type) {
            case NonNullType nonNull -> named(nonNull.getType());
            case ListType list -> named(list.getType());
            case TypeName name -> name.getName();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    /** True when a field of this type holds scalars or enums (a list of them included), not objects. */
    boolean isLeaf(Type<?> type) {
        return registry.getTypeOrNull(named(type), ObjectTypeDefinition.class) == null;
    }

    /** The names of every scalar field of {@code type} (lists of scalars included), in schema order. */
    List<String> scalarFields(String type) {
        return object(type).getFieldDefinitions().stream().filter(f -> isLeaf(f.getType()))
                .map(FieldDefinition::getName).toList();
    }

    /**
     * A selection of everything {@code type} offers: its scalar fields, and each object field that is a connection
     * (a type with {@code items}) as its first page of 100 with every scalar field of its items and the next token.
     */
    String fullSelection(String type) {
        List<String> parts = new ArrayList<>(scalarFields(type));
        for (FieldDefinition field : object(type).getFieldDefinitions()) {
            if (!isLeaf(field.getType())) {
                String items = itemType(named(field.getType()));
                String arguments = field.getInputValueDefinitions().stream().anyMatch(a -> a.getName().equals("limit"))
                        ? "(limit: 100)" : "";
                parts.add(field.getName() + arguments + " { items { " + String.join(" ", scalarFields(items))
                        + " } nextToken }");
            }
        }
        return String.join(" ", parts);
    }

    /** The item type of a connection type (its {@code items} field's type); fails for any other object type. */
    String itemType(String connection) {
        return object(connection).getFieldDefinitions().stream().filter(f -> f.getName().equals("items"))
                .map(f -> named(f.getType())).findFirst()
                .orElseThrow(() -> new AssertionError(connection + " is an object type but no connection (no items): "
                        + "the audit does not know how to read it"));
    }

    boolean isConnection(String type) {
        return object(type).getFieldDefinitions().stream().anyMatch(f -> f.getName().equals("items"));
    }

    private ObjectTypeDefinition object(String name) {
        ObjectTypeDefinition type = registry.getTypeOrNull(name, ObjectTypeDefinition.class);
        if (type == null) {
            throw new AssertionError("schema.graphql has no type " + name);
        }
        return type;
    }
}
