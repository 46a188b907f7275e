#!/usr/bin/env bash
# Regenerates the Debezium decoder fixtures from a real PostgreSQL and real Debezium engines.
#
#   lambda-upsert/fixture-generator/regenerate.sh
#
# Starts a throwaway PostgreSQL (loopback only, temp data dir, wal_level=logical), creates the
# Odoo-like schema (sql/schema.sql), builds and runs the generator (which runs the scenario and
# captures it with one Debezium engine per setting), replaces the fixture folder, then stops the
# server and deletes the data dir and this project's target/. Safe to run again; see README.md.
#
# Environment (all optional):
#   PGPORT        port for the throwaway server            (default 55432)
#   JAVA_HOME     JDK 21+ used to build and run            (default temurin 25 if present)
#   FIXTURES_DIR  where the fixture folders go             (default ../src/test/resources/fixtures/debezium)
#   SAMPLE_FILE   bundled CLI sample                       (default ../samples/odoo-product-changes.json)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(cd "$HERE/.." && pwd)"
FIXTURES_DIR="${FIXTURES_DIR:-$MODULE/src/test/resources/fixtures/debezium}"
SAMPLE_FILE="${SAMPLE_FILE:-$MODULE/samples/odoo-product-changes.json}"
export PGHOST=127.0.0.1 PGPORT="${PGPORT:-55432}" PGDATABASE=odoo PGUSER=postgres PGPASSWORD=postgres

log() { echo "[regenerate] $*"; }

# --- JDK ----------------------------------------------------------------------------------------
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java_major="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if (( java_major < 21 )); then
  echo "JDK 21 or newer needed (found $java_major); set JAVA_HOME" >&2
  exit 1
fi

# --- PostgreSQL binaries (installed from Debian if missing) --------------------------------------
find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
PG_BIN="$(find_pg_bin)"
if [[ -z "$PG_BIN" || ! -x "$PG_BIN/postgres" ]]; then
  log "installing PostgreSQL with apt-get"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PG_BIN="$(find_pg_bin)"
fi
log "PostgreSQL binaries: $PG_BIN"

# The server refuses to run as root: use the postgres account when we are root.
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Leftovers of an earlier run that was killed before its cleanup: stop and delete them.
for stale in /tmp/fixture-generator.*; do
  [[ -d "$stale" ]] || continue
  if [[ -f "$stale/data/postmaster.pid" ]]; then
    log "stopping a server left by an earlier run in $stale"
    as_pg "$PG_BIN/pg_ctl" -D "$stale/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$stale"
done

if "$PG_BIN/pg_isready" -q -h "$PGHOST" -p "$PGPORT"; then
  echo "something already listens on $PGHOST:$PGPORT; stop it or set PGPORT" >&2
  exit 1
fi

WORK="$(mktemp -d /tmp/fixture-generator.XXXXXX)"
DATA="$WORK/data"
cleanup() {
  status=$?
  if [[ -f "$DATA/postmaster.pid" ]]; then
    log "stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$WORK" "$HERE/target"
  exit $status
}
trap cleanup EXIT
[[ "$(id -u)" == 0 ]] && chown postgres: "$WORK"

# --- throwaway server ----------------------------------------------------------------------------
log "initdb in $DATA"
as_pg "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$WORK/postgres.log" -w start -o "\
  -c listen_addresses=127.0.0.1 -c port=$PGPORT -c unix_socket_directories=$WORK \
  -c wal_level=logical -c max_replication_slots=16 -c max_wal_senders=16 \
  -c timezone=UTC -c fsync=off" >/dev/null
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') listening on $PGHOST:$PGPORT"

"$PG_BIN/createdb" odoo
"$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -f "$HERE/sql/schema.sql"

# --- build and run the generator -----------------------------------------------------------------
log "building the generator"
mvn -q -B -Dstyle.color=never -f "$HERE/pom.xml" package
OUT="$WORK/out"
log "capturing"
"$JAVA" -Duser.timezone=UTC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$HERE/target/classes:$HERE/target/lib/*" \
  com.cdcappsync.fixtures.FixtureGenerator "$OUT/fixtures" "$OUT/sample.json"

# --- replace the fixtures only after a fully checked run ----------------------------------------
# Each generated setting folder and SCENARIO.md is replaced whole; other files there are left alone.
mkdir -p "$FIXTURES_DIR" "$(dirname "$SAMPLE_FILE")"
for generated in "$OUT/fixtures"/*; do
  rm -rf "$FIXTURES_DIR/$(basename "$generated")"
  cp -r "$generated" "$FIXTURES_DIR/"
done
cp "$OUT/sample.json" "$SAMPLE_FILE"
log "fixtures written to $FIXTURES_DIR"
