"""The Scrapy side of bench/crawl-vs-scrapy.sh: a spider that crawls the generated marketplace like graywatch does
(search page 1, every item link, every next page) and extracts the same fields with parsel selectors.

How to run (Scrapy 2.19 from PyPI: python3 -m pip install 'scrapy==2.19.*'):
    scrapy runspider bench/crawl/spider.py -a start=http://127.0.0.1:18480/sch/juniper-networks/page-1.html \
        -a stats=bench/.data/scrapy-stats.json -s FEEDS='{"bench/.data/scrapy-items.jsonl": {"format": "jsonlines", "overwrite": true}}'
Settings are those of the benchmark: 16 concurrent requests (16 per domain), no delay, AutoThrottle off, robots.txt
obeyed, no HTTP cache, LOG_LEVEL INFO; the telnet console and remote-control servers are off.
"""

import re

import scrapy

PRICE = re.compile(r"([A-Z]{0,3})\s*\$?\s*([\d,]+(?:\.\d+)?)")
CURRENCY = {"US": "USD", "C": "CAD", "AU": "AUD", "EUR": "EUR", "GBP": "GBP"}
LABELS = ("//div[contains(@class,'ux-layout-section--features')]"
          "//dt[contains(concat(' ',normalize-space(@class),' '),' ux-labels-values__labels ')]")


def price_of(text: str):
    """("1299.99", "USD") from "US $1,299.99"; (None, None) when there is no price."""
    match = PRICE.search(text or "")
    if not match:
        return None, None
    return match.group(2).replace(",", ""), CURRENCY.get(match.group(1) or "US", match.group(1))


class MarketSpider(scrapy.Spider):
    name = "market"
    custom_settings = {
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
        "DOWNLOAD_DELAY": 0,
        "RANDOMIZE_DOWNLOAD_DELAY": False,
        "AUTOTHROTTLE_ENABLED": False,
        "ROBOTSTXT_OBEY": True,
        "HTTPCACHE_ENABLED": False,
        "LOG_LEVEL": "INFO",
        "TELNETCONSOLE_ENABLED": False,  # idle side servers, not part of crawling
        "REMOTE_CONTROL_ENABLED": False,
        "USER_AGENT": "scrapy-bench (+loopback benchmark)",
    }

    def __init__(self, start=None, stats=None, **kwargs):
        super().__init__(**kwargs)
        if not start:
            raise ValueError("pass -a start=URL of search page 1")
        self.start_urls = [start]
        self.stats_path = stats

    def closed(self, reason):
        """Writes the crawl statistics as JSON when -a stats=PATH was given (the bench reads page counts there)."""
        if self.stats_path:
            import datetime
            import json
            stats = dict(self.crawler.stats.get_stats())
            started = stats.get("start_time")
            if isinstance(started, datetime.datetime):  # CoreStats adds elapsed_time_seconds only after this hook
                stats["crawl_seconds"] = (datetime.datetime.now(started.tzinfo) - started).total_seconds()
            with open(self.stats_path, "w") as handle:
                json.dump(stats, handle, default=str, indent=1)

    def parse(self, response):
        """A search page: item links (without their tracking query) and the next page."""
        for result in response.xpath("//ul[contains(@class,'srp-results')]/li[contains(@class,'s-item')]"):
            if result.xpath("normalize-space(.//div[contains(@class,'s-item__title')])").get() == "Shop on eBay":
                continue
            href = result.xpath(".//a[contains(@class,'s-item__link')]/@href").get()
            if href:
                yield response.follow(href.split("?", 1)[0], callback=self.parse_item)
        next_page = response.xpath("//a[contains(@class,'pagination__next')]/@href").get()
        if next_page:
            yield response.follow(next_page, callback=self.parse)

    def parse_item(self, response):
        """An item page in current eBay markup."""
        text = lambda xpath: response.xpath(f"normalize-space({xpath})").get() or None  # noqa: E731
        price, currency = price_of(text("//div[contains(@class,'x-price-primary')]//span[contains(@class,'ux-textspans')]"))
        specifics = {}
        for label in response.xpath(LABELS):
            value = label.xpath("normalize-space(following-sibling::dd[1])").get()
            specifics[label.xpath("normalize-space(.)").get()] = value
        feedback = re.search(r"\(([\d,]+)\)", text("//li[contains(@class,'x-sellercard-atf__data-item')]") or "")
        located = text("//span[contains(@class,'ux-textspans')][starts-with(normalize-space(.),'Located in:')]") or ""
        yield {
            "listing_id": re.search(r"/itm/(\d+)", response.url).group(1),
            "url": response.url,
            "title": text("//h1[contains(@class,'x-item-title__mainTitle')]"),
            "price": price,
            "currency": currency,
            "condition": text("//div[contains(@class,'x-item-condition-text')]//span[contains(@class,'ux-textspans')]"),
            "quantity": text("//div[contains(@class,'x-quantity__availability')]/span[contains(@class,'ux-textspans')][1]"),
            "seller": text("//div[contains(@class,'x-sellercard-atf__info__about-seller')]//span[contains(@class,'ux-textspans')]"),
            "seller_feedback": int(feedback.group(1).replace(",", "")) if feedback else None,
            "seller_location": located.replace("Located in:", "").strip() or None,
            "description": text("//div[contains(@class,'x-item-description')]//div[contains(@class,'ux-layout-section__textual-display')]"),
            "brand": specifics.get("Brand"),
            "mpn": specifics.get("MPN"),
            "specifics": specifics,
            "images": response.xpath("//div[contains(@class,'ux-image-carousel-item')]//img/@data-zoom-src").getall(),
        }
