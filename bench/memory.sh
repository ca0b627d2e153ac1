#!/usr/bin/env bash
# Memory: graywatch's peak RSS crawling 1,000 vs 100,000 item pages of the generated eBay-style marketplace, same
# settings as bench/crawl-vs-scrapy.sh (politeness off, 16 concurrent, full extract + score + store). Target: flat
# (the large run's peak within 20% of the small run's) and ≤ 150 MB.
#
# How to run:
#   bench/memory.sh                     # 1000 and 100000 (the 100k run takes many minutes; progress every 30 s)
#   bench/memory.sh 1000 20000          # other sizes; KEEP=1 keeps the stores (deleted at the end otherwise)
# Both marketplaces are generated with --templates: 100 item pages of ~370 KB with a placeholder id, served by
# nginx for /itm/<id> from tpl/item-<last two digits>.html with the id written in by sub_filter, so 100,000
# distinct listings need 37 MB of templates (plus the N/50 search pages as files, ~1 MB each) instead of 37 GB.
# The store gets every body (gzip, ~90 KB a page): ~9 GB for 100,000 pages, so the script checks `df` first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
source bench/crawl/nginx.sh
source bench/crawl/bench_rules.sh
small="${1:-1000}"
large="${2:-100000}"
data=bench/.data
run="$data/memory-run"
mkdir -p "$data" "$run"
[ -f "$data/.gitignore" ] || echo '*' > "$data/.gitignore"

need_gb=$(( (large * 110 / 1024 + (large / 50) * 1100 / 1024) / 1024 + 2 ))
free_gb=$(df -Pk "$data" | awk 'NR==2 {print int($4 / 1024 / 1024)}')
echo "memory bench: $small and $large item pages; about $need_gb GB needed in $data, $free_gb GB free" >&2
[ "$free_gb" -ge "$need_gb" ] || { echo "memory bench: not enough disk in $data ($free_gb GB free, $need_gb GB needed)" >&2; exit 2; }

swift build -c release --product graywatch > "$run/build.log" 2>&1 || { tail -30 "$run/build.log" >&2; exit 2; }
graywatch="$(swift build -c release --product graywatch --show-bin-path)/graywatch"
bench_rules "$data/rules-bench"
trap 'nginx_stop; [ "${KEEP:-0}" = 1 ] || rm -f "$data"/memory-*.sqlite*' EXIT INT TERM
status=0
for count in "$small" "$large"; do
    market="$data/market-$count-tpl"
    python3 bench/crawl/generate.py --items "$count" --templates --out "$market"
    pages_search=$(python3 -c "import json;print(json.load(open('$market/market.json'))['search_pages'])")
    nginx_stop
    nginx_start "$market"
    db="$data/memory-$count.sqlite"
    rm -f "$db" "$db-wal" "$db-shm"
    echo "== graywatch scan of $count item pages + $pages_search search pages; load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    python3 bench/crawl/measure.py --json "$run/graywatch-$count.json" --log "$run/graywatch-$count.log" \
        --server-pid "$NGINX_PID" --progress 30 --sample 1 --progress-sqlite "$db" -- \
        "$graywatch" scan "http://127.0.0.1:$CRAWL_PORT/sch/juniper-networks/page-1.html" --db "$db" \
        --rules "$data/rules-bench" --delay 0 --concurrency 16 --per-host 16 \
        --max-pages $((count + pages_search + 10)) --max-depth $((pages_search + 5)) --marketplace ebay \
        --contact mailto:bench@127.0.0.1 || echo "graywatch exited $?" >&2
    grep -E '^(Scan run|Responses|[0-9]+ page\(s\) failed)' "$run/graywatch-$count.log" >&2 || tail -5 "$run/graywatch-$count.log" >&2
    python3 bench/crawl/check.py graywatch --db "$db" --expected "$market/expected.csv" --sample 2000 \
        --json "$run/check-$count.json" >&2 || status=1
    du -sh "$db" >&2 || true
done

echo
echo "### Memory: graywatch peak RSS, $small vs $large item pages (16 concurrent, loopback nginx, sub_filter templates)"
echo
python3 - "$run" "$small" "$large" <<'PY'
import json, re, sys
from pathlib import Path
run, sizes = Path(sys.argv[1]), sys.argv[2:]
print("| item pages | pages fetched | wall s | pages/s | CPU ms/page | RSS at 25% / 50% / 75% of the run, MB | peak RSS MB | store GB |")
print("| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |")
peaks = []
for n in sizes:
    m = json.loads((run / f"graywatch-{n}.json").read_text())
    log = (run / f"graywatch-{n}.log").read_text(errors="replace")
    found = re.search(r"Scan run \d+: \d+ pages \((\d+) search, (\d+) item", log)
    pages = int(found.group(1)) + int(found.group(2)) if found else None
    samples = m["rss_samples_mb"] or [[0, 0]]
    quarter = lambda q: samples[min(len(samples) - 1, int(len(samples) * q))][1]
    db = Path(f"bench/.data/memory-{n}.sqlite")
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 1e9 if db.exists() else None
    rate = pages / m["wall_s"] if pages else None
    cpu_ms = m["cpu_s"] * 1000 / pages if pages else None
    print(f"| {int(n):,} | {pages or '—'} | {m['wall_s']:.0f} | {rate or 0:.0f} | {cpu_ms or 0:.2f} | "
          f"{quarter(0.25):.0f} / {quarter(0.5):.0f} / {quarter(0.75):.0f} | {m['peak_rss_mb']:.0f} | {size or 0:.2f} |")
    peaks.append(m["peak_rss_mb"])
flat = peaks[1] <= peaks[0] * 1.2
print()
print(f"flat (the {int(sizes[1]):,}-page peak within 20% of the {int(sizes[0]):,}-page peak): {'yes' if flat else 'no'} "
      f"({peaks[1]:.0f} vs {peaks[0]:.0f} MB, {peaks[1] / peaks[0]:.2f}x); ≤ 150 MB: "
      f"{'met' if max(peaks) <= 150 else 'missed'} (max {max(peaks):.0f} MB)")
for n in sizes:
    c = json.loads((run / f"check-{n}.json").read_text())
    print(f"check {n}: {c['extracted']}/{c['expected']} listings, {c['compared']} compared: {'OK' if c['ok'] else str(c['mismatches']) + ' problem(s)'}")
PY
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), $(nginx_version), libxml2 $(dpkg-query -W -f='${Version}' libxml2)"
exit $status
