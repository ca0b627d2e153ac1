#!/usr/bin/env bash
# Rules scaling: per-page time (parse + extract + enrich + score) with 10 rules and with 1,000 rules, over the
# sample marketplace's item pages, in a release build. Prints both figures and their ratio (target: ≤ 2x).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --product graywatch-bench >/dev/null
bin=.build/release/graywatch-bench
small=$("$bin" rules --count 10 --seconds "${SECONDS_PER_RUN:-5}")
large=$("$bin" rules --count 1000 --seconds "${SECONDS_PER_RUN:-5}")
echo "$small"
echo "$large"
python3 - "$small" "$large" <<'PY'
import sys
def figures(line): return dict(part.split("=") for part in line.split())
a, b = figures(sys.argv[1]), figures(sys.argv[2])
print(f"| rules | per page (ms) | scoring per page (ms) |\n| ---: | ---: | ---: |")
for f in (a, b): print(f"| {f['rules']} | {f['per_page_ms']} | {f['scoring_per_page_ms']} |")
print(f"ratio 1,000 vs 10 rules, per page: {float(b['per_page_ms'])/float(a['per_page_ms']):.2f}x (target ≤ 2x)")
PY
