"""An eBay.com search-results page (`ul.srp-results > li.s-item`, `a.pagination__next`), with the bulk of a real
one: refinement rail, SVG sprite, scripts and state. Item links are root-relative and carry tracking queries
(`hash`, `amdata`) that a crawler should strip.
"""

import html
import random

from . import filler
from .listings import Listing, price_text


def result(rng: random.Random, item: Listing, item_id: str) -> str:
    title = html.escape(item.title)
    href = f"/itm/{item_id}?hash=item{filler.hexid(rng, 10)}:g:{filler.hexid(rng, 16)}&amp;amdata=enc%3AAQAI{filler.hexid(rng, 40)}"
    view = f'{{"eventFamily":"LST","eventAction":"ACTN","actionKind":"NAVSRC","operationId":"2351460","eventProperty":{{"$l":"{rng.randint(10**15, 10**16)}"}}}}'
    return (f'<li class="s-item s-item__pl-on-bottom s-item--watch-at-corner" data-viewport="{html.escape(view)}">'
            f'<div class="s-item__wrapper clearfix"><div class="s-item__image-section"><div class="s-item__image">'
            f'<a tabindex="-1" aria-hidden="true" _sp="p2351460.m1686.l7400" href="{href}"><div class="s-item__image-wrapper">'
            f'<img src="https://i.ebayimg.com/thumbs/images/g/{filler.hexid(rng, 16)}/s-l225.webp" class="s-item__image-img" '
            f'alt="{title}" loading="lazy"></div></a></div></div><div class="s-item__info clearfix">'
            f'<a _sp="p2351460.m1686.l7400" class="s-item__link" href="{href}"><div class="s-item__title">'
            f'<span role="heading" aria-level="3">{title}</span></div><span class="clipped">Opens in a new window or tab</span></a>'
            f'<div class="s-item__subtitle"><span class="SECONDARY_INFO">{html.escape(item.condition)}</span></div>'
            f'<div class="s-item__details clearfix"><div class="s-item__detail s-item__detail--primary">'
            f'<span class="s-item__price">{price_text(item.price)}</span></div>'
            f'<div class="s-item__detail s-item__detail--primary"><span class="s-item__purchase-options s-item__purchaseOptions">Buy It Now</span></div>'
            f'<div class="s-item__detail s-item__detail--primary"><span class="s-item__shipping s-item__logisticsCost">{html.escape(item.shipping)}</span></div>'
            f'<div class="s-item__detail s-item__detail--secondary"><span class="s-item__location s-item__itemLocation">from United States</span></div>'
            f'<div class="s-item__detail s-item__detail--secondary"><span class="s-item__seller-info"><span class="s-item__seller-info-text">'
            f'{item.seller} ({item.feedback:,}) {item.positive.split()[0]}</span></span></div></div>'
            f'{filler.marker(rng)}<span class="s-item__watchheart at-corner"><a aria-label="watch {title}" class="s-item__watchheart-click" '
            f'href="https://www.ebay.com/myb/WatchListAdd?item={item_id}&amp;srt={filler.hexid(rng, 64)}">'
            f'<svg class="icon icon--save" focusable="false" aria-hidden="true"><use href="#icon-save"></use></svg>'
            f'<svg class="icon icon--save-selected" focusable="false" aria-hidden="true"><use href="#icon-save-selected"></use></svg></a></span>'
            f'<div class="s-item__detail s-item__detail--secondary"><span class="s-item__hotness s-item__itemHotness">'
            f'<span class="BOLD">{rng.randint(2, 90)} watchers</span></span></div>'
            f'{filler.marker(rng)}</div></div></li>')


def placeholder() -> str:
    """The "Shop on eBay" card real result lists open with; it links to a fake item and must be skipped."""
    return ('<li class="s-item s-item__pl-on-bottom"><div class="s-item__wrapper clearfix"><div class="s-item__info clearfix">'
            '<a class="s-item__link" href="/itm/123456?hash=item1f2e3d4c5b"><div class="s-item__title"><span role="heading" '
            'aria-level="3">Shop on eBay</span></div></a><div class="s-item__details clearfix"><div class="s-item__detail '
            's-item__detail--primary"><span class="s-item__price">$20.00</span></div></div></div></div></li>')


def pagination(page: int, pages: int, href) -> str:
    low, high = max(1, page - 4), min(pages, page + 4)
    current = ' aria-current="page"'
    items = "".join(f'<li><a href="{href(k)}" class="pagination__item"{current if k == page else ""}>{k}</a></li>'
                    for k in range(low, high + 1))
    nxt = (f'<a href="{href(page + 1)}" type="next" class="pagination__next icon-link" aria-label="Go to next search page">'
           if page < pages else '<a type="next" class="pagination__next icon-link" aria-disabled="true" aria-label="Go to next search page">')
    return (f'<div class="s-pagination"><nav role="navigation" class="pagination" aria-labelledby="s0-pag-heading">'
            f'<h2 class="clipped" id="s0-pag-heading">Pagination - Page {page}</h2><ol class="pagination__items">{items}</ol>'
            f'{nxt}<svg class="icon icon--pagination-next" aria-hidden="true"><use href="#icon-pagination-next"></use></svg></a></nav></div>')


def rail(rng: random.Random) -> str:
    groups = []
    for g in range(26):
        links = "".join(f'<li class="x-refine__main__list--value"><a class="cbx x-refine__multi-select-link" '
                        f'href="/sch/i.html?_nkw=juniper&amp;{rng.choice(filler.WORDS)}={rng.randint(1, 9999)}">'
                        f'<input type="checkbox" class="cbx x-refine__multi-select-checkbox" aria-hidden="true" tabindex="-1">'
                        f'<span class="cbx x-refine__multi-select-cbx">{filler.sentence(rng, 1, 3).title()}</span>'
                        f'<span class="x-refine__multi-select-cbx-count">({rng.randint(1, 9000):,})</span></a></li>'
                        for _ in range(rng.randint(6, 14)))
        groups.append(f'<li class="x-refine__main__list"><h3 class="x-refine__item">{filler.sentence(rng, 1, 2).title()}</h3>'
                      f'<ul class="x-refine__main__value">{links}</ul></li>{filler.marker(rng)}')
    return f'<aside class="srp-rail__left"><ul class="x-refine__left__nav">{"".join(groups)}</ul></aside>'


def render(page: int, pages: int, items: list, total: int, bundles: list, target: int, seed: int, href) -> str:
    """Search page `page` of `pages` with `items` [(Listing, item_id)], padded to about `target` bytes."""
    rng = random.Random(f"search:{seed}:{page}")
    styles = "".join(f"<style>{filler.css(rng, 1000)}</style>" for _ in range(4))
    results = placeholder() + "".join(result(rng, item, item_id) for item, item_id in items)
    page_html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>juniper networks | eBay</title>'
                 f'<link rel="canonical" href="https://www.ebay.com/sch/i.html?_nkw=juniper+networks&amp;_pgn={page}">{styles}'
                 f'<script>{bundles[0]}</script></head><body class="srp-main--isLarge">{filler.svg_sprite(rng, 260)}'
                 f'<div id="gh" class="gh-header"><a class="gh-logo" href="https://www.ebay.com/">eBay</a>{filler.nav_menu(rng, 12, 14)}</div>'
                 f'<div class="srp-main srp-main--isLarge"><div class="srp-controls"><h1 class="srp-controls__count-heading">'
                 f'<span class="BOLD">{total:,}</span> <span>results for</span> <span class="BOLD">juniper networks</span></h1></div>'
                 f'{rail(rng)}<div class="srp-river srp-layout-inner"><div class="srp-river-main clearfix">'
                 f'<div class="srp-river-results clearfix"><ul class="srp-results srp-list clearfix">{results}</ul></div>'
                 f'{pagination(page, pages, href)}</div></div></div>{filler.footer(rng)}'
                 f'<script>{bundles[1]}</script><script>{bundles[2]}</script>')
    room = max(2000, target - len(page_html.encode()) - 200)
    return f"{page_html}<script>window.SRP_STATE={filler.json_state(rng, room, str(page))};</script></body></html>"
