#!/usr/bin/env bash
# Pipeline vs parse floor: over the crawl benchmark's item pages, libxml2's own parse of each page (htmlCtxtReadMemory
# with graywatch's options, then xmlFreeDoc) against graywatch's whole per-page work after the fetch (charset
# decoding, parse, extract, enrich, score), one thread, in one process run, release build. Target: ≤ 1.25x.
#   bench/pipeline-floor.sh [N]      N: the marketplace of bench/crawl-vs-scrapy.sh to read (default 3000; generated
#                                    when missing); SECONDS_PER_RUN (default 5), LIMIT pages (default 500)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
count="${1:-3000}"
market="bench/.data/market-$count"
source bench/crawl/bench_rules.sh
python3 bench/crawl/generate.py --items "$count" --out "$market"
bench_rules bench/.data/rules-bench
swift build -c release --product graywatch-bench >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(date -u '+%Y-%m-%d %H:%M UTC')"
.build/release/graywatch-bench pipeline --pages "$market/itm" --url-prefix "http://127.0.0.1:8089/itm/" \
    --rules bench/.data/rules-bench --seconds "${SECONDS_PER_RUN:-5}" --limit "${LIMIT:-500}"
