package com.cdcappsync.scaffold;

import java.util.ArrayList;
import java.util.List;

/**
 * The GraphQL pieces of one table, as units the editor adds or compares one by one: the type, its connection,
 * its two inputs (blocks), and its query, mutation and subscription fields (lines of the root types). The same
 * auth as every existing type: read types and read fields {@code @aws_api_key @aws_iam} (subscribers receive
 * nothing otherwise), mutations {@code @aws_iam} only.
 */
final class SchemaUnits {

    private static final String AUTH = "@aws_api_key @aws_iam";

    private SchemaUnits() {
    }

    /** A {@code type}/{@code input} block, keyed by its keyword and name. */
    record Block(String keyword, String name, String doc, String text) {
    }

    /** A field line of {@code Query}, {@code Mutation} or {@code Subscription}. */
    record RootField(String rootType, String name, String text) {
    }

    static List<Block> blocks(TablePlan plan) {
        String t = plan.typeName();
        List<Block> blocks = new ArrayList<>();
        StringBuilder type = new StringBuilder("type " + t + " " + AUTH + " {\n  id: ID!\n");
        plan.fields().forEach(f -> type.append("  ").append(f.name()).append(": ").append(f.graphqlType())
                .append('\n'));
        type.append("  version: Float!\n  updatedAt: AWSDateTime\n  deleted: Boolean\n}");
        blocks.add(new Block("type", t, "\"\"\"Table " + plan.table().schema() + "." + plan.table().table()
                + " (written by bin/cdc-appsync scaffold).\"\"\"", type.toString()));
        blocks.add(new Block("type", t + "Connection", null, "type " + t + "Connection " + AUTH + " {\n  items: ["
                + t + "!]!\n  nextToken: String\n}"));
        StringBuilder input = new StringBuilder("input " + plan.inputType() + " {\n  id: ID!\n  version: String!\n");
        plan.fields().forEach(f -> input.append("  ").append(f.name()).append(": ").append(f.graphqlType())
                .append('\n'));
        blocks.add(new Block("input", plan.inputType(), null, input.append('}').toString()));
        blocks.add(new Block("input", plan.deleteInputType(), null, "input " + plan.deleteInputType()
                + " {\n  id: ID!\n  version: String!\n}"));
        return blocks;
    }

    static List<RootField> rootFields(TablePlan plan) {
        String t = plan.typeName();
        return List.of(
                new RootField("Query", "get" + t, "get" + t + "(id: ID!): " + t + " " + AUTH),
                new RootField("Query", plan.listQuery(), plan.listQuery() + "(limit: Int, nextToken: String): " + t
                        + "Connection! " + AUTH),
                new RootField("Mutation", plan.upsertMutation(), plan.upsertMutation() + "(input: "
                        + plan.inputType() + "!): " + t + " @aws_iam"),
                new RootField("Mutation", plan.deleteMutation(), plan.deleteMutation() + "(input: "
                        + plan.deleteInputType() + "!): " + t + " @aws_iam"),
                new RootField("Subscription", "onUpsert" + t, "onUpsert" + t + "(id: ID): " + t
                        + " @aws_subscribe(mutations: [\"" + plan.upsertMutation() + "\"]) " + AUTH),
                new RootField("Subscription", "onDelete" + t, "onDelete" + t + "(id: ID): " + t
                        + " @aws_subscribe(mutations: [\"" + plan.deleteMutation() + "\"]) " + AUTH));
    }
}
