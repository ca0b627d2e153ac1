#!/usr/bin/env bash
# bench_rules DEST: copies rules/ to DEST (default bench/.data/rules-bench) so that the eBay adapter reads the
# loopback marketplace: rules/sites/ebay.yml's `hosts` gets 127.0.0.1 and tradewell.yml's loses 127.0.0.1 and
# localhost (AdapterSet: the first adapter, in file-name order, whose hosts match wins). Sourced by the benches.
bench_rules() {
    local dest="${1:-bench/.data/rules-bench}"
    rm -rf "$dest"
    mkdir -p "$(dirname "$dest")"
    cp -r rules "$dest"
    python3 - "$dest" <<'PY'
import re, sys
from pathlib import Path
sites = Path(sys.argv[1]) / "sites"
ebay = (sites / "ebay.yml").read_text()
ebay, n = re.subn(r"^hosts: \[", "hosts: [127.0.0.1, ", ebay, count=1, flags=re.M)
assert n == 1, "ebay.yml: no 'hosts: [' line"
(sites / "ebay.yml").write_text(ebay)
trade = (sites / "tradewell.yml").read_text()
line = re.search(r"^hosts: \[.*\]$", trade, flags=re.M)
assert line, "tradewell.yml: no one-line 'hosts: [...]'"
hosts = [h.strip() for h in line.group(0)[len("hosts: ["):-1].split(",")]
kept = [h for h in hosts if h.strip('"') not in ("127.0.0.1", "localhost")]
(sites / "tradewell.yml").write_text(trade.replace(line.group(0), "hosts: [" + ", ".join(kept) + "]"))
PY
}
