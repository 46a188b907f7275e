package com.cdcappsync.upsert.internal.mapping;

import com.cdcappsync.upsert.mapping.Conversion;
import com.cdcappsync.upsert.mapping.FieldSpec;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.mapping.TableMapping;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Checks that a mapped change fits DynamoDB's item size limit and AppSync's subscription message limit
 * ({@link SizeLimits}), by estimates that never fall short:
 * <ul>
 *   <li>the item: every input field (name and value, as DynamoDB counts them) plus the attributes the resolvers
 *       write ({@code version}, {@code updatedAt}, {@code deleted}, {@code expiresAt}) at their largest;</li>
 *   <li>the subscription message: the fields the mutation selects, as JSON with every character escaped as a
 *       serializer may escape it, plus {@link SizeLimits#MESSAGE_ENVELOPE_BYTES}.</li>
 * </ul>
 * A column left out of the input (unchanged TOAST) keeps its stored value, which this check cannot see; it was
 * checked when it was written. Stateless and thread-safe.
 */
public final class SizeCheck {

    /** How many of the largest fields a rejection names. */
    private static final int NAMED_FIELDS = 3;
    /** What a {@code maxBytes} suggestion proposes: 64 KiB of text fits both limits with room to spare. */
    private static final int SUGGESTED_MAX_BYTES = 65_536;

    /** The check's outcome. */
    public sealed interface Verdict {
    }

    /**
     * The change fits both limits.
     *
     * @param itemBytes    the estimated item size (an upper bound)
     * @param messageBytes the estimated subscription message size (an upper bound)
     */
    public record Fits(long itemBytes, long messageBytes) implements Verdict {
    }

    /**
     * The change does not fit.
     *
     * @param detail which limit, the estimated size, the largest fields (names and sizes, never values) and the fix
     */
    public record TooLarge(String detail) implements Verdict {
    }

    /** Estimates the change's item and subscription message and compares them with the limits. */
    public Verdict check(MappedChange change) {
        Map<String, Long> item = itemSizes(change);
        Map<String, Long> message = messageSizes(change);
        long itemBytes = sum(item);
        long messageBytes = sum(message) + 2 + envelope(change);
        boolean itemTooLarge = itemBytes > SizeLimits.DYNAMODB_ITEM_MAX_BYTES;
        boolean messageTooLarge = messageBytes > SizeLimits.APPSYNC_SUBSCRIPTION_MAX_BYTES;
        if (!itemTooLarge && !messageTooLarge) {
            return new Fits(itemBytes, messageBytes);
        }
        StringJoiner detail = new StringJoiner("; ", change.mutationField() + " for a " + change.table().typeName()
                + " does not fit: ", "");
        if (itemTooLarge) {
            detail.add("the DynamoDB item would take up to " + bytes(itemBytes) + ", over DynamoDB's item size "
                    + "limit of " + bytes(SizeLimits.DYNAMODB_ITEM_MAX_BYTES) + " (400 KB, attribute names and "
                    + "values; docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html"
                    + "#limits-items); largest fields " + largest(item));
        }
        if (messageTooLarge) {
            detail.add("the subscription message would take up to " + bytes(messageBytes) + " (every character "
                    + "counted as a JSON serializer may escape it), over AppSync's subscription payload limit of "
                    + bytes(SizeLimits.APPSYNC_SUBSCRIPTION_MAX_BYTES) + " (240 KB; docs.aws.amazon.com/general/"
                    + "latest/gr/appsync.html), and AppSync drops a larger message without telling anyone; largest "
                    + "fields " + largest(message));
        }
        detail.add("fix: " + fix(change.table(), biggest(itemTooLarge ? item : message)));
        return new TooLarge(detail.toString());
    }

    /** Attribute → bytes (name and value) of the item the change would leave, at most. */
    private static Map<String, Long> itemSizes(MappedChange change) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = input(change).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(SizeLimits.VERSION)) {
                out.put(e.getKey(), ValueSizes.utf8(e.getKey()) + ValueSizes.dynamoDb(e.getValue()));
            }
        }
        out.put(SizeLimits.VERSION, ValueSizes.utf8(SizeLimits.VERSION) + SizeLimits.DYNAMODB_NUMBER_BYTES);
        out.put(SizeLimits.UPDATED_AT, ValueSizes.utf8(SizeLimits.UPDATED_AT) + SizeLimits.TIMESTAMP_BYTES);
        out.put(SizeLimits.DELETED, ValueSizes.utf8(SizeLimits.DELETED) + 1);
        out.put(SizeLimits.EXPIRES_AT, ValueSizes.utf8(SizeLimits.EXPIRES_AT) + SizeLimits.DYNAMODB_NUMBER_BYTES);
        return out;
    }

    /** Selected field → bytes of {@code "name":value,} in the subscription message, at most. */
    private static Map<String, Long> messageSizes(MappedChange change) {
        JsonNode input = input(change);
        List<String> selection = change.kind() == MappedChange.Kind.UPSERT ? change.table().selection()
                : MutationText.deleteSelection(change.table());
        Map<String, Long> out = new LinkedHashMap<>();
        for (String field : selection) {
            JsonNode value = input.get(field);
            long valueBytes = switch (field) {
                case SizeLimits.VERSION -> Math.max(SizeLimits.JSON_NUMBER_BYTES, ValueSizes.json(value));
                case SizeLimits.UPDATED_AT -> value == null ? SizeLimits.TIMESTAMP_BYTES + 2 : ValueSizes.json(value);
                case SizeLimits.DELETED -> value == null ? 5 : ValueSizes.json(value);
                default -> ValueSizes.json(value); // a field not in the input: null, or a stored value (see above)
            };
            out.put(field, ValueSizes.jsonString(field) + 1 + valueBytes + 1);
        }
        return out;
    }

    /** {@code {"data":{"<mutation>":} ... {@code }}} and the reserve for the rest of the message. */
    private static long envelope(MappedChange change) {
        return "{\"data\":{:}}".length() + ValueSizes.jsonString(change.mutationField())
                + SizeLimits.MESSAGE_ENVELOPE_BYTES;
    }

    private static JsonNode input(MappedChange change) {
        return change.variables() == null ? MissingNode.getInstance()
                : change.variables().path("input");
    }

    private static long sum(Map<String, Long> sizes) {
        return sizes.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String biggest(Map<String, Long> sizes) {
        return sizes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
    }

    private static String largest(Map<String, Long> sizes) {
        StringJoiner out = new StringJoiner(", ");
        sizes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(NAMED_FIELDS)
                .forEach(e -> out.add("'" + e.getKey() + "' " + bytes(e.getValue())));
        return out.toString();
    }

    private static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d bytes", n);
    }

    /** What to change in the mapping for {@code field}, named by the mapping's own keys. */
    static String fix(TableMapping table, String field) {
        FieldSpec spec = table.fields().stream().filter(f -> f.field().equals(field)).findFirst().orElse(null);
        String where = "field '" + field + "' of table '" + table.table() + "'";
        if (spec == null) {
            return "add the column that fills " + where + " to the table's \"exclude\" (it is sent by "
                    + "\"unmappedColumns\"), or shorten the value in the database";
        }
        if (!spec.conversion().cuttable()) {
            return "remove " + where + " from the table's \"fields\" (convert=" + spec.conversion().configName()
                    + " cannot be cut; \"maxBytes\" cuts convert=string or translation), or shorten the value in "
                    + "the database";
        }
        String language = spec.conversion() == Conversion.TRANSLATION
                ? ", \"language\": \"" + spec.options().language() + "\"" : "";
        return "let the mapping cut " + where + " with \"maxBytes\" (UTF-8 bytes, cut at a character boundary), "
                + "e.g. \"" + field + "\": {\"column\": \"" + spec.column() + "\", \"convert\": \""
                + spec.conversion().configName() + "\"" + language + ", \"maxBytes\": " + SUGGESTED_MAX_BYTES
                + "}; or remove the field from \"fields\", or shorten the value in the database";
    }
}
