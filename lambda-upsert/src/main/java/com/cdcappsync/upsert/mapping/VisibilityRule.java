package com.cdcappsync.upsert.mapping;

import java.util.Objects;

/**
 * One {@code visibleWhen} rule: the value a column must hold for the row to stay on the site.
 *
 * <p>An optional rule applies only where the table has the column: Odoo adds {@code is_published} with
 * {@code website_sale}, so a shop without that module sends rows without it, and those rows stay visible
 * instead of failing the record. A required rule whose column is missing fails the record (a typo in the
 * mapping must not publish everything).
 *
 * @param value    the required value: a Boolean, a BigDecimal or a String
 * @param optional true when a row without the column passes this rule
 */
public record VisibilityRule(Object value, boolean optional) {

    public VisibilityRule {
        Objects.requireNonNull(value, "value");
    }

    /** A rule whose column every row must carry. */
    public static VisibilityRule required(Object value) {
        return new VisibilityRule(value, false);
    }

    /** A rule that applies only to rows carrying the column. */
    public static VisibilityRule optional(Object value) {
        return new VisibilityRule(value, true);
    }
}
