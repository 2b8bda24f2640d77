#!/usr/bin/env bash
# Builds the Jena query runner (tools/jena-check) with Maven when needed; the first build
# downloads ~15 MB of jars from Maven Central into ~/.m2.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec bash "$here/../maven-build.sh" "$here" kg/jena/RunQuery.class
