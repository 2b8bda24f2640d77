#!/usr/bin/env bash
# Builds a small Maven project of tools/ (target/classes + its jars in target/lib), only when
# needed: the build is missing or pom.xml / a source is newer than the last one. On failure prints
# Maven's output and exits non-zero. Usage: tools/maven-build.sh DIR MAIN_CLASS_FILE
set -euo pipefail

here="$(cd "$1" && pwd)"
main_class_file="$2"
target="$here/target"
stamp="$target/.build-stamp"

needs_build() {
    [[ -d "$target/classes" && -d "$target/lib" && -f "$stamp" ]] || return 0
    [[ -f "$target/classes/$main_class_file" ]] || return 0
    [[ -n "$(ls -A "$target/lib" 2>/dev/null)" ]] || return 0
    [[ -n "$(find "$here/pom.xml" "$here/src" -type f -newer "$stamp" -print -quit)" ]] && return 0
    return 1
}

needs_build || exit 0

# Serialize concurrent builds (e.g. parallel test workers); the lock lives outside target/,
# which `clean` deletes.
if command -v flock >/dev/null 2>&1; then
    lock="${TMPDIR:-/tmp}/kg-maven-build-$(printf '%s' "$here" | cksum | cut -d' ' -f1).lock"
    exec 9>"$lock"
    flock 9
    needs_build || exit 0
fi

command -v mvn >/dev/null 2>&1 || { echo "maven-build.sh: mvn (Maven) is not on PATH" >&2; exit 1; }

log="$(mktemp "${TMPDIR:-/tmp}/kg-maven-build.XXXXXX")"
trap 'rm -f "$log"' EXIT
# clean: stale jars in target/lib (e.g. after a version bump) would otherwise stay on the classpath.
if ! mvn -B -q -Dstyle.color=never -f "$here/pom.xml" clean package -DskipTests >"$log" 2>&1; then
    echo "maven-build.sh: Maven build of $here failed:" >&2
    cat "$log" >&2
    exit 1
fi
touch "$stamp"
