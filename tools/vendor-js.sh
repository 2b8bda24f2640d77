#!/usr/bin/env bash
# Vendor cytoscape.js (MIT, dependency-free) from the npm registry into
# kg/export/assets/. The HTML export inlines it, so the page needs no network.
# Usage: tools/vendor-js.sh [VERSION_SPEC]   (default: cytoscape@3)
set -euo pipefail

SPEC="${1:-cytoscape@3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/kg/export/assets"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

command -v npm >/dev/null || { echo "vendor-js: ERROR: npm not found" >&2; exit 1; }

cd "$TMP"
TARBALL="$(npm pack --silent "$SPEC" | tail -n 1)"
tar -xzf "$TARBALL"
VERSION="$(node -p 'require("./package/package.json").version')"

mkdir -p "$DEST"
cp package/dist/cytoscape.min.js "$DEST/cytoscape.min.js"
cp package/LICENSE "$DEST/cytoscape.LICENSE"
SHA="$(sha256sum "$DEST/cytoscape.min.js" | cut -d' ' -f1)"
printf 'cytoscape %s npm:%s sha256:%s\n' "$VERSION" "$SPEC" "$SHA" > "$DEST/VERSIONS"
[ -f "$DEST/__init__.py" ] || : > "$DEST/__init__.py"
echo "vendor-js: cytoscape $VERSION -> $DEST"
