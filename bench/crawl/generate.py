#!/usr/bin/env python3
"""Writes a synthetic eBay-style Juniper marketplace for the crawl benchmarks (stdlib only, deterministic).

How to run:
    python3 bench/crawl/generate.py                         # 3,000 item pages -> bench/.data/market-3000
    python3 bench/crawl/generate.py --items 1000 --out bench/.data/market-1000
    python3 bench/crawl/generate.py --items 100000 --templates --out bench/.data/market-100000-tpl

Layout of the folder:
    robots.txt                              allows everything
    sch/juniper-networks/page-K.html        search results, 50 items each, a next-page link but on the last
    itm/<12-digit id>                       item pages (files mode), ~370 KB each
    tpl/item-NN.html                        (templates mode) 100 item pages with @@ITEMID@@ for the id: nginx serves
                                            /itm/<id> from tpl/item-<last two digits>.html and puts the id in
                                            with sub_filter, so 100,000 listings need 37 MB, not 37 GB
    expected.csv                            listing_id,title,price,currency,seller,condition,quantity,mpn,brand
    market.json                             what was generated (counts, sizes, seed, mode)
Item ids are 315000000000 + 101*i: distinct, and their last two digits are i % 100. In templates mode listing i
shows template i % 100's content under its own id. The folder is rewritten whole; an existing one whose
market.json matches the arguments is left alone (--force rewrites it).
"""

import argparse
import csv
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from marketgen import filler, item_page, search_page  # noqa: E402
from marketgen.listings import Market, listing_id  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = "@@ITEMID@@"
TEMPLATES = 100


def bundles(seed: int, variant: int) -> list:
    """One platform release's script bundles (the same on many pages, as on the real site)."""
    rng = random.Random(f"bundles:{seed}:{variant}")
    return [filler.minified_js(rng, 30_000), filler.minified_js(rng, 84_000), filler.minified_js(rng, 84_000)]


def search_href(k: int) -> str:
    return f"/sch/juniper-networks/page-{k}.html"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=3000, help="item pages (default 3000)")
    parser.add_argument("--out", help="folder (default bench/.data/market-N, -tpl added in templates mode)")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--per-page", type=int, default=50, help="items per search page (default 50)")
    parser.add_argument("--item-kb", type=int, default=370, help="item page size in KB (default 370)")
    parser.add_argument("--search-kb", type=int, default=1000, help="search page size in KB (default 1000)")
    parser.add_argument("--templates", action="store_true", help="write 100 item templates for nginx sub_filter")
    parser.add_argument("--rules", default=str(ROOT / "rules"), help="rules folder with catalog/ (default ./rules)")
    parser.add_argument("--force", action="store_true", help="rewrite even if market.json matches")
    args = parser.parse_args()
    if args.items < 1 or args.per_page < 1:
        parser.error("--items and --per-page must be ≥ 1")
    out = Path(args.out or ROOT / "bench/.data" / (f"market-{args.items}" + ("-tpl" if args.templates else "")))
    pages = -(-args.items // args.per_page)
    meta = {"items": args.items, "search_pages": pages, "seed": args.seed, "per_page": args.per_page,
            "item_kb": args.item_kb, "search_kb": args.search_kb, "mode": "templates" if args.templates else "files",
            "first_search": search_href(1)}
    if not args.force and (out / "market.json").exists():
        if json.loads((out / "market.json").read_text()) == meta:
            print(f"generate: {out} is up to date ({args.items} items, {pages} search pages)")
            return 0
    ensure_gitignore(ROOT / "bench/.data")
    if out.exists():
        shutil.rmtree(out)
    write(out, args, meta, pages)
    return 0


def ensure_gitignore(data: Path) -> None:
    data.mkdir(parents=True, exist_ok=True)
    if not (data / ".gitignore").exists():
        (data / ".gitignore").write_text("*\n")


def write(out: Path, args, meta: dict, pages: int) -> None:
    started = time.time()
    market = Market(Path(args.rules), args.seed)
    for sub in ("sch/juniper-networks", "itm", "tpl"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    (out / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    pool = [bundles(args.seed, v) for v in range(6)]
    content = (lambda i: market.listing(i % TEMPLATES)) if args.templates else market.listing
    item_bytes = 0
    if args.templates:
        for t in range(TEMPLATES):
            text = item_page.render(market.listing(t), PLACEHOLDER, pool[t % 6], args.item_kb * 1024, args.seed)
            (out / "tpl" / f"item-{t:02d}.html").write_text(text, encoding="utf-8")
            item_bytes += len(text.encode())
    with open(out / "expected.csv", "w", newline="", encoding="utf-8") as handle:
        table = csv.writer(handle)
        table.writerow(["listing_id", "title", "price", "currency", "seller", "condition", "quantity", "mpn", "brand", "flag"])
        for i in range(args.items):
            item, ident = content(i), listing_id(i)
            specifics = dict(item.specifics)
            table.writerow([ident, item.title, item.price, "USD", item.seller, item.condition, item.quantity_text,
                            specifics["MPN"], specifics["Brand"], item.flag])
            if not args.templates:
                text = item_page.render(item, ident, pool[i % 6], args.item_kb * 1024, args.seed)
                (out / "itm" / ident).write_text(text, encoding="utf-8")
                item_bytes += len(text.encode())
            if (i + 1) % 1000 == 0 and not args.templates:
                print(f"generate: {i + 1}/{args.items} item pages", file=sys.stderr)
    search_bytes = 0
    for k in range(1, pages + 1):
        batch = [(content(i), listing_id(i)) for i in range((k - 1) * args.per_page, min(args.items, k * args.per_page))]
        text = search_page.render(k, pages, batch, args.items, pool[k % 6], args.search_kb * 1024, args.seed, search_href)
        (out / "sch/juniper-networks" / f"page-{k}.html").write_text(text, encoding="utf-8")
        search_bytes += len(text.encode())
        if k % 200 == 0:
            print(f"generate: {k}/{pages} search pages", file=sys.stderr)
    written = TEMPLATES if args.templates else args.items
    meta_out = dict(meta)
    (out / "market.json").write_text(json.dumps(meta_out, indent=1) + "\n")
    print(f"generate: {out}: {args.items} listings ({written} item files, mean {item_bytes / written / 1024:.0f} KB), "
          f"{pages} search pages (mean {search_bytes / pages / 1024:.0f} KB), {time.time() - started:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
