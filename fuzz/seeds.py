#!/usr/bin/env python3
"""Builds the fuzzers' seed corpora from the repository's sample pages (never committed: fuzz/.seeds/).

Usage: fuzz/seeds.py OUT_DIR   writes OUT_DIR/page and OUT_DIR/text.

page seeds are GraywatchFuzz inputs: one selector byte, then the page. The selector (see
fuzz/Sources/FuzzSupport/FuzzInput.swift) picks the URL, the Content-Type and the market: each sample goes to the
adapter it was written for, and the generic-extractor URL too, with the four market fixtures in turn; the charset
fixtures go with their Content-Type. text seeds are short texts for GraywatchFuzzText: the sample robots.txt,
titles, prices, conditions and label notes, and a few identifier shapes.
"""
import csv
import hashlib
import html
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
URL = {"tradewell-item": 0, "tradewell-search": 1, "ebay-item": 2, "ebay-search": 3, "amazon-item": 4,
       "amazon-search": 5, "alibaba-item": 6, "generic": 7}
CONTENT_TYPE = {None: 0, "utf-8": 1, "windows-1252": 2, "shift_jis": 3, "utf-16le": 4, "gb18030": 5}


def page_kind(path: pathlib.Path) -> str:
    """The URL a sample page belongs under, from its folder and name."""
    name = path.name
    if path.parent.name == "itm":
        return "tradewell-item"
    if "sch" in path.parts:
        return "tradewell-search"
    for prefix, kind in (("ebay-search", "ebay-search"), ("ebay", "ebay-item"), ("amazon", "amazon-item"),
                         ("amz", "amazon-item"), ("alibaba", "alibaba-item"), ("ali", "alibaba-item")):
        if name.startswith(prefix):
            return kind
    return "generic"


def write(directory: pathlib.Path, data: bytes) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


def page_seeds(out: pathlib.Path) -> None:
    pages = sorted((ROOT / "samples").rglob("*.html"))
    for number, path in enumerate(pages):
        body = path.read_bytes()
        kind = page_kind(path)
        market = number % 4  # MarketFixture: none, catalog, market, tiny
        write(out, bytes([URL[kind] | market << 6]) + body)
        if kind != "generic" and path.parent.name in ("pages", "labeled"):
            write(out, bytes([URL["generic"]]) + body)  # the same markup through the generic extractor
    manifest = ROOT / "Tests/Fixtures/charsets/manifest.csv"
    for row in csv.DictReader(manifest.open(encoding="utf-8")):
        match = re.search(r"charset=([\w-]+)", row["content_type"])
        label = match.group(1).lower() if match else None
        selector = URL["generic"] | (CONTENT_TYPE.get(label, 0) << 3)
        write(out, bytes([selector]) + (manifest.parent / row["file"]).read_bytes())


def text_seeds(out: pathlib.Path) -> None:
    write(out, (ROOT / "samples/marketplace/robots.txt").read_bytes())
    write(out, b"User-agent: graywatch\nDisallow: /sch/*?_pgn=$\nAllow: /itm/\nCrawl-delay: 2.5\n\n"
               b"User-agent: *\nDisallow: /\n")
    for text in ("S/N: PE3717190123", "Serial Number: JN11D2E7CAFB", "CLEI: COM3L00BRA", "IPMWD00ARA",
                 "750-036931 REV 05", "EX4300-48T-AFI", "SRX300-SYS-JB", "QFX5100-48S-AFO", "1EDN3721234",
                 "US $1,299.99", "EUR 1.234,56", "1 234,56 €", "£115", "¥12,000", "2 x US $5.00",
                 "US $10.50 - 12.00", "US $3.20/piece", "Price (AUD)\n$ 899", "New other (see details)",
                 "Used - Very Good", "For parts or not working", "1 year warranty, license transferable"):
        write(out, text.encode())
    for row in csv.DictReader((ROOT / "samples/labels.csv").open(encoding="utf-8")):
        write(out, row["note"].encode())
    wanted = re.compile(r'<(?:h1|[a-z]+ [^>]*id="(?:prcIsum|vi-itm-cond|qtySubTxt)")[^>]*>(.*?)</', re.S)
    for path in sorted((ROOT / "samples/marketplace/itm").glob("*.html"))[:40]:
        for fragment in wanted.findall(path.read_text(encoding="utf-8", errors="replace")):
            text = html.unescape(re.sub(r"<[^>]+>", " ", fragment)).strip()
            if text:
                write(out, text.encode())


if __name__ == "__main__":
    target = pathlib.Path(sys.argv[1])
    page_seeds(target / "page")
    text_seeds(target / "text")
    for kind in ("page", "text"):
        print(f"seeds: {kind} {len(list((target / kind).iterdir()))} files")
