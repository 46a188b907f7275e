package com.cdcappsync.scaffold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the scaffold generates for one table: names, fields, the mapping entry, GraphQL text and api.json entries.
 * Names follow the existing tables: type {@code T}, {@code upsertT}/{@code deleteT}, {@code TInput}/
 * {@code DeleteTInput}, {@code getT}/{@code listTs}, {@code onUpsertT}/{@code onDeleteT}, data source
 * {@code TTable}.
 *
 * @param table    the source table
 * @param typeName the GraphQL type
 * @param language the language a translated (jsonb) column's String field shows
 * @param fields   the mapped fields, in column order
 */
public record TablePlan(TableInfo table, String typeName, String language, List<Field> fields) {

    /** Fields the resolvers set on every type (graphql-schema/resolvers). */
    public static final List<String> RESOLVER_FIELDS = List.of("version", "updatedAt", "deleted");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * One GraphQL field and how the mapping fills it.
     *
     * @param name        the field name (camelCase)
     * @param graphqlType its GraphQL type
     * @param spec        the mapping's value for it: a column name, or {column, convert, options}
     */
    public record Field(String name, String graphqlType, JsonNode spec) {
    }

    /**
     * Plans a table: every column but a single key column {@code id} becomes a field.
     *
     * @throws ScaffoldException naming every column whose type cannot be mapped, and the fix
     */
    public static TablePlan of(TableInfo table, String typeName, String language, Set<String> exclude) {
        List<String> unmappable = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        boolean singleKey = table.primaryKey().size() == 1;
        for (TableInfo.Column column : table.columns()) {
            if (exclude.contains(column.name()) || singleKey && table.primaryKey().contains(column.name())) {
                continue;
            }
            if (column.kind() == null) {
                unmappable.add(column.name() + " (" + column.sourceType() + ")");
                continue;
            }
            fields.addAll(fields(column, table.primaryKey().contains(column.name()), language));
        }
        if (!unmappable.isEmpty()) {
            throw new ScaffoldException("table " + table.schema() + "." + table.table() + ": cannot map the type of "
                    + String.join(", ", unmappable) + "; leave those columns out with --exclude COLUMN (and map "
                    + "them by hand), or change their type");
        }
        String name = typeName != null ? typeName : pascal(table.table());
        if (!name.matches("[A-Z][A-Za-z0-9]*")) {
            throw new ScaffoldException("type name '" + name + "' is not a GraphQL type name in PascalCase; "
                    + "pass one with --table " + table.table() + "=TypeName");
        }
        return new TablePlan(table, name, language, fields);
    }

    private static List<Field> fields(TableInfo.Column column, boolean key, String language) {
        String name = camel(column.name());
        String c = column.name();
        boolean reference = key || c.endsWith("_id") && (column.kind() == ColumnKind.INTEGER
                || column.kind() == ColumnKind.BIG_INTEGER);
        if (reference) {
            return List.of(new Field(name, "ID", spec(c, "string")));
        }
        return switch (column.kind()) {
            case INTEGER -> List.of(new Field(name, "Int", spec(c, "int")));
            case BIG_INTEGER -> List.of(new Field(name, "String", spec(c, "string")));
            case DECIMAL -> List.of(new Field(name, "String", column.scale() == null ? spec(c, "decimal")
                    : spec(c, "decimal").put("scale", column.scale())));
            case FLOAT -> List.of(new Field(name, "Float", spec(c, "float")));
            case TEXT -> List.of(new Field(name, "String", JSON.textNode(c)));
            case BOOLEAN -> List.of(new Field(name, "Boolean", spec(c, "boolean")));
            case TIMESTAMP -> List.of(new Field(name, "AWSDateTime", spec(c, "timestamp")));
            case DATE -> List.of(new Field(name, "AWSDate", spec(c, "date")));
            case JSON -> List.of(new Field(name, "AWSJSON", spec(c, "json")));
            case TRANSLATED_JSON -> List.of(
                    new Field(name, "String", spec(c, "translation").put("language", language)),
                    new Field(name + "Translations", "AWSJSON", spec(c, "json")));
        };
    }

    private static ObjectNode spec(String column, String convert) {
        return JSON.objectNode().put("column", column).put("convert", convert);
    }

    public String upsertMutation() {
        return "upsert" + typeName;
    }

    public String deleteMutation() {
        return "delete" + typeName;
    }

    public String inputType() {
        return typeName + "Input";
    }

    public String deleteInputType() {
        return "Delete" + typeName + "Input";
    }

    public String dataSource() {
        return typeName + "Table";
    }

    public String listQuery() {
        return "list" + plural(typeName);
    }

    /** The mapping file's entry for this table. */
    public ObjectNode mappingEntry() {
        ObjectNode entry = JSON.objectNode();
        entry.put("table", table.table());
        entry.put("type", typeName);
        entry.put("upsertMutation", upsertMutation());
        entry.put("deleteMutation", deleteMutation());
        entry.put("upsertInputType", inputType());
        entry.put("deleteInputType", deleteInputType());
        table.primaryKey().forEach(entry.putArray("key")::add);
        ObjectNode specs = entry.putObject("fields");
        fields.forEach(f -> specs.set(f.name(), f.spec()));
        entry.put("unmappedColumns", "drop");
        return entry;
    }

    /** lowerCamelCase of a column: {@code list_price} → {@code listPrice}. */
    static String camel(String column) {
        String pascal = pascal(column);
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /** PascalCase of a table: {@code product_product} → {@code ProductProduct}. */
    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** English plural as the existing schema spells it: Category → Categories, Product → Products. */
    static String plural(String word) {
        if (word.matches(".*[^aeiouAEIOU]y")) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word.matches(".*(s|x|z|ch|sh)") ? word + "es" : word + "s";
    }
}
