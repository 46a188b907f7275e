#!/usr/bin/env bash
# Runs once, when the data volume is created: the least-privileged role Debezium connects as.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -v pw="$DEBEZIUM_DB_PASSWORD" <<'SQL'
CREATE ROLE debezium WITH LOGIN REPLICATION PASSWORD :'pw';
SQL
