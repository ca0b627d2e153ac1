"""An eBay.com item page in the current ("x-item-title", "x-price-primary", "ux-labels-values") markup,
about as large and as deep as a real one (~370 KB, ~2,000 elements, two thirds of the bytes in scripts).
"""

import html
import random

from . import filler
from .listings import Listing, price_text

SPAN = '<span class="ux-textspans{cls}">{text}</span>'


def span(text: str, cls: str = "") -> str:
    return SPAN.format(cls=f" ux-textspans--{cls}" if cls else "", text=html.escape(text, quote=False))


def head(rng: random.Random, item: Listing, item_id: str, bundles: list) -> str:
    title = html.escape(item.title)
    prefetch = "".join(f'<link rel="dns-prefetch" href="//{h}.ebaystatic.com">'
                       for h in ("ir", "i", "p", "q", "pics", "thumbs", "secureir", "srx", "rover", "reco"))
    styles = "".join(f"<style>{filler.css(rng, rng.randint(700, 1400))}</style>" for _ in range(9))
    small = "".join(f"<script>{filler.minified_js(rng, rng.randint(80, 1800))}</script>" for _ in range(8))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{prefetch}'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{title} | eBay</title><meta property="og:title" content="{title}">'
            f'<meta property="og:url" content="https://www.ebay.com/itm/{item_id}">'
            f'<meta name="description" content="{html.escape(item.description)}">'
            f'<meta property="og:image" content="https://i.ebayimg.com/images/g/{filler.hexid(rng, 16)}/s-l1600.jpg">'
            f'<link rel="canonical" href="https://www.ebay.com/itm/{item_id}">'
            f'{styles}{small}<script>{bundles[0]}</script></head>')


def header(rng: random.Random) -> str:
    options = "".join(f'<option value="{rng.randint(100, 99999)}">{filler.sentence(rng, 1, 3).title()}</option>'
                      for _ in range(35))
    return (f'<body class="vi-evo"><div id="gh" class="gh-header" role="banner">{filler.marker(rng)}'
            f'<a class="gh-logo" href="https://www.ebay.com/">eBay</a><form id="gh-f" class="gh-search" action="/sch/i.html">'
            f'<input id="gh-ac" name="_nkw" aria-label="Search for anything"><select id="gh-cat" name="_sacat">'
            f'<option value="0">All Categories</option>{options}</select><button id="gh-btn" type="submit">Search</button></form>'
            f'{filler.nav_menu(rng, 14, 16)}</div>')


def carousel(rng: random.Random, item: Listing) -> str:
    images = []
    for i in range(rng.randint(6, 12)):
        key = filler.hexid(rng, 16)
        images.append(f'<div class="ux-image-carousel-item image-treatment{" active" if i == 0 else ""} image" data-idx="{i}">'
                      f'<img data-zoom-src="https://i.ebayimg.com/images/g/{key}/s-l1600.jpg" '
                      f'src="https://i.ebayimg.com/images/g/{key}/s-l500.jpg" alt="{html.escape(item.title)}" loading="lazy"></div>')
    return f'<div id="PicturePanel"><div class="ux-image-carousel">{"".join(images)}</div></div>'


def summary(rng: random.Random, item: Listing, item_id: str) -> str:
    return (f'<div id="mainContent" class="vim-main">'
            f'<div class="vim x-item-title" data-testid="x-item-title"><h1 class="x-item-title__mainTitle">{span(item.title, "BOLD")}</h1>'
            f'<div class="x-item-title__subTitle">{span(item.subtitle, "SECONDARY")}</div></div>{filler.marker(rng)}'
            f'<div class="vim x-sellercard-atf" data-testid="x-sellercard-atf"><div class="x-sellercard-atf__info">'
            f'<div class="x-sellercard-atf__info__about-seller" title="{item.seller}"><a href="https://www.ebay.com/str/{item.seller}">'
            f'{span(item.seller, "BOLD")}</a></div><ul class="x-sellercard-atf__data">'
            f'<li class="x-sellercard-atf__data-item"><a href="#STORE_INFORMATION">{span(f"({item.feedback:,})", "PSEUDOLINK")}</a></li>'
            f'<li class="x-sellercard-atf__data-item">{span(item.positive, "PSEUDOLINK")}</li></ul></div></div>'
            f'<div class="vim x-price-section mar-t-20"><div class="x-price-primary" data-testid="x-price-primary">'
            f'{span(price_text(item.price))}</div><div class="x-price-approx">{span("or Best Offer", "SECONDARY")}</div></div>'
            f'<div class="vim x-item-condition mar-t-20"><div class="x-item-condition-label">{span("Condition:")}</div>'
            f'<div class="x-item-condition-text"><div class="ux-icon-text">{span(item.condition)}</div></div></div>'
            f'<div class="vim x-quantity mar-t-20"><label class="x-quantity__label" for="qtyTextBox">Quantity:</label>'
            f'<input id="qtyTextBox" class="textbox__control" value="1" type="text">'
            f'<div id="qtyAvailability" class="x-quantity__availability evo">{span(item.quantity_text, "SECONDARY")}'
            f'{span(item.sold_text, "EMPHASIS")}</div></div>'
            f'<div class="vim x-buybox-cta"><ul><li><a id="binBtn_btn_1" class="ux-call-to-action fake-btn fake-btn--primary" '
            f'href="https://www.ebay.com/atc?item={item_id}"><span class="ux-call-to-action__text">Buy It Now</span></a></li>'
            f'<li><a id="atcBtn_btn_1" class="ux-call-to-action fake-btn fake-btn--secondary" '
            f'href="https://cart.payments.ebay.com/sc/add?item={item_id}"><span class="ux-call-to-action__text">Add to cart</span></a></li>'
            f'<li><a class="ux-call-to-action fake-btn" href="https://www.ebay.com/myb/WatchListAdd?item={item_id}">'
            f'<span class="ux-call-to-action__text">Add to Watchlist</span></a></li></ul></div>'
            f'{shipping(rng, item)}</div>')


def shipping(rng: random.Random, item: Listing) -> str:
    payments = "".join(f'<li class="ux-figure"><svg class="icon" aria-hidden="true"><use href="#icon-{w}-{rng.randint(0, 29)}"></use></svg>'
                       f'<span class="clipped">{w.title()}</span></li>' for w in ("paypal", "visa", "master", "amex", "discover"))
    return (f'<div class="vim d-shipping-minview mar-t-20"><div class="ux-layout-section-evo">'
            f'<div class="ux-labels-values ux-labels-values--shipping"><div class="ux-labels-values__labels">{span("Shipping:")}</div>'
            f'<div class="ux-labels-values__values"><div class="ux-labels-values__values-content"><div>{span(item.shipping, "BOLD")}</div>'
            f'<div>{span("Located in: " + item.location, "SECONDARY")}</div></div></div></div>'
            f'<div class="ux-labels-values ux-labels-values--returns"><div class="ux-labels-values__labels">{span("Returns:")}</div>'
            f'<div class="ux-labels-values__values">{span("30 days returns. Buyer pays for return shipping.")}</div></div>'
            f'<div class="ux-labels-values ux-labels-values--payments"><div class="ux-labels-values__labels">{span("Payments:")}</div>'
            f'<div class="ux-labels-values__values"><ul class="ux-figures">{payments}</ul></div></div></div></div>')


def specifics(item: Listing) -> str:
    rows, cells = [], []
    for label, value in item.specifics:
        slug = label.lower().replace(" ", "").replace("/", "")
        cells.append(f'<div class="ux-layout-section-evo__col"><dl class="ux-labels-values ux-labels-values--inline col-6 '
                     f'ux-labels-values--{slug}" data-testid="ux-labels-values"><dt class="ux-labels-values__labels">'
                     f'<div class="ux-labels-values__labels-content"><div>{span(label)}</div></div></dt>'
                     f'<dd class="ux-labels-values__values"><div class="ux-labels-values__values-content"><div>{span(value)}</div></div></dd></dl></div>')
        if len(cells) == 2:
            rows.append(f'<div class="ux-layout-section-evo__row">{"".join(cells)}</div>')
            cells = []
    if cells:
        rows.append(f'<div class="ux-layout-section-evo__row">{"".join(cells)}</div>')
    return ('<div class="tabs__content"><div class="x-about-this-item"><h2 class="section-title__title">About this item</h2>'
            '<div class="ux-layout-section-evo ux-layout-section--features"><div class="ux-layout-section-evo__item '
            f'ux-layout-section-evo__item--table-view">{"".join(rows)}</div></div></div></div>')


def description(item: Listing, item_id: str) -> str:
    return (f'<div class="x-item-description"><h2 class="section-title__title">Item description from the seller</h2>'
            f'<div class="ux-layout-section__textual-display">{span(item.description)}</div>'
            f'<iframe id="desc_ifr" title="Item description from the seller" src="https://vi.vipr.ebaydesc.com/ws/eBayISAPI.dll?'
            f'ViewItemDescV4&amp;item={item_id}" width="100%" height="900" frameborder="0"></iframe>'
            f'<div class="ux-layout-section-evo ux-layout-section--itemId">{span("eBay item number:", "SECONDARY")}'
            f'{span(item_id, "BOLD")}</div></div>')


def sims(rng: random.Random, heading: str, cards: int) -> str:
    out = [f'<div class="x-sims" data-testid="x-sims">{filler.marker(rng)}<h2 class="section-title__title">{heading}</h2><div class="x-sims__carousel">']
    for _ in range(cards):
        other = rng.randint(100_000_000_000, 399_999_999_999)
        out.append(f'<div class="x-sims__card"><a class="x-sims__link" href="https://www.ebay.com/itm/{other}?_trkparms={filler.hexid(rng, 18)}">'
                   f'<img src="https://i.ebayimg.com/images/g/{filler.hexid(rng, 16)}/s-l225.webp" alt="" loading="lazy">'
                   f'<div class="x-sims__title">{span(filler.sentence(rng, 4, 9).title())}</div>'
                   f'<div class="x-sims__price">{span(f"US ${rng.randint(5, 3000)}.{rng.randint(0, 99):02d}", "BOLD")}</div>'
                   f'<div class="x-sims__ship">{span("Free shipping", "SECONDARY")}</div></a></div>{filler.marker(rng)}')
    out.append("</div></div>")
    return "".join(out)


def feedback(rng: random.Random) -> str:
    """The seller-feedback section: recent comments with rater, period and verified-purchase badge."""
    entries = []
    for _ in range(24):
        rater = f"{filler.hexid(rng, 1)}***{filler.hexid(rng, 1)} ({rng.randint(1, 3000)})"
        entries.append(f'<li class="fdbk-container"><div class="fdbk-container__details"><div class="fdbk-container__details__info">'
                       f'<svg class="icon icon--positive" aria-hidden="true"><use href="#icon-positive-{rng.randint(0, 29)}"></use></svg>'
                       f'<span class="fdbk-container__details__info__username">{span(rater)}</span>'
                       f'<span class="fdbk-container__details__info__divide">{span("Past " + rng.choice(["month", "6 months", "year"]), "SECONDARY")}</span></div>'
                       f'<div class="fdbk-container__details__comment">{span(filler.sentence(rng, 6, 18).capitalize() + ".")}</div>'
                       f'<div class="fdbk-container__details__verified__purchase">{span("Verified purchase", "SECONDARY")}</div></div></li>{filler.marker(rng)}')
    return (f'<div class="x-store-information"><h2 class="section-title__title">About this seller</h2>'
            f'<div class="fdbk-detail-list"><ul class="fdbk-detail-list__cards">{"".join(entries)}</ul></div></div>')


def returns_tab(rng: random.Random) -> str:
    """Shipping, returns and payments: a table of services and a few paragraphs of policy text."""
    rows = "".join(f'<tr><td>{span(f"US ${rng.randint(0, 60)}.{rng.randint(0, 99):02d}")}</td><td>{span("United States")}</td>'
                   f'<td>{span(rng.choice(["UPS Ground", "USPS Priority Mail", "FedEx 2Day", "Freight"]))}</td>'
                   f'<td>{span(f"Estimated between {rng.randint(2, 5)} and {rng.randint(6, 9)} business days", "SECONDARY")}</td></tr>'
                   for _ in range(8))
    policy = "".join(f"<p>{span(filler.sentence(rng, 12, 30).capitalize() + '.')}</p>" for _ in range(10))
    return (f'<div class="ux-layout-section-evo ux-layout-section--shipping"><h2 class="section-title__title">Shipping, returns, and payments</h2>'
            f'<table class="ux-table-section"><thead><tr><th>Shipping and handling</th><th>To</th><th>Service</th><th>Delivery</th></tr></thead>'
            f'<tbody>{rows}</tbody></table><div class="ux-section-policy">{policy}</div></div>')


def render(item: Listing, item_id: str, bundles: list, target: int, seed: int) -> str:
    """The page for `item` under `item_id` (a 12-digit id or a placeholder), padded to about `target` bytes."""
    rng = random.Random(f"page:{seed}:{item.index}")
    body = [header(rng),
            '<div class="main-container"><nav class="breadcrumbs" aria-label="Breadcrumb"><ul>'
            '<li><a href="/b/Computers-Tablets-Networking/58058"><span>Computers/Tablets &amp; Networking</span></a></li>'
            '<li><a href="/b/Enterprise-Networking-Servers/175698"><span>Enterprise Networking, Servers</span></a></li></ul></nav>'
            f'<div id="LeftSummaryPanel" class="vi-grid">{carousel(rng, item)}{summary(rng, item, item_id)}</div>',
            specifics(item), description(item, item_id),
            sims(rng, "Similar sponsored items", 12), sims(rng, "People who viewed this item also viewed", 12),
            sims(rng, "Explore related items", 12), sims(rng, "Seller's other items", 12), feedback(rng),
            returns_tab(rng), "</div>", filler.svg_sprite(rng, 30), filler.footer(rng)]
    tail_scripts = f"<script>{bundles[1]}</script><script>{bundles[2]}</script>"
    page = head(rng, item, item_id, bundles) + "".join(body) + tail_scripts
    room = max(2000, target - len(page.encode()) - 200)
    state = filler.json_state(rng, room, item_id)
    return f"{page}<script>window.$MODULES={state};</script></body></html>"
