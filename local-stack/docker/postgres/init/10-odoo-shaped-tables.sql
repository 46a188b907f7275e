-- Runs once in database "shop": Odoo-17-shaped product tables (the columns the mapping reads, plus some the
-- Debezium config excludes) and a few rows, for the path without Odoo. With Odoo (profile "odoo"), Odoo creates
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
    description      text,
    default_code     varchar,
    list_price       numeric,
    standard_price   numeric(12, 2),
    active           boolean DEFAULT true,
    sale_ok          boolean DEFAULT true,
    categ_id         int REFERENCES product_category (id),
    create_uid       int,
    write_uid        int,
    create_date      timestamp,
    write_date       timestamp
);

INSERT INTO product_category (name, complete_name, parent_id, write_date) VALUES
    ('All', 'All', NULL, now()),
    ('Desks', 'All / Desks', 1, now());

INSERT INTO product_template (name, description_sale, default_code, list_price, standard_price, categ_id, write_date)
VALUES ('{"en_US": "Desk", "fr_FR": "Bureau"}', '{"en_US": "A sturdy desk"}', 'DESK-001', 12.50, 8.25, 2, now()),
       ('{"en_US": "Chair"}', NULL, 'CHAIR-001', 45.00, 30.00, 1, now());
