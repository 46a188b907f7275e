-- Storefront scenario, database "storefront": an Odoo 17 with website_sale installed. The product
-- tables as Odoo 17 creates them (the columns this project reads, plus a few neighbours; types as
-- Odoo's ORM declares them: jsonb translations, NUMERIC without scale for Float fields, timestamp
-- without time zone for Datetime fields), the publication, and the rows that exist BEFORE Debezium
-- starts (snapshot events, op "r"). The streaming steps are in StorefrontScenario.java.
-- Run by regenerate.sh with psql against a throwaway database.
\set ON_ERROR_STOP on

-- Present for the foreign key, as in Odoo; not captured in this scenario.
CREATE TABLE product_category (
    id            serial PRIMARY KEY,
    name          varchar NOT NULL,
    complete_name varchar,
    parent_id     int REFERENCES product_category (id)
);

CREATE TABLE product_template (
    id               serial PRIMARY KEY,
    name             jsonb NOT NULL,            -- translated Char: {"en_US": ...}
    description_sale jsonb,                     -- translated Text
    default_code     varchar,                   -- stored compute: set only for single-variant templates
    type             varchar NOT NULL,          -- Odoo 17 selection: consu / service / product
    detailed_type    varchar NOT NULL,
    list_price       numeric,                   -- Float: NUMERIC without scale
    sale_ok          boolean,
    purchase_ok      boolean,
    active           boolean,
    categ_id         int NOT NULL REFERENCES product_category (id),
    create_date      timestamp without time zone,
    write_date       timestamp without time zone,
    -- website_sale (website.published.mixin and website_sale's own fields)
    is_published     boolean,
    website_id       int,
    website_sequence int
);

CREATE TABLE product_product (
    id                  serial PRIMARY KEY,
    product_tmpl_id     int NOT NULL REFERENCES product_template (id) ON DELETE CASCADE,
    default_code        varchar,
    barcode             varchar,
    combination_indices varchar,
    volume              numeric,
    weight              numeric,
    active              boolean,
    create_date         timestamp without time zone,
    write_date          timestamp without time zone
);

-- The shipped connector captures product_template, product_category and product_product; this
-- scenario captures the two tables it is about. Default REPLICA IDENTITY.
CREATE PUBLICATION cdc_appsync FOR TABLE product_template, product_product;

INSERT INTO product_category (id, name, complete_name, parent_id) VALUES (1, 'All', 'All', NULL);

-- 21: published, two variants (a multi-variant template has no default_code of its own).
-- 22: not published (is_published false), one variant.
INSERT INTO product_template (id, name, description_sale, default_code, type, detailed_type, list_price, sale_ok,
                              purchase_ok, active, categ_id, create_date, write_date, is_published, website_id,
                              website_sequence)
VALUES (21, '{"en_US": "Office Chair", "fr_FR": "Chaise de bureau"}', '{"en_US": "Adjustable height"}', NULL,
        'product', 'product', 129.00, true, true, true, 1, '2024-04-01 08:00:00', '2024-04-01 09:00:00.123456',
        true, NULL, 10000),
       (22, '{"en_US": "Standing Desk"}', NULL, 'DESK-STAND', 'product', 'product', 499.50, true, true, true, 1,
        '2024-04-01 08:00:00', '2024-04-01 09:30:00', false, NULL, 10005);

INSERT INTO product_product (id, product_tmpl_id, default_code, barcode, combination_indices, volume, weight, active,
                             create_date, write_date)
VALUES (41, 21, 'CHAIR-BLK', '4006381333931', '1', 0.25, 12.5, true, '2024-04-01 08:00:00', '2024-04-01 09:00:00'),
       (42, 21, 'CHAIR-WHT', NULL, '2', 0.25, 12.5, true, '2024-04-01 08:00:00', '2024-04-01 09:00:00'),
       (43, 22, 'DESK-STAND', '5901234123457', '', 0.80, 31.0, true, '2024-04-01 08:00:00',
        '2024-04-01 09:30:00');

-- Keep the serials in step with the fixed ids used above and in StorefrontScenario.java.
SELECT setval('product_category_id_seq', 1), setval('product_template_id_seq', 22),
       setval('product_product_id_seq', 43);
