#!/usr/bin/env bash
# The test suite: real HTTP over loopback, libxml2 on real HTML, real SQLite files.
# Installs missing apt packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# warcio (PyPI) checks the WARC files graywatch writes.
python3 -c "import warcio" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check warcio
swift build
swift test
