package com.cdcappsync.upsert.internal.mapping;

/**
 * The size limits a mutation must fit, in one place, each with its source, and the budgets the estimates of
 * {@link SizeCheck} use for what the Lambda cannot see (values the resolvers write). Every figure is taken on the
 * safe side: where a source says "KB" without saying whether that is 1,000 or 1,024 bytes, the smaller reading.
 */
public final class SizeLimits {

    /**
     * The largest DynamoDB item, attribute names and values together: "400 KB", read as 400,000 bytes (the item
     * size limit of <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items">
     * DynamoDB service quotas, "Items"</a>; how an item's size is counted:
     * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html">
     * "DynamoDB item sizes and formats"</a>). A larger write fails with a {@code ValidationException}.
     */
    public static final int DYNAMODB_ITEM_MAX_BYTES = 400_000;

    /**
     * The largest message AppSync sends to subscribers: "subscription payload size", 240 KB, read as 240,000 bytes
     * (<a href="https://docs.aws.amazon.com/general/latest/gr/appsync.html">AWS AppSync endpoints and quotas</a>).
     * A larger message is dropped without an error to the mutation's caller: the write succeeds and no subscriber
     * hears of it (aws-powertools/powertools-lambda-typescript issues #4020 and #5339).
     */
    public static final int APPSYNC_SUBSCRIPTION_MAX_BYTES = 240_000;

    /**
     * Kept free in every subscription message for what wraps the selected fields:
     * {@code {"type":"data","id":"<subscription id>","payload":{"data":{"<subscription field>":...}}}}.
     */
    public static final int MESSAGE_ENVELOPE_BYTES = 1_024;

    /**
     * A number's DynamoDB size: "1 byte per two significant digits, plus 1 byte", with up to 38 significant digits,
     * so at most 20; counted as 21 whatever the number.
     */
    public static final int DYNAMODB_NUMBER_BYTES = 21;

    /**
     * A number in a subscription message (JSON), whatever its rendering: {@code version} is a {@code Float}, whose
     * text may be in exponent form ({@code 5.8325944E7}); the longest double's text is 24 characters.
     */
    public static final int JSON_NUMBER_BYTES = 24;

    /**
     * The resolvers' {@code updatedAt} ({@code $util.time.nowISO8601()}, 24 characters such as
     * {@code 2026-12-07T20:51:49.123Z}), with room for a longer rendering.
     */
    public static final int TIMESTAMP_BYTES = 35;

    /**
     * The attributes the resolvers add to every item (graphql-schema/resolvers/upsert.request.vtl and
     * delete.request.vtl): {@code version} and {@code expiresAt} are numbers, {@code updatedAt} text,
     * {@code deleted} a boolean. The id attribute is the mapping's id field.
     */
    static final String VERSION = "version";
    static final String UPDATED_AT = "updatedAt";
    static final String DELETED = "deleted";
    static final String EXPIRES_AT = "expiresAt";

    private SizeLimits() {
    }
}
