#!/usr/bin/env bash
# The test suite: real HTTP over loopback, libxml2 on real HTML, real SQLite files, and the review UI in a real
# headless Chromium. Installs missing apt (chromium, chromium-driver) and PyPI (warcio, selenium) packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# warcio (PyPI) checks the WARC files graywatch writes.
python3 -c "import warcio" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check warcio
# Headless Chromium driven by selenium for the review UI (Tests/browser); nothing is downloaded at run time.
ensure_packages chromium chromium-driver fonts-liberation
python3 -c "import selenium" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check selenium
swift build
swift test
SE_OFFLINE=true python3 Tests/browser/review_ui_test.py
