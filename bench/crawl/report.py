#!/usr/bin/env python3
"""Prints the crawl benchmark's table (Markdown) from the files bench/crawl-vs-scrapy.sh leaves in its run folder.

How to run (the bench does it):  python3 bench/crawl/report.py RUN_FOLDER
Reads graywatch.json / scrapy.json (measure.py), graywatch.log (the scan report), scrapy-stats.json,
ceiling.json, machine.json and check-*.json. Pages = search + item pages fetched (robots.txt not counted).
"""

import json
import re
import sys
from pathlib import Path

TARGET_RATE, TARGET_CPU, TARGET_RSS, TARGET_CEILING = 3.5, 0.6, 150.0, 0.9


def load(folder: Path, name: str) -> dict:
    path = folder / name
    return json.loads(path.read_text()) if path.exists() else {}


def graywatch_pages(log: str) -> tuple:
    match = re.search(r"Scan run \d+: (\d+) pages \((\d+) search, (\d+) item, (\d+) other\) in ([\d.]+)s", log)
    if not match:
        return None, None
    return int(match.group(2)) + int(match.group(3)), float(match.group(5))


def scrapy_pages(stats: dict) -> tuple:
    if not stats:
        return None, None
    pages = stats.get("response_received_count", 0) - stats.get("robotstxt/response_count", 0)
    return pages, stats.get("elapsed_time_seconds") or stats.get("crawl_seconds")


def row(tool: str, pages, run: dict, own_s) -> dict:
    wall, cpu = run.get("wall_s"), run.get("cpu_s")
    return {"tool": tool, "pages": pages, "wall": wall, "rate": pages / wall if pages and wall else None,
            "cpu": cpu, "cpu_ms": cpu * 1000 / pages if pages and cpu is not None else None,
            "rss": run.get("peak_rss_mb"), "own_s": own_s, "server_cpu": run.get("server_cpu_s"),
            "user": run.get("user_s"), "sys": run.get("sys_s")}


def fmt(value, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def verdict(ok) -> str:
    return "—" if ok is None else ("met" if ok else "missed")


def main() -> int:
    folder = Path(sys.argv[1])
    gw_pages, gw_own = graywatch_pages((folder / "graywatch.log").read_text(errors="replace")
                                       if (folder / "graywatch.log").exists() else "")
    sc_pages, sc_own = scrapy_pages(load(folder, "scrapy-stats.json"))
    rows = [row("graywatch", gw_pages, load(folder, "graywatch.json"), gw_own),
            row("Scrapy 2.19", sc_pages, load(folder, "scrapy.json"), sc_own)]
    print("| tool | pages fetched | wall s | pages/s | CPU s (user+sys) | CPU ms/page | peak RSS MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['tool']} | {fmt(r['pages'], 'd')} | {fmt(r['wall'], '.1f')} | {fmt(r['rate'], '.0f')} | "
              f"{fmt(r['cpu'], '.1f')} ({fmt(r['user'], '.1f')}+{fmt(r['sys'], '.1f')}) | {fmt(r['cpu_ms'], '.2f')} | {fmt(r['rss'], '.0f')} |")
    gw, sc = rows
    rate_ratio = gw["rate"] / sc["rate"] if gw["rate"] and sc["rate"] else None
    cpu_ratio = gw["cpu_ms"] / sc["cpu_ms"] if gw["cpu_ms"] and sc["cpu_ms"] else None
    ceiling = load(folder, "ceiling.json")
    ceiling_share = gw["rate"] / ceiling["ceiling_pages_s"] if gw["rate"] and ceiling.get("ceiling_pages_s") else None
    print()
    print("| graywatch vs Scrapy | figure | target | |")
    print("| --- | ---: | ---: | --- |")
    print(f"| pages/s ratio | {fmt(rate_ratio, '.2f')}x | ≥ {TARGET_RATE}x | {verdict(None if rate_ratio is None else rate_ratio >= TARGET_RATE)} |")
    print(f"| CPU s/page ratio | {fmt(cpu_ratio, '.2f')}x | ≤ {TARGET_CPU}x | {verdict(None if cpu_ratio is None else cpu_ratio <= TARGET_CPU)} |")
    print(f"| graywatch peak RSS | {fmt(gw['rss'], '.0f')} MB | ≤ {TARGET_RSS:.0f} MB | {verdict(None if gw['rss'] is None else gw['rss'] <= TARGET_RSS)} |")
    print(f"| share of the {ceiling.get('cores', 2)}-core parse ceiling ({fmt(ceiling.get('ceiling_pages_s'), '.0f')} pages/s) "
          f"| {fmt(None if ceiling_share is None else ceiling_share * 100, '.0f')}% | ≥ {TARGET_CEILING * 100:.0f}% | "
          f"{verdict(None if ceiling_share is None else ceiling_share >= TARGET_CEILING)} |")
    print()
    for r in rows:
        print(f"{r['tool']}: crawl time the tool reports {fmt(r['own_s'], '.1f')} s "
              f"({fmt(r['pages'] / r['own_s'] if r['pages'] and r['own_s'] else None, '.0f')} pages/s); "
              f"nginx used {fmt(r['server_cpu'], '.1f')} CPU s meanwhile")
    cores = load(folder, "machine.json").get("cores") or 2
    if gw["cpu_ms"] and sc["cpu_ms"]:
        gw_bound, sc_bound = cores * 1000 / gw["cpu_ms"], 1000 / sc["cpu_ms"]
        print(f"CPU-bound rates (an estimate for a machine the tool has to itself, from CPU ms/page): graywatch on "
              f"{cores} cores {gw_bound:.0f} pages/s, Scrapy on its one reactor thread {sc_bound:.0f} pages/s "
              f"({gw_bound / sc_bound:.2f}x); the measured pages/s above depend on the machine's load")
    if ceiling:
        print(f"parse ceiling: libxml2 {ceiling['libxml2']}, {ceiling['median_ms']:.2f} CPU ms per {ceiling['mean_kb']} KB "
              f"item page (median; p10 {ceiling['p10_ms']:.2f} ms) → {ceiling['ceiling_pages_s']:.0f} pages/s on {ceiling['cores']} cores")
    for name in ("check-graywatch.json", "check-scrapy.json"):
        check = load(folder, name)
        if check:
            extra = ", ".join(f"{k} {check[k]}" for k in ("findings", "flagged_listings", "review_items", "observations", "duplicates") if k in check)
            print(f"check {check['tool']}: {check['extracted']}/{check['expected']} listings, {check['compared']} compared on "
                  f"{', '.join(check['fields'])}: {'OK' if check['ok'] else str(check['mismatches']) + ' problem(s)'}"
                  + (f" ({extra})" if extra else ""))
    machine = load(folder, "machine.json")
    if machine:
        print(f"machine: {machine.get('cores')} cores, {machine.get('cpu')}, {machine.get('date')}; load before "
              f"{machine.get('load_before')}, after {machine.get('load_after', '?')}; {machine.get('nginx')}; "
              f"graywatch's libxml2 {machine.get('libxml2')}; Scrapy {machine.get('scrapy')}, lxml {machine.get('lxml')} "
              f"(its libxml2 {machine.get('lxml_libxml2')}), parsel {machine.get('parsel')}, Python {machine.get('python')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
