#!/bin/sh
# cdk.json's "app" command: runs the CDK app (com.cdcappsync.infra.CdcAppSyncApp) with `java -cp`, on the
# classes and classpath the Maven build leaves in target/. When they are missing, or older than the sources
# or a pom, it builds them first (../mvnw -f ../pom.xml -pl infra-cdk -am -DskipTests compile: the modules it
# depends on, api-manifest among them, come from the same build, never from an install), so `npx cdk synth` always runs
# the current code; otherwise no Maven runs and synth starts in seconds. Nothing here needs the network once
# Maven has resolved the dependencies (that first build does).
set -eu
cd "$(dirname "$0")"

# A JDK 21+ (the classes are compiled with --release 21): the same lookup ./mvnw uses.
. ../.mvn/find-jdk.sh
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# jsii (the bridge to the CDK's JavaScript) prints a large banner on Node.js 20, end-of-life since 2026-04;
# it still works. Silenced for 20 only: use Node.js 22 or 24 when you can (README, Prerequisites).
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-20}"

stamp=target/cdk-app.stamp
if [ ! -f "$stamp" ] || [ ! -f target/cdk-classpath.txt ] || \
   [ -n "$(find src/main pom.xml ../pom.xml -newer "$stamp" 2>/dev/null | head -n 1)" ]; then
  echo "infra-cdk: building the CDK app (../mvnw -q -B -f ../pom.xml -pl infra-cdk -am -DskipTests compile)" >&2
  ../mvnw -q -B -f ../pom.xml -pl infra-cdk -am -DskipTests compile >&2
  touch "$stamp"
fi

exec "$java_bin" -cp "target/classes:$(cat target/cdk-classpath.txt)" com.cdcappsync.infra.CdcAppSyncApp "$@"
