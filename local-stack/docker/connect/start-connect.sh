#!/usr/bin/env bash
# Entry point of the compose "connect" service: installs the two connector plugins (pinned versions, once per
# container, into a directory the image's user may write), writes the properties files the connector configs
# read through ${file:...}, then starts the worker.
set -euo pipefail
plugins=/home/appuser/connect-plugins   # on CONNECT_PLUGIN_PATH (docker-compose.yml)
mkdir -p "$plugins"
secrets=/etc/kafka-connect/secrets

if [ ! -d "$plugins/confluentinc-kafka-connect-aws-lambda" ]; then
  confluent-hub install --no-prompt --component-dir "$plugins" --worker-configs /dev/null \
    "confluentinc/kafka-connect-aws-lambda:${LAMBDA_SINK_VERSION}"
fi
if [ ! -d "$plugins/debezium-connector-postgres" ]; then
  curl -fsSL "https://repo1.maven.org/maven2/io/debezium/debezium-connector-postgres/${DEBEZIUM_VERSION}/debezium-connector-postgres-${DEBEZIUM_VERSION}-plugin.tar.gz" \
    | tar -xz -C "$plugins"
fi

# Local, throwaway values from the compose environment; in production these files come from your secret store.
mkdir -p "$secrets"
umask 077
cat > "$secrets/odoo-postgres.properties" <<PROPERTIES
host=postgres
port=5432
dbname=${CDC_DB_NAME}
user=debezium
password=${DEBEZIUM_DB_PASSWORD}
sslmode=disable
PROPERTIES
printf 'license=%s\n' "${CONFLUENT_LICENSE}" > "$secrets/confluent-license.properties"

exec /etc/confluent/docker/run
