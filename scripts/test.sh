#!/usr/bin/env bash
# The test suite: real HTTP over loopback, libxml2 on real HTML, real SQLite files.
# Installs missing apt packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build
swift test
