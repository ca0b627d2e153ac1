#!/usr/bin/env python3
"""Checks that a crawl extracted every listing of a generated marketplace, field by field, against expected.csv.

How to run:
    python3 bench/crawl/check.py graywatch --db bench/.data/crawl.sqlite --expected bench/.data/market-3000/expected.csv
    python3 bench/crawl/check.py scrapy --feed bench/.data/scrapy-items.jsonl --expected bench/.data/market-3000/expected.csv
    add --sample K to compare K rows spread over the file instead of all (counts are always checked in full)
Compares listing id, title, price, currency, seller and condition (graywatch: the `listing` table's title,
price_amount, price_currency, seller_name, condition_raw; Scrapy: the feed's fields, also quantity, MPN, brand).
Prints one line (and the first mismatches); --json writes the figures. Exit 0 when all match, 1 otherwise.
"""

import argparse
import csv
import json
import sqlite3
import sys
from decimal import Decimal

FIELDS = ["title", "price", "currency", "seller", "condition"]


def expected_rows(path: str) -> dict:
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["listing_id"]: row for row in csv.DictReader(handle)}


def graywatch_rows(db: str) -> tuple:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = {}
    for lid, title, amount, currency, seller, condition in connection.execute(
            "SELECT listing_id, title, price_amount, price_currency, seller_name, condition_raw FROM listing"):
        rows[lid] = {"title": title, "price": amount, "currency": currency, "seller": seller, "condition": condition}
    extra = {"findings": connection.execute("SELECT count(*) FROM finding").fetchone()[0],
             "flagged_listings": connection.execute("SELECT count(DISTINCT listing_ref) FROM finding").fetchone()[0]}
    try:
        extra["review_items"] = connection.execute("SELECT count(*) FROM review_item").fetchone()[0]
    except sqlite3.Error:
        pass
    try:
        extra["observations"] = connection.execute("SELECT count(*) FROM observation").fetchone()[0]
    except sqlite3.Error:
        pass
    return rows, extra


def scrapy_rows(feed: str) -> tuple:
    rows, duplicates = {}, 0
    with open(feed, encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            duplicates += item["listing_id"] in rows
            rows[item["listing_id"]] = item
    return rows, {"duplicates": duplicates}


def same(field: str, want: str, got) -> bool:
    if field == "price":
        try:
            return got is not None and Decimal(str(got)) == Decimal(want)
        except ArithmeticError:
            return False
    return (got or "") == want


def compare(expected: dict, got: dict, fields: list, sample: int) -> list:
    ids = sorted(expected)
    if sample and sample < len(ids):
        step = len(ids) / sample
        ids = [ids[int(k * step)] for k in range(sample)]
    problems = []
    for lid in ids:
        row = got.get(lid)
        if row is None:
            problems.append(f"{lid}: not extracted")
            continue
        for field in fields:
            if not same(field, expected[lid][field], row.get(field)):
                problems.append(f"{lid}: {field} {row.get(field)!r}, expected {expected[lid][field]!r}")
    return problems, len(ids)


def main() -> int:
    parser = argparse.ArgumentParser(description="check a crawl against expected.csv")
    parser.add_argument("tool", choices=["graywatch", "scrapy"])
    parser.add_argument("--db")
    parser.add_argument("--feed")
    parser.add_argument("--expected", required=True)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--json")
    args = parser.parse_args()
    expected = expected_rows(args.expected)
    if args.tool == "graywatch":
        got, extra = graywatch_rows(args.db)
        fields = FIELDS
    else:
        got, extra = scrapy_rows(args.feed)
        for item in got.values():
            item["quantity"], item["mpn"], item["brand"] = item.get("quantity"), item.get("mpn"), item.get("brand")
        fields = FIELDS + ["quantity", "mpn", "brand"]
    problems, compared = compare(expected, got, fields, args.sample)
    unexpected = sorted(set(got) - set(expected))
    if unexpected:
        problems.append(f"{len(unexpected)} listing(s) not in expected.csv, e.g. {unexpected[:3]}")
    ok = not problems and len(got) == len(expected)
    summary = {"tool": args.tool, "expected": len(expected), "extracted": len(got), "compared": compared,
               "fields": fields, "mismatches": len(problems), "ok": ok, **extra}
    print(f"check {args.tool}: {len(got)} of {len(expected)} listings extracted; {compared} compared on "
          f"{', '.join(fields)}: {len(problems)} problem(s)" + "".join(f"; {k} {v}" for k, v in extra.items()))
    for problem in problems[:10]:
        print(f"  ✗ {problem}")
    if args.json:
        with open(args.json, "w") as handle:
            json.dump({**summary, "first_problems": problems[:50]}, handle, indent=1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
