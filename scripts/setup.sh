#!/usr/bin/env bash
# Installs what graywatch needs on a fresh Debian machine (run as root), skipping what is already there.
# Sourced by scripts/demo.sh and scripts/test.sh.
set -euo pipefail

# ensure_packages PACKAGE...: apt-get installs those not installed yet.
ensure_packages() {
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -gt 0 ] || return 0
    echo "graywatch setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    local sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_packages pkg-config libcurl4-openssl-dev libxml2-dev libsqlite3-dev libzstd-dev

if ! command -v swift >/dev/null 2>&1; then
    for candidate in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
        [ -x "$candidate/swift" ] && export PATH="$candidate:$PATH" && break
    done
fi
command -v swift >/dev/null 2>&1 || { echo "graywatch setup: Swift 6 toolchain not found (expected swift on PATH)" >&2; exit 2; }
