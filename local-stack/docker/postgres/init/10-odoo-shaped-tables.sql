-- Runs once in database "shop": Odoo-17-shaped product tables with website_sale (the columns the mapping reads, plus
-- internal ones the website never shows: the Debezium config excludes some, the mapping drops all) and a few rows,
-- for the path without Odoo. With Odoo (profile "odoo"), Odoo creates
-- the real tables in database "odoo" instead.
CREATE TABLE product_category (
    id            serial PRIMARY KEY,
    name          varchar NOT NULL,
    complete_name varchar,
    parent_id     int REFERENCES product_category (id),
    create_uid    int,
    write_uid     int,
    create_date   timestamp,
    write_date    timestamp
);

CREATE TABLE product_template (
    id               serial PRIMARY KEY,
    name             jsonb NOT NULL,
    description_sale jsonb,
    description      jsonb,                 -- fields.Html(translate=True): jsonb since Odoo 16
    default_code     varchar,
    list_price       numeric,
    standard_price   numeric(12, 2),
    active           boolean DEFAULT true,
    sale_ok          boolean DEFAULT true,
    -- website_sale's columns: the mapping's optional visibility rule follows is_published where it exists;
    -- website_id (empty = every website) and company_id (empty = every company) decide which websites show it.
    is_published     boolean DEFAULT true,
    website_id       int,
    company_id       int,
    website_description   jsonb,            -- fields.Html(translate=html_translate), website_sale
    description_ecommerce jsonb,            -- the same, Odoo 17+
    website_sequence int,
    categ_id         int REFERENCES product_category (id),
    create_uid       int,
    write_uid        int,
    create_date      timestamp,
    write_date       timestamp
);

-- website_sale's categories, and Odoo's many2many table linking them to products: two integer columns, the primary
-- key on both, no id column (odoo/fields.py Many2many; the rows cascade with either side).
CREATE TABLE product_public_category (
    id          serial PRIMARY KEY,
    name        jsonb NOT NULL,
    parent_id   int REFERENCES product_public_category (id) ON DELETE CASCADE,
    parent_path varchar,
    sequence    int,
    website_id  int,
    create_uid  int,
    write_uid   int,
    create_date timestamp,
    write_date  timestamp
);

CREATE TABLE product_public_category_product_template_rel (
    product_template_id        int NOT NULL REFERENCES product_template (id) ON DELETE CASCADE,
    product_public_category_id int NOT NULL REFERENCES product_public_category (id) ON DELETE CASCADE,
    PRIMARY KEY (product_template_id, product_public_category_id)
);

-- Variants: product_tmpl_id cascades on delete as in Odoo (FACTS.md section 4).
CREATE TABLE product_product (
    id              serial PRIMARY KEY,
    product_tmpl_id int NOT NULL REFERENCES product_template (id) ON DELETE CASCADE,
    default_code    varchar,
    barcode         varchar UNIQUE,
    active          boolean DEFAULT true,
    create_uid      int,
    write_uid       int,
    create_date     timestamp,
    write_date      timestamp
);

INSERT INTO product_category (name, complete_name, parent_id, write_date) VALUES
    ('All', 'All', NULL, now()),
    ('Desks', 'All / Desks', 1, now());

INSERT INTO product_template (name, description_sale, default_code, list_price, standard_price, categ_id, write_date)
VALUES ('{"en_US": "Desk", "fr_FR": "Bureau"}', '{"en_US": "A sturdy desk"}', 'DESK-001', 12.50, 8.25, 2, now()),
       ('{"en_US": "Chair"}', NULL, 'CHAIR-001', 45.00, 30.00, 1, now());

INSERT INTO product_product (product_tmpl_id, default_code, barcode, write_date) VALUES
    (1, 'DESK-001-OAK', '5901234123457', now()),
    (1, 'DESK-001-ASH', '5901234123464', now()),
    (2, 'CHAIR-001', NULL, now());

INSERT INTO product_public_category (name, parent_id, sequence, write_date) VALUES
    ('{"en_US": "Furniture", "fr_FR": "Meubles"}', NULL, 10, now()),
    ('{"en_US": "Desks"}', 1, 20, now());

INSERT INTO product_public_category_product_template_rel VALUES (1, 2), (2, 1);
