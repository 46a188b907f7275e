#!/usr/bin/env bash
# Regenerates the Debezium decoder fixtures from a real PostgreSQL and real Debezium engines.
#
#   lambda-upsert/fixture-generator/regenerate.sh [all|products|storefront]
#
# Starts a throwaway PostgreSQL (loopback only, temp data dir, wal_level=logical), then runs the two
# scenarios one after the other (argument: both by default, or only one of them):
#   products    database odoo (sql/schema.sql), FixtureGenerator -> fixtures/debezium + the CLI sample
#   storefront  databases storefront and odoo_no_website (sql/storefront*.sql), created only after the
#               products scenario finished, StorefrontGenerator -> fixtures/debezium-storefront
# Each generator runs its scenario and captures it with one Debezium engine per setting. The fixture
# folders are replaced only after every selected generator passed its checks; then the server is
# stopped and the data dir and this project's target/ deleted. Safe to run again; see README.md.
#
# Environment (all optional):
#   PGPORT        port for the throwaway server            (default 55432)
#   JAVA_HOME     JDK 21+ used to build and run            (default: the one ./mvnw picks)
#   FIXTURES_DIR  where the fixture folders go             (default ../src/test/resources/fixtures/debezium)
#   SAMPLE_FILE   bundled CLI sample                       (default ../samples/odoo-product-changes.json)
#   STOREFRONT_DIR where the storefront folders go  (default ../src/test/resources/fixtures/debezium-storefront)
#   MAVEN_ARGS    extra Maven options, e.g. -Dmaven.repo.local=... (passed explicitly: Maven < 3.9 ignores it)
set -euo pipefail

SCENARIOS="${1:-all}"
case "$SCENARIOS" in
  all|products|storefront) ;;
  *) echo "usage: $0 [all|products|storefront]" >&2; exit 2 ;;
esac
run_products() { [[ "$SCENARIOS" == all || "$SCENARIOS" == products ]]; }
run_storefront() { [[ "$SCENARIOS" == all || "$SCENARIOS" == storefront ]]; }

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(cd "$HERE/.." && pwd)"
ROOT="$(cd "$MODULE/.." && pwd)"
FIXTURES_DIR="${FIXTURES_DIR:-$MODULE/src/test/resources/fixtures/debezium}"
SAMPLE_FILE="${SAMPLE_FILE:-$MODULE/samples/odoo-product-changes.json}"
STOREFRONT_DIR="${STOREFRONT_DIR:-$MODULE/src/test/resources/fixtures/debezium-storefront}"
export PGHOST=127.0.0.1 PGPORT="${PGPORT:-55432}" PGDATABASE=odoo PGUSER=postgres PGPASSWORD=postgres

log() { echo "[regenerate] $*"; }

# --- JDK: the build's own finder (JAVA_HOME, PATH, /usr/lib/jvm, /opt/java) ---------------------
. "$ROOT/.mvn/find-jdk.sh"
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

# --- build the generator -------------------------------------------------------------------------
log "building the generator"
# A module of the parent pom: the project's Maven wrapper builds it alone (it depends on no other module).
# shellcheck disable=SC2086 # MAVEN_ARGS holds several options
"$ROOT/mvnw" ${MAVEN_ARGS:-} -q -B -Dstyle.color=never -f "$ROOT/pom.xml" -pl lambda-upsert/fixture-generator \
  package -DskipTests
OUT="$WORK/out"
generator() {
  "$JAVA" -Duser.timezone=UTC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$HERE/target/classes:$HERE/target/lib/*" "$@"
}

# --- products scenario (database odoo) -----------------------------------------------------------
if run_products; then
  "$PG_BIN/createdb" odoo
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -f "$HERE/sql/schema.sql"
  log "capturing the products scenario"
  generator com.cdcappsync.fixtures.FixtureGenerator "$OUT/fixtures" "$OUT/sample.json"
fi

# --- storefront scenario (databases storefront, odoo_no_website), after the products scenario ----
# Own databases, created only now: the products scenario's WAL is the same as without it.
if run_storefront; then
  "$PG_BIN/createdb" storefront
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d storefront -f "$HERE/sql/storefront.sql"
  "$PG_BIN/createdb" odoo_no_website
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d odoo_no_website -f "$HERE/sql/storefront-no-website-sale.sql"
  log "capturing the storefront scenario"
  generator com.cdcappsync.fixtures.StorefrontGenerator "$OUT/storefront"
fi

# --- replace the fixtures only after every selected scenario passed its checks -------------------
# Each generated setting folder and SCENARIO.md is replaced whole; other files there are left alone.
replace_folders() { # <generated dir> <target dir>
  mkdir -p "$2"
  for generated in "$1"/*; do
    rm -rf "${2:?}/$(basename "$generated")"
    cp -r "$generated" "$2/"
  done
  log "fixtures written to $2"
}
if run_products; then
  replace_folders "$OUT/fixtures" "$FIXTURES_DIR"
  mkdir -p "$(dirname "$SAMPLE_FILE")"
  cp "$OUT/sample.json" "$SAMPLE_FILE"
fi
if run_storefront; then
  replace_folders "$OUT/storefront" "$STOREFRONT_DIR"
fi
