-- What Debezium needs in the captured database (see confluent-lambda-sink-config/README.md, "PostgreSQL and Odoo").
-- Run as the tables' owner (or a superuser), once the product tables exist:
--   docker compose exec postgres psql -U odoo -d odoo -f /cdc/cdc-setup.sql      (Odoo profile, after Odoo's init)
-- The role debezium (LOGIN REPLICATION) must exist: postgres/init/00-debezium-role.sh creates it.
\set ON_ERROR_STOP on

-- Heartbeat: Debezium writes here every heartbeat.interval.ms, so that a quiet database still moves the slot on.
CREATE SCHEMA IF NOT EXISTS cdc_appsync;
CREATE TABLE IF NOT EXISTS cdc_appsync.heartbeat (id int PRIMARY KEY, beat_at timestamptz NOT NULL);
GRANT USAGE ON SCHEMA cdc_appsync TO debezium;
GRANT SELECT, INSERT, UPDATE ON cdc_appsync.heartbeat TO debezium;

-- Signals (RUNBOOK.md, "Re-snapshot"): an INSERT of an execute-snapshot row here starts an incremental snapshot;
-- Debezium writes its snapshot window marks here too, hence INSERT. Layout per
-- https://debezium.io/documentation/reference/stable/configuration/signalling.html
CREATE TABLE IF NOT EXISTS cdc_appsync.debezium_signal (id varchar(42) PRIMARY KEY, type varchar(32) NOT NULL,
    data varchar(2048));
GRANT SELECT, INSERT ON cdc_appsync.debezium_signal TO debezium;

-- The captured tables: Odoo's products and variants, and, where website_sale is installed, the website categories
-- and their links to products (Odoo's many2many table, keyed by both ids). Odoo's internal product_category is not
-- captured: the website does not show it. Tables a database lacks (no website_sale) are left out.
DO $$
DECLARE
    wanted text[] := ARRAY['product_template', 'product_product', 'product_public_category',
                           'product_public_category_product_template_rel'];
    present text[];
    t text;
BEGIN
    SELECT array_agg(format('public.%I', name) ORDER BY ord) INTO present
    FROM unnest(wanted) WITH ORDINALITY AS w(name, ord)
    WHERE to_regclass(format('public.%I', name)) IS NOT NULL;
    FOREACH t IN ARRAY present LOOP
        -- Snapshot reads.
        EXECUTE format('GRANT SELECT ON %s TO debezium', t);
        -- DEFAULT is enough for the handler (the primary key identifies deletes: the link table's key is both
        -- ids); set here to make the choice visible.
        EXECUTE format('ALTER TABLE %s REPLICA IDENTITY DEFAULT', t);
    END LOOP;
    -- The publication Debezium reads (publication.autocreate.mode=disabled: the connector never needs to own
    -- tables).
    EXECUTE format('CREATE PUBLICATION cdc_appsync FOR TABLE %s, cdc_appsync.heartbeat, cdc_appsync.debezium_signal',
                   array_to_string(present, ', '));
END
$$;
