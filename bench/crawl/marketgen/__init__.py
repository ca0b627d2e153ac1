"""Synthetic eBay-style Juniper marketplace for the crawl benchmarks (stdlib only, deterministic)."""
