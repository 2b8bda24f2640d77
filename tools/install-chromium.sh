#!/usr/bin/env bash
# Install Debian's Chromium and a CJK font for the browser tests (idempotent).
# Needs root (or sudo) and access to the Debian package archive. Nothing is
# downloaded by Playwright itself: the tests drive /usr/bin/chromium.
set -euo pipefail

PKGS=(chromium fonts-noto-cjk)

have_font() { fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; }

if [ -x /usr/bin/chromium ] && have_font; then
    echo "install-chromium: /usr/bin/chromium and a CJK font already present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "install-chromium: ERROR: need root (or sudo) to apt-get install ${PKGS[*]}" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq; then
    echo "install-chromium: ERROR: 'apt-get update' failed (is the Debian archive reachable?)" >&2
    exit 1
fi
if ! $SUDO apt-get install -y -qq --no-install-recommends "${PKGS[@]}" >/dev/null; then
    echo "install-chromium: ERROR: 'apt-get install ${PKGS[*]}' failed" >&2
    exit 1
fi
if [ ! -x /usr/bin/chromium ]; then
    echo "install-chromium: ERROR: /usr/bin/chromium still missing after install" >&2
    exit 1
fi
echo "install-chromium: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) installed"
