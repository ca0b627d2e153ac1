#!/usr/bin/env bash
# The demo: build graywatch, serve the bundled sample marketplace on 127.0.0.1, scan it into
# graywatch-demo/demo.sqlite and print the review queue. Installs missing apt packages first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build --quiet --product graywatch
exec .build/debug/graywatch demo "$@"
