#!/usr/bin/env bash
# Builds the Neo4j test server (tools/neo4j-server) with Maven, only when needed:
# target/classes or target/lib is missing, or pom.xml / a Java source is newer than the last build.
# Works from any cwd. On failure prints Maven's output and exits non-zero.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/target"
stamp="$target/.build-stamp"

needs_build() {
    [[ -d "$target/classes" && -d "$target/lib" && -f "$stamp" ]] || return 0
    [[ -n "$(ls -A "$target/lib" 2>/dev/null)" ]] || return 0
    [[ -f "$target/classes/kg/neo4j/Server.class" ]] || return 0
    [[ -n "$(find "$here/pom.xml" "$here/src" -type f -newer "$stamp" -print -quit)" ]] && return 0
    return 1
}

if ! needs_build; then
    exit 0
fi

command -v mvn >/dev/null 2>&1 || { echo "build.sh: mvn (Maven) not found on PATH" >&2; exit 1; }

log="$(mktemp "${TMPDIR:-/tmp}/kg-neo4j-build.XXXXXX")"
trap 'rm -f "$log"' EXIT
# clean: stale jars in target/lib (e.g. after a version bump) would end up on the classpath.
if ! mvn -B -q -f "$here/pom.xml" clean package -DskipTests >"$log" 2>&1; then
    echo "build.sh: Maven build of $here failed:" >&2
    cat "$log" >&2
    exit 1
fi
touch "$stamp"
