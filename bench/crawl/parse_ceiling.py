#!/usr/bin/env python3
"""The parse ceiling of a crawl: how long the machine's libxml2 (the one graywatch links, via ctypes) takes to
parse one generated item page with graywatch's options, and so how many pages a second N cores could parse if
they did nothing else.

How to run:
    python3 bench/crawl/parse_ceiling.py bench/.data/market-3000 [--pages 200] [--cores 2] [--json out.json]
Parses up to --pages item pages (spread over the folder) three times each, in memory, with htmlCtxtReadMemory and
RECOVER|NONET|NOERROR|NOWARNING|NOBLANKS|COMPACT (Sources/CLibXML2/shim.h), and prints the median CPU ms per page (thread CPU time, so other load on the machine does not inflate it),
the libxml2 version and the ceiling = cores × 1000 / median ms.
"""

import argparse
import ctypes
import ctypes.util
import json
import statistics
import sys
import time
from pathlib import Path

OPTIONS = (1 << 0) | (1 << 11) | (1 << 5) | (1 << 6) | (1 << 8) | (1 << 16)


def load_libxml2():
    for name in ("libxml2.so.2", ctypes.util.find_library("xml2")):
        if name:
            try:
                return ctypes.CDLL(name)
            except OSError:
                continue
    sys.exit("parse_ceiling: libxml2.so.2 not found (apt-get install libxml2)")


def main() -> int:
    parser = argparse.ArgumentParser(description="libxml2 parse time per item page")
    parser.add_argument("folder")
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--json")
    args = parser.parse_args()
    lib = load_libxml2()
    lib.htmlNewParserCtxt.restype = ctypes.c_void_p
    lib.htmlCtxtReadMemory.restype = ctypes.c_void_p
    lib.htmlCtxtReadMemory.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int]
    lib.htmlFreeParserCtxt.argtypes = [ctypes.c_void_p]
    lib.xmlFreeDoc.argtypes = [ctypes.c_void_p]
    version = ctypes.c_char_p.in_dll(lib, "xmlParserVersion").value.decode()
    folder = Path(args.folder)
    files = sorted((folder / "itm").iterdir()) or sorted((folder / "tpl").glob("*.html"))
    step = max(1, len(files) // args.pages)
    bodies = [f.read_bytes() for f in files[::step][: args.pages]]
    if not bodies:
        sys.exit(f"parse_ceiling: no item pages in {folder}")
    times = []
    for _ in range(3):
        for body in bodies:
            started = time.thread_time()
            context = lib.htmlNewParserCtxt()
            doc = lib.htmlCtxtReadMemory(context, body, len(body), b"http://127.0.0.1/itm/1", b"UTF-8", OPTIONS)
            lib.xmlFreeDoc(doc)
            lib.htmlFreeParserCtxt(context)
            times.append((time.thread_time() - started) * 1000)
    median = statistics.median(times)
    result = {"libxml2": f"{int(version) // 10000}.{int(version) // 100 % 100}.{int(version) % 100}",
              "pages": len(bodies), "mean_kb": round(sum(map(len, bodies)) / len(bodies) / 1024),
              "median_ms": round(median, 3), "p10_ms": round(statistics.quantiles(times, n=10)[0], 3),
              "cores": args.cores, "ceiling_pages_s": round(args.cores * 1000 / median, 1)}
    print(f"parse ceiling: libxml2 {result['libxml2']} parses a {result['mean_kb']} KB item page in {median:.2f} ms "
          f"(median of {len(times)}; p10 {result['p10_ms']:.2f} ms): {args.cores} cores × 1000 / {median:.2f} = "
          f"{result['ceiling_pages_s']:.0f} pages/s")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
