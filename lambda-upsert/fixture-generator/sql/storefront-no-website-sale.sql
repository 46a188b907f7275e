-- Storefront scenario, database "odoo_no_website": an Odoo 17 WITHOUT website_sale, so
-- product_template has no is_published column (the packaged mapping's optional visibleWhen rule
-- must not apply). Same columns as storefront.sql otherwise. The streaming steps are in
-- StorefrontScenario.java. Run by regenerate.sh with psql against a throwaway database.
\set ON_ERROR_STOP on

CREATE TABLE product_category (
    id            serial PRIMARY KEY,
    name          varchar NOT NULL,
    complete_name varchar,
    parent_id     int REFERENCES product_category (id)
);

CREATE TABLE product_template (
    id               serial PRIMARY KEY,
    name             jsonb NOT NULL,
    description_sale jsonb,
    default_code     varchar,
    type             varchar NOT NULL,
    detailed_type    varchar NOT NULL,
    list_price       numeric,
    sale_ok          boolean,
    purchase_ok      boolean,
    active           boolean,
    categ_id         int NOT NULL REFERENCES product_category (id),
    create_date      timestamp without time zone,
    write_date       timestamp without time zone
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

CREATE PUBLICATION cdc_appsync FOR TABLE product_template, product_product;

INSERT INTO product_category (id, name, complete_name, parent_id) VALUES (1, 'All', 'All', NULL);

INSERT INTO product_template (id, name, description_sale, default_code, type, detailed_type, list_price, sale_ok,
                              purchase_ok, active, categ_id, create_date, write_date)
VALUES (21, '{"en_US": "Office Chair", "fr_FR": "Chaise de bureau"}', NULL, NULL, 'product', 'product', 129.00,
        true, true, true, 1, '2024-04-01 08:00:00', '2024-04-01 09:00:00.123456');

INSERT INTO product_product (id, product_tmpl_id, default_code, barcode, combination_indices, volume, weight, active,
                             create_date, write_date)
VALUES (41, 21, 'CHAIR-BLK', '4006381333931', '1', 0.25, 12.5, true, '2024-04-01 08:00:00', '2024-04-01 09:00:00');

SELECT setval('product_category_id_seq', 1), setval('product_template_id_seq', 21),
       setval('product_product_id_seq', 41);
