# Sourced by the bin/ scripts (after they set $root): builds a tool's jar with the project's Maven wrapper when it is
# missing or older than anything it packages, which is the sources and pom of its module, of every project module
# it depends on (read from the poms, transitively; test-scope dependencies left out) and the parent pom. One copy of
# this rule, so that no tool runs stale after a change in a module it takes in (bin/doctor reads mappings with
# lambda-upsert's own loader, for example).

# The folder of the module whose artifactId is $1.
cdc_module_dir() {
  local pom
  for pom in "$root"/*/pom.xml "$root"/*/*/pom.xml; do
    if [ "$(sed -n '/<\/parent>/,$p' "$pom" | grep -m1 -o '<artifactId>[^<]*' | sed 's/<artifactId>//')" = "$1" ]; then
      dirname "$pom"
      return
    fi
  done
  echo "build-if-stale: no module with artifactId $1 under $root" >&2
  return 1
}

# The artifactIds of the project modules the module in folder $1 depends on at compile or runtime scope.
cdc_project_dependencies() {
  sed -n '/<dependencies>/,/<\/dependencies>/p' "$1/pom.xml" | tr -d ' \n\t' | sed 's#</dependency>#\n#g' \
    | grep '<groupId>com.cdcappsync</groupId><artifactId>' | grep -v '<scope>test</scope>' \
    | sed 's#.*<groupId>com.cdcappsync</groupId><artifactId>\([^<]*\)<.*#\1#' || true
}

# Every file and folder whose change makes module $1's jar stale: the module's and its project dependencies'
# src/main and pom.xml, then the parent pom.
cdc_build_inputs() {
  local seen=" " queue=("$1") artifact dir
  while [ ${#queue[@]} -gt 0 ]; do
    artifact="${queue[0]}"
    queue=("${queue[@]:1}")
    case "$seen" in *" $artifact "*) continue ;; esac
    seen="$seen$artifact "
    dir="$(cdc_module_dir "$artifact")" || return 1
    if [ -d "$dir/src/main" ]; then echo "$dir/src/main"; fi
    echo "$dir/pom.xml"
    # shellcheck disable=SC2207 # artifactIds have no spaces
    queue+=($(cdc_project_dependencies "$dir"))
  done
  echo "$root/pom.xml"
}

# True when $1 is missing or older than any of the other arguments (files or folders, searched whole).
cdc_stale() {
  [ ! -e "$1" ] || [ -n "$(find "${@:2}" -newer "$1" -print -quit 2>/dev/null)" ]
}

# cdc_build_if_stale JAR ARTIFACT [EXTRA_INPUT...] -- MAVEN_ARGS...: runs ./mvnw MAVEN_ARGS when JAR is stale
# against module ARTIFACT's inputs and the extra ones (for example files a module packages from outside src/main).
cdc_build_if_stale() {
  local jar="$1" artifact="$2" inputs=()
  shift 2
  while [ $# -gt 0 ] && [ "$1" != -- ]; do inputs+=("$1"); shift; done
  [ "${1:-}" = -- ] && shift
  local line
  while IFS= read -r line; do inputs+=("$line"); done < <(cdc_build_inputs "$artifact")
  if cdc_stale "$jar" "${inputs[@]}"; then
    echo "building $jar ..." >&2
    "$root/mvnw" -q -B -f "$root/pom.xml" "$@" >&2
  fi
}
