#!/usr/bin/env bash
# The test suite: real HTTP over loopback, libxml2 on real HTML, real SQLite files, and the review UI in a real
# headless Chromium, and a real PostgreSQL server. Installs missing apt (chromium, chromium-driver, postgresql) and PyPI
# (warcio, selenium) packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# warcio (PyPI) checks the WARC files graywatch writes.
python3 -c "import warcio" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check warcio
# Headless Chromium driven by selenium for the review UI (Tests/browser); nothing is downloaded at run time.
ensure_packages chromium chromium-driver fonts-liberation
python3 -c "import selenium" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check selenium
# PostgreSQL (Debian's postgresql) on 127.0.0.1 for the store suite and the worker tests; exports GRAYWATCH_TEST_POSTGRES.
source scripts/postgres.sh
swift build
swift test
# The same store, scan, export and web suites again, every store on PostgreSQL.
GRAYWATCH_STORE_BACKEND=postgres swift test --skip-build \
    --filter 'GraywatchStoreTests|GraywatchScanTests|GraywatchExportTests|GraywatchWebTests'
SE_OFFLINE=true python3 Tests/browser/review_ui_test.py
