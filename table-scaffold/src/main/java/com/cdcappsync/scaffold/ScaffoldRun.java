package com.cdcappsync.scaffold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies table plans to the three files a table needs: schema.graphql, api.json and the mapping file. Units
 * that are absent are added; equal ones are left; different ones (a hand edit, or a changed table) are shown as
 * a diff and kept unless {@code force}. With {@code dryRun} nothing is written.
 */
final class ScaffoldRun {

    /** What a run found and did. */
    record Result(List<Change> changes, boolean written) {

        long count(Change.Status status) {
            return changes.stream().filter(c -> c.status() == status).count();
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final Path schemaFile;
    private final Path apiFile;
    private final Path mappingFile;

    ScaffoldRun(Path schemaFile, Path apiFile, Path mappingFile) {
        this.schemaFile = schemaFile;
        this.apiFile = apiFile;
        this.mappingFile = mappingFile;
    }

    Result run(List<TablePlan> plans, boolean force, boolean dryRun) {
        List<Change> changes = new ArrayList<>();
        SchemaEditor schema = new SchemaEditor(read(schemaFile));
        ObjectNode api = (ObjectNode) json(apiFile);
        ObjectNode mapping = (ObjectNode) json(mappingFile);
        for (TablePlan plan : plans) {
            schemaChanges(plan, schema, force, changes);
            apiChanges(plan, api, force, changes);
            entry(mappingFile, "mapping table " + plan.table().table(), array(mapping, "tables", mappingFile),
                    "table", plan.table().table(), plan.mappingEntry(), force, changes);
        }
        boolean write = !dryRun && changes.stream().anyMatch(c -> c.status() == Change.Status.ADD
                || force && c.status() == Change.Status.DIFFERS);
        if (write) {
            writeIfChanged(schemaFile, schema.text());
            writeIfChanged(apiFile, JsonLayout.write(api));
            writeIfChanged(mappingFile, JsonLayout.write(mapping));
        }
        return new Result(changes, write);
    }

    private void schemaChanges(TablePlan plan, SchemaEditor schema, boolean force, List<Change> changes) {
        for (SchemaUnits.Block block : SchemaUnits.blocks(plan)) {
            Change change = new Change(schemaFile.toString(), block.keyword() + " " + block.name(),
                    schema.block(block.keyword(), block.name()), block.text());
            changes.add(change);
            if (change.status() == Change.Status.ADD) {
                schema.addBlock(block);
            } else if (force && change.status() == Change.Status.DIFFERS) {
                schema.replaceBlock(block);
            }
        }
        for (SchemaUnits.RootField field : SchemaUnits.rootFields(plan)) {
            Change change = new Change(schemaFile.toString(), field.rootType() + "." + field.name(),
                    schema.rootField(field.rootType(), field.name()), field.text());
            changes.add(change);
            if (change.status() == Change.Status.ADD) {
                schema.addRootField(field);
            } else if (force && change.status() == Change.Status.DIFFERS) {
                schema.replaceRootField(field);
            }
        }
    }

    private void apiChanges(TablePlan plan, ObjectNode api, boolean force, List<Change> changes) {
        ObjectNode table = mapper.createObjectNode().put("type", plan.typeName()).put("dataSource", plan.dataSource())
                .put("partitionKey", "id").put("ttlAttribute", "expiresAt");
        entry(apiFile, "api table " + plan.typeName(), array(api, "tables", apiFile), "type", plan.typeName(), table,
                force, changes);
        ArrayNode resolvers = array(api, "resolvers", apiFile);
        String t = plan.typeName();
        resolver(resolvers, "Query", "get" + t, plan, "get.request.vtl", "get.response.vtl", force, changes);
        resolver(resolvers, "Query", plan.listQuery(), plan, "list.request.vtl", "list.response.vtl", force, changes);
        resolver(resolvers, "Mutation", plan.upsertMutation(), plan, "upsert.request.vtl", "mutation.response.vtl",
                force, changes);
        resolver(resolvers, "Mutation", plan.deleteMutation(), plan, "delete.request.vtl", "mutation.response.vtl",
                force, changes);
    }

    private void resolver(ArrayNode resolvers, String typeName, String field, TablePlan plan, String request,
                          String response, boolean force, List<Change> changes) {
        ObjectNode generated = mapper.createObjectNode().put("typeName", typeName).put("fieldName", field)
                .put("dataSource", plan.dataSource()).put("request", "resolvers/" + request)
                .put("response", "resolvers/" + response);
        entry(apiFile, "resolver " + typeName + "." + field, resolvers, "fieldName", field, generated, force,
                changes);
    }

    /** Compares (and adds or replaces) the element of {@code list} whose {@code idKey} is {@code id}. */
    private void entry(Path file, String unit, ArrayNode list, String idKey, String id, ObjectNode generated,
                       boolean force, List<Change> changes) {
        int index = -1;
        for (int i = 0; i < list.size(); i++) {
            if (id.equals(list.get(i).path(idKey).asText(null))) {
                index = i;
            }
        }
        JsonNode current = index < 0 ? null : list.get(index);
        Change change = new Change(file.toString(), unit, current == null ? null : JsonLayout.write(current),
                JsonLayout.write(generated));
        if (current != null && current.equals(generated)) {
            change = new Change(file.toString(), unit, change.generated(), change.generated());
        }
        changes.add(change);
        if (index < 0) {
            list.add(generated);
        } else if (force && !current.equals(generated)) {
            list.set(index, generated);
        }
    }

    private static ArrayNode array(ObjectNode root, String field, Path file) {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray()) {
            throw new ScaffoldException(file + ": \"" + field + "\" must be an array; is this the right file?");
        }
        return (ArrayNode) node;
    }

    private JsonNode json(Path file) {
        JsonNode node;
        try {
            node = mapper.readTree(read(file));
        } catch (IOException e) {
            throw new ScaffoldException(file + " is not valid JSON: " + e.getMessage() + "; fix it first", e);
        }
        if (node == null || !node.isObject()) {
            throw new ScaffoldException(file + " must hold a JSON object");
        }
        return node;
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ScaffoldException(file + " does not exist; run from the repository root or point "
                    + "--schema-file, --api-file and --mapping at the files");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeIfChanged(Path file, String text) {
        try {
            if (!Files.readString(file).equals(text)) {
                Files.writeString(file, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
