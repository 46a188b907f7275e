package com.cdcappsync.pipeline;

/**
 * What the shop's own website shows, said in SQL against Odoo's tables: the oracle the store and the public API are
 * compared with. For website 1 of company 1 (the handler's default {@code WEBSITES=1:1}), as Odoo's website_sale
 * decides it (odoo/odoo 16-18, addons/website_sale: the shop domain {@code sale_ok}, {@code website_id in (False,
 * website)} and, for visitors, {@code is_published}; the product record rule's company; archived rows are never
 * listed). A variant is shown while it is active and its product is shown; a website category while its
 * {@code website_id} is empty or the website.
 */
public final class WebsiteSql {

    /** The ids of the products website 1 shows. */
    public static final String SHOWN_PRODUCT_IDS = "SELECT id FROM product_template WHERE active AND sale_ok "
            + "AND is_published AND (website_id IS NULL OR website_id = 1) AND (company_id IS NULL OR company_id = 1)";

    /** (id, product id) of every active variant: stored live whatever its product; shown only with its product. */
    public static final String ACTIVE_VARIANTS = "SELECT id::text, product_tmpl_id::text FROM product_product "
            + "WHERE active";

    /** (id, product id) of the variants website 1 shows. */
    public static final String SHOWN_VARIANTS = ACTIVE_VARIANTS + " AND product_tmpl_id IN (" + SHOWN_PRODUCT_IDS
            + ")";

    /** (id, en_US name) of the website categories website 1 shows. */
    public static final String SHOWN_CATEGORIES = "SELECT id::text, name->>'en_US' FROM product_public_category "
            + "WHERE website_id IS NULL OR website_id = 1";

    /** (product#category, category id) of every category link, as the link table stores them. */
    public static final String CATEGORY_LINKS = "SELECT product_template_id || '#' || product_public_category_id, "
            + "product_public_category_id::text FROM product_public_category_product_template_rel";

    private WebsiteSql() {
    }
}
