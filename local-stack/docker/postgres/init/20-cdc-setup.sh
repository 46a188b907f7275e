#!/usr/bin/env bash
# Runs once: the publication, heartbeat table and grants of /cdc/cdc-setup.sql, in database "shop".
# (bin/local-pipeline runs this same script against its throwaway cluster, with CDC_SETUP_SQL naming the file.)
set -euo pipefail
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -f "${CDC_SETUP_SQL:-/cdc/cdc-setup.sql}"
