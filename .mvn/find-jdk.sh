# Sourced by ./mvnw and bin/cdc-appsync: makes JAVA_HOME point at a JDK 21 or newer.
# The project compiles with --release 21. When JAVA_HOME (or the java on PATH) is older, look for a
# newer JDK in the usual places, so that a machine whose default is JDK 17 still builds and runs.
# Set JAVA_HOME yourself to choose another.
cdc_java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
cdc_current_java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cdc_current_major="$(command -v "$cdc_current_java" >/dev/null 2>&1 && cdc_java_major "$cdc_current_java" || true)"
if [ -z "$cdc_current_major" ] || [ "$cdc_current_major" -lt 21 ]; then
  case $- in *f*) cdc_noglob=1; set +f ;; *) cdc_noglob= ;; esac
  for cdc_jdk in /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if [ -x "$cdc_jdk/bin/javac" ]; then
      cdc_major="$(cdc_java_major "$cdc_jdk/bin/java")"
      if [ -n "$cdc_major" ] && [ "$cdc_major" -ge 21 ]; then
        export JAVA_HOME="$cdc_jdk"
        break
      fi
    fi
  done
  [ -z "$cdc_noglob" ] || set -f
fi
