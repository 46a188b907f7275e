-- Odoo-17-shaped product tables, the publication, and the rows that exist BEFORE Debezium starts
-- (they reach the fixtures as snapshot events, op "r"). Run by regenerate.sh with psql against a
-- throwaway database; the streaming part of the scenario is in Scenario.java.
\set ON_ERROR_STOP on

CREATE TABLE product_category (
    id            serial PRIMARY KEY,
    name          varchar NOT NULL,
    complete_name varchar,
    parent_id     int REFERENCES product_category (id),
    write_date    timestamp
);

CREATE TABLE product_template (
    id               serial PRIMARY KEY,
    name             jsonb NOT NULL,          -- Odoo 16+ translation map, en_US always present
    description_sale jsonb,
    default_code     varchar,
    list_price       numeric,                 -- Odoo: NUMERIC without scale -> VariableScaleDecimal
    active           boolean DEFAULT true,
    sale_ok          boolean DEFAULT true,
    categ_id         int REFERENCES product_category (id),
    description      text,                    -- product 1 holds > 8 KB: stored out of line (TOAST)
    write_date       timestamp without time zone,
    create_date      timestamp without time zone,
    -- Not Odoo columns: here so that every encoding of FACTS.md section 3 appears.
    standard_price   numeric(12, 2),          -- fixed-scale Decimal
    sale_start       date,                    -- io.debezium.time.Date
    published_at     timestamptz,             -- io.debezium.time.ZonedTimestamp
    guid             uuid,                    -- io.debezium.data.Uuid
    write_date_ms    timestamp(3)             -- io.debezium.time.Timestamp (milliseconds)
);

-- Only the schemas-precise-truncate setting captures this table (it is truncated in step j).
CREATE TABLE product_tag (
    id   serial PRIMARY KEY,
    name varchar
);

-- Default REPLICA IDENTITY on every table (so "before" is never a full row).
CREATE PUBLICATION cdc_appsync FOR TABLE product_category, product_template, product_tag;

INSERT INTO product_category (id, name, complete_name, parent_id, write_date) VALUES
    (1, 'All',   'All',         NULL, '2024-01-15 09:00:00'),
    (2, 'Desks', 'All / Desks', 1,    '2024-01-15 09:00:00');

-- 10 240 pseudo-random characters from a 64-letter alphabet: pglz cannot shrink them by the 25 %
-- it requires, so PostgreSQL stores the value out of line, uncompressed. setseed makes it repeatable.
SELECT setseed(0.42);
CREATE TEMP TABLE toast_text AS
SELECT string_agg(substr('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
                         1 + floor(random() * 64)::int, 1), '' ORDER BY i) AS txt
FROM generate_series(1, 10240) AS i;

INSERT INTO product_template (id, name, description_sale, default_code, list_price, active, sale_ok,
                              categ_id, description, write_date, create_date, standard_price,
                              sale_start, published_at, guid, write_date_ms)
SELECT 1, '{"en_US": "Desk", "fr_FR": "Bureau"}', '{"en_US": "A sturdy desk", "fr_FR": "Un bureau solide"}',
       'DESK-001', 12.50, true, true, 2, txt, '2024-03-01 10:15:30.123456', '2024-01-15 09:00:00',
       8.25, '2024-03-01', '2024-03-01 10:15:30.5+02', '5f0c6a6e-1b7e-4c1f-9f57-3f1d2a0b9c01',
       '2024-03-01 10:15:30.123'
FROM toast_text;

INSERT INTO product_template (id, name, description_sale, default_code, list_price, active, sale_ok,
                              categ_id, description, write_date, create_date, standard_price,
                              sale_start, published_at, guid, write_date_ms)
VALUES (2, '{"en_US": "Chair"}', NULL, 'CHAIR-001', 45.00, true, true, 1, 'Ergonomic office chair.',
        '2024-03-01 11:00:00', '2024-01-15 09:00:00', 30.00, NULL, NULL,
        '9b2d7c1e-3a4f-4e5d-8c6b-7a8f9e0d1c02', '2024-03-01 11:00:00.000');

INSERT INTO product_tag (id, name) VALUES (1, 'Office'), (2, 'Outdoor');

-- Keep the serials in step with the fixed ids used above and in Scenario.java.
SELECT setval('product_category_id_seq', 2), setval('product_template_id_seq', 2),
       setval('product_tag_id_seq', 2);

-- Proof that product 1's description is TOASTed (out of line, not compressed): printed by regenerate.sh.
SELECT id, octet_length(description) AS text_bytes, pg_column_size(description) AS stored_bytes
FROM product_template ORDER BY id;
SELECT format('SELECT count(*) AS toast_chunks FROM pg_toast.%I', t.relname)
FROM pg_class c JOIN pg_class t ON t.oid = c.reltoastrelid
WHERE c.relname = 'product_template' \gexec
