#!/usr/bin/env bash
# Crawl vs Scrapy: graywatch and a Scrapy 2.19 spider crawl the same generated eBay-style marketplace (N item pages of
# ~370 KB in current eBay markup, N/50 search pages) served by a private nginx on 127.0.0.1; each runs under
# bench/crawl/measure.py (os.wait4 rusage: CPU = user + system, peak RSS = ru_maxrss; wall clock). Prints a Markdown
# table (pages, wall s, pages/s, CPU s, CPU ms/page, peak RSS MB), the graywatch/Scrapy ratios against the targets
# (≥ 3.5x pages/s, ≤ 0.6x CPU s/page, peak RSS ≤ 150 MB, ≥ 90% of the 2-core libxml2 parse ceiling) and the machine.
#
# How to run:
#   bench/crawl-vs-scrapy.sh            # N = 3000 item pages (bench/.data/market-3000, generated once, ~1.1 GB)
#   bench/crawl-vs-scrapy.sh 1000
#   ONLY=graywatch bench/crawl-vs-scrapy.sh     (or ONLY=scrapy)   CRAWL_PORT=18481 to use another port
# graywatch: `scan http://127.0.0.1:PORT/sch/juniper-networks/page-1.html --db bench/.data/crawl.sqlite (new file)
# --rules bench/.data/rules-bench --delay 0 --concurrency 16 --per-host 16 --marketplace ebay` with --max-pages and
# --max-depth raised to fit the marketplace: full extract + enrich + score + store, robots.txt obeyed.
# Scrapy: `scrapy runspider bench/crawl/spider.py` (16 concurrent, 16 per domain, no delay, AutoThrottle off,
# robots.txt obeyed, no cache, items to a JSON-lines feed). Both must extract every listing with the title, price,
# currency, seller and condition of expected.csv (bench/crawl/check.py); the script exits 1 if not, 0 otherwise
# (a missed speed target is a result, not a failure). Everything it writes stays in bench/.data (gitignored);
# run figures in bench/.data/crawl-run-N/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
source bench/crawl/nginx.sh
source bench/crawl/bench_rules.sh
count="${1:-3000}"
only="${ONLY:-both}"
data=bench/.data
market="$data/market-$count"
run="$data/crawl-run-$count"
mkdir -p "$data" "$run"
[ -f "$data/.gitignore" ] || echo '*' > "$data/.gitignore"

echo "== building graywatch (release)" >&2
swift build -c release --product graywatch > "$run/build.log" 2>&1 || { tail -30 "$run/build.log" >&2; exit 2; }
graywatch="$(swift build -c release --product graywatch --show-bin-path)/graywatch"
python3 -c 'import scrapy, sys; sys.exit(0 if scrapy.__version__.startswith("2.19.") else 1)' 2>/dev/null \
    || python3 -m pip install -q 'scrapy==2.19.*'
echo "== marketplace" >&2
python3 bench/crawl/generate.py --items "$count" --out "$market"
bench_rules "$data/rules-bench"
pages_search=$(python3 -c "import json;print(json.load(open('$market/market.json'))['search_pages'])")

trap nginx_stop EXIT INT TERM
nginx_start "$market"
start="http://127.0.0.1:$CRAWL_PORT/sch/juniper-networks/page-1.html"
server_pids=(--server-pid "$NGINX_PID")

python3 - "$run/machine.json" <<PY
import json, os, platform, subprocess, sys, time
import scrapy, lxml, lxml.etree, parsel
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
lib = subprocess.run(["dpkg-query", "-W", "-f=\${Version}", "libxml2"], capture_output=True, text=True).stdout
json.dump({"cores": os.cpu_count(), "cpu": cpu, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
           "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()), "nginx": "$(nginx_version)",
           "libxml2": lib or "?", "scrapy": scrapy.__version__, "lxml": lxml.__version__,
           "lxml_libxml2": ".".join(map(str, lxml.etree.LIBXML_VERSION)), "parsel": parsel.__version__,
           "python": platform.python_version()}, open(sys.argv[1], "w"), indent=1)
PY
echo "== warming the page cache, parse ceiling" >&2
cat "$market"/itm/* > /dev/null 2>&1 || true
python3 bench/crawl/parse_ceiling.py "$market" --cores "$(nproc)" --json "$run/ceiling.json"
status=0

if [ "$only" != scrapy ]; then
    echo "== graywatch scan ($count items, $pages_search search pages); load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    rm -f "$data/crawl.sqlite" "$data/crawl.sqlite-wal" "$data/crawl.sqlite-shm"
    python3 bench/crawl/measure.py --json "$run/graywatch.json" --log "$run/graywatch.log" "${server_pids[@]}" --progress 10 \
        --progress-sqlite "$data/crawl.sqlite" -- \
        "$graywatch" scan "$start" --db "$data/crawl.sqlite" --rules "$data/rules-bench" --delay 0 \
        --concurrency 16 --per-host 16 --max-pages $((count + pages_search + 10)) --max-depth $((pages_search + 5)) \
        --marketplace ebay --contact mailto:bench@127.0.0.1 || echo "graywatch exited $?" >&2
    grep -E '^(Scan run|Responses|Review queue|[0-9]+ page\(s\) failed)' "$run/graywatch.log" >&2 || tail -5 "$run/graywatch.log" >&2
    python3 bench/crawl/check.py graywatch --db "$data/crawl.sqlite" --expected "$market/expected.csv" \
        --json "$run/check-graywatch.json" >&2 || status=1
fi
if [ "$only" != graywatch ]; then
    echo "== Scrapy spider; load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    rm -f "$run/scrapy-items.jsonl" "$run/scrapy-stats.json"
    python3 bench/crawl/measure.py --json "$run/scrapy.json" --log "$run/scrapy.log" "${server_pids[@]}" --progress 10 -- \
        python3 -m scrapy runspider bench/crawl/spider.py -a "start=$start" -a "stats=$run/scrapy-stats.json" \
        -s FEEDS="{\"$run/scrapy-items.jsonl\": {\"format\": \"jsonlines\", \"overwrite\": true}}" || echo "scrapy exited $?" >&2
    python3 bench/crawl/check.py scrapy --feed "$run/scrapy-items.jsonl" --expected "$market/expected.csv" \
        --json "$run/check-scrapy.json" >&2 || status=1
fi
python3 -c "import json,os,sys; p=sys.argv[1]; m=json.load(open(p)); m['load_after']=' '.join(f'{x:.2f}' for x in os.getloadavg()); json.dump(m,open(p,'w'),indent=1)" "$run/machine.json"
echo
echo "### Crawl vs Scrapy: $count item pages + $pages_search search pages (~$(python3 -c "import json;m=json.load(open('$market/market.json'));print(m['item_kb'])") KB items), 16 concurrent, loopback nginx"
echo
python3 bench/crawl/report.py "$run"
exit $status
