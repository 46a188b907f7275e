package com.cdcappsync.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outputs of one CdcAppSync stack, read from the file {@code cdk deploy --outputs-file FILE} writes:
 * {@code {"CdcAppSync-<stage>": {"FunctionAliasArn": "...", "Region": "...", ...}}}.
 *
 * @param file   the file read (for messages)
 * @param stack  the stack whose outputs these are
 * @param values output key to value
 */
public record StackOutputs(Path file, String stack, Map<String, String> values) {

    /** Stacks of this project are named {@code CdcAppSync-<stage>}. */
    static final String STACK_PREFIX = "CdcAppSync-";

    public StackOutputs {
        values = Map.copyOf(values);
    }

    /**
     * Reads the outputs file and picks the stack: the one named, or else the only {@code CdcAppSync-*} stack.
     *
     * @param file  the outputs file
     * @param stack the stack to use, or null to pick the only CdcAppSync stack in the file
     * @throws RenderException when the file is missing or malformed, or the stack cannot be chosen
     */
    public static StackOutputs read(Path file, String stack, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new RenderException("no outputs file at " + file + "; write one with `cdk deploy --outputs-file "
                    + file + "` (in infra-cdk/) and pass its path with --outputs");
        } catch (IOException e) {
            throw new RenderException("cannot read the outputs file " + file + " as JSON (" + e.getMessage()
                    + "); expected what `cdk deploy --outputs-file` writes: {\"CdcAppSync-<stage>\": {...}}", e);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new RenderException("the outputs file " + file + " holds no stack; expected what `cdk deploy "
                    + "--outputs-file` writes: {\"CdcAppSync-<stage>\": {\"FunctionAliasArn\": ..., ...}}");
        }
        String chosen = choose(file, root, stack);
        JsonNode outputs = root.get(chosen);
        if (!outputs.isObject()) {
            throw new RenderException("stack " + chosen + " in " + file + " is not an object of outputs");
        }
        Map<String, String> values = new LinkedHashMap<>();
        outputs.properties().forEach(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                values.put(e.getKey(), e.getValue().asText());
            }
        });
        return new StackOutputs(file, chosen, values);
    }

    private static String choose(Path file, JsonNode root, String stack) {
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        if (stack != null) {
            if (!root.has(stack)) {
                throw new RenderException("the outputs file " + file + " has no stack " + stack + "; it has "
                        + names + ". Pass one of those with --stack");
            }
            return stack;
        }
        List<String> ours = names.stream().filter(n -> n.startsWith(STACK_PREFIX)).toList();
        if (ours.size() == 1) {
            return ours.getFirst();
        }
        throw new RenderException(ours.isEmpty()
                ? "the outputs file " + file + " has no " + STACK_PREFIX + "<stage> stack (it has " + names
                        + "); pass the stack to use with --stack"
                : "the outputs file " + file + " has several stacks " + ours + "; choose one with --stack "
                        + ours.getFirst());
    }

    /** The output, if the stack has it. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    /** The error for an output this stack lacks, naming the key and the fix. */
    RenderException missing(String key) {
        return new RenderException("stack " + stack + " in " + file + " has no output " + key + " (it has "
                + values.keySet() + "). Deploy a stack version that exports " + key + " and write the file again "
                + "with `cdk deploy " + stack + " --outputs-file " + file + "`");
    }
}
