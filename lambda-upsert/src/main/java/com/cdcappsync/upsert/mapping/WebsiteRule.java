package com.cdcappsync.upsert.mapping;

import java.util.Objects;

/**
 * A table's {@code websites} rule: which columns say where a row is shown, and the list field that carries the
 * ids of the served websites showing it (see {@link ServedWebsites}). A row no served website shows is removed
 * from the site like a row failing {@code visibleWhen}. A column the table lacks (Odoo without website_sale, or a
 * table with no company) counts as empty: every website, every company.
 *
 * @param websiteColumn the website column, e.g. {@code website_id}
 * @param companyColumn the company column, e.g. {@code company_id}, or null when the table has none
 * @param field         the GraphQL list field written, e.g. {@code websiteIds}
 */
public record WebsiteRule(String websiteColumn, String companyColumn, String field) {

    public WebsiteRule {
        Objects.requireNonNull(websiteColumn, "websiteColumn");
        Objects.requireNonNull(field, "field");
    }
}
