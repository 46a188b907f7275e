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

-- Snapshot reads.
GRANT SELECT ON public.product_template, public.product_category, public.product_product TO debezium;

-- DEFAULT is enough for the handler (the primary key identifies deletes); shown here to make the choice visible.
ALTER TABLE public.product_template REPLICA IDENTITY DEFAULT;
ALTER TABLE public.product_category REPLICA IDENTITY DEFAULT;
ALTER TABLE public.product_product REPLICA IDENTITY DEFAULT;

-- The publication Debezium reads (publication.autocreate.mode=disabled: the connector never needs to own tables).
CREATE PUBLICATION cdc_appsync FOR TABLE public.product_template, public.product_category, public.product_product,
    cdc_appsync.heartbeat, cdc_appsync.debezium_signal;
