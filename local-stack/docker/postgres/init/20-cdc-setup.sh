#!/usr/bin/env bash
# Runs once: the publication, heartbeat table and grants of /cdc/cdc-setup.sql, in database "shop".
set -euo pipefail
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -f /cdc/cdc-setup.sql
