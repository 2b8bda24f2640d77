#!/usr/bin/env bash
# Builds the Neo4j test server (tools/neo4j-server) with Maven when needed; the first build
# downloads ~125 MB of jars from Maven Central into ~/.m2.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec bash "$here/../maven-build.sh" "$here" kg/neo4j/Server.class
