"""Page bulk in the proportions of a real eBay page: styles, minified script bundles, JSON state, SVG sprites,
navigation and footer menus, component comments. Generated from small vocabularies, never copied.

Sizes are in bytes and approximate (within a few percent); the output compresses about as well as a real
page does (gzip ratio near 3.5), so storing and hashing the bodies costs what it costs on real pages.
"""

import json
import random

WORDS = ("item view listing seller shipping return policy watch cart checkout price offer bid module tracking "
         "layout section carousel image zoom thumbnail label value feature spec delivery estimate payment badge "
         "trust store feedback rating coupon promo banner header footer menu search category refine filter sort "
         "page result count signal metric event impression click render hydrate config locale currency site").split()
JS_NAMES = ("require exports module define render update state props emit subscribe dispatch context config "
            "element handler listener callback promise resolve reject timeout interval fetch request response "
            "tracker beacon payload serialize parse merge assign keys values forEach filter reduce push").split()
CSS_PROPS = ["margin", "padding", "font-size", "line-height", "color", "background-color", "border", "border-radius",
             "display", "width", "max-width", "height", "flex", "align-items", "justify-content", "position", "top",
             "left", "z-index", "opacity", "transition", "font-weight", "text-decoration", "overflow", "gap"]


def hexid(rng: random.Random, length: int = 12) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(length))


def sentence(rng: random.Random, low: int = 3, high: int = 9) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def css(rng: random.Random, size: int) -> str:
    """A style sheet of component rules."""
    out, total = [], 0
    while total < size:
        prefix = rng.choice(["x-", "ux-", "vim-", "d-", "srp-", "gh-"])
        selector = f".{prefix}{rng.choice(WORDS)}-{rng.choice(WORDS)}"
        if rng.random() < 0.3:
            selector += f" .{prefix}{rng.choice(WORDS)}__{rng.choice(WORDS)}"
        decls = ";".join(f"{rng.choice(CSS_PROPS)}:{css_value(rng)}" for _ in range(rng.randint(2, 6)))
        rule = f"{selector}{{{decls}}}"
        out.append(rule)
        total += len(rule)
    return "\n".join(out)


def css_value(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(0, 48)}px", f"{rng.randint(0, 100)}%", f"#{hexid(rng, 6)}", "auto", "none",
                       "flex", "inline-block", "center", f"{rng.randint(1, 9)}00", f"0 {rng.randint(0, 16)}px"])


def minified_js(rng: random.Random, size: int) -> str:
    """A minified module bundle: short names, nested calls, string literals."""
    out, total = ["!function(){"], 0
    while total < size:
        name = rng.choice(JS_NAMES)
        args = ",".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 4)))
        body = ";".join(js_statement(rng) for _ in range(rng.randint(2, 7)))
        chunk = f'function {name}{rng.randint(0, 999)}({args}){{{body}}}'
        if rng.random() < 0.25:
            chunk = f'$_mod.def("/{rng.choice(WORDS)}-{rng.choice(WORDS)}$1.{rng.randint(0, 30)}.{rng.randint(0, 9)}/src/{rng.choice(WORDS)}",{chunk});'
        out.append(chunk)
        total += len(chunk)
    out.append("}();")
    return "".join(out)


def js_statement(rng: random.Random) -> str:
    a, b, c = (rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(3))
    return rng.choice([
        f"var {a}={b}.{rng.choice(JS_NAMES)}({c})",
        f'if({a}&&{a}.{rng.choice(JS_NAMES)}){{return {b}("{rng.choice(WORDS)}")}}',
        f"{a}.{rng.choice(JS_NAMES)}={b}?{c}:void 0",
        f'return {a}[{rng.randint(0, 64)}]||"{rng.choice(WORDS)}-{rng.choice(WORDS)}"',
        f"for(var {a}=0;{a}<{b}.length;{a}++){c}.push({b}[{a}])",
        f'{a}=new Error("{sentence(rng, 2, 5)}")',
    ])


def json_state(rng: random.Random, size: int, item_id: str) -> str:
    """A page-state blob (`window.$MODULES=...`) of component models, some naming the item."""
    modules, total = {}, 0
    while total < size:
        key = f"{rng.choice(WORDS).upper()}_{rng.choice(WORDS).upper()}_{rng.randint(0, 99)}"
        model = {"_type": rng.choice(WORDS).title() + "Module", "meta": {"name": key, "trackingId": hexid(rng, 16)},
                 "textSpans": [{"_type": "TextSpan", "text": sentence(rng)} for _ in range(rng.randint(1, 4))],
                 "action": {"_type": "Action", "URL": f"/itm/{item_id}?_trkparms={hexid(rng, 20)}",
                            "clientPresentationMetadata": {"presentationType": rng.choice(WORDS).upper()}},
                 "accessibilityText": sentence(rng, 4, 10), "count": rng.randint(0, 5000)}
        text = json.dumps(model, separators=(",", ":"))
        modules[key] = model
        total += len(text) + len(key) + 4
    return json.dumps(modules, separators=(",", ":"))


def svg_sprite(rng: random.Random, icons: int) -> str:
    """Hidden SVG symbol sprite (icons referenced by <use>)."""
    symbols = []
    for i in range(icons):
        points = " ".join(f"{rng.randint(0, 24)}.{rng.randint(0, 9)} {rng.randint(0, 24)}.{rng.randint(0, 9)}"
                          for _ in range(rng.randint(6, 18)))
        symbols.append(f'<symbol id="icon-{rng.choice(WORDS)}-{i}" viewBox="0 0 24 24"><path d="M{points}z"></path></symbol>')
    return f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{"".join(symbols)}</svg>'


def nav_menu(rng: random.Random, groups: int, links: int, base: str = "/b/") -> str:
    """The global header's category menus: groups of links."""
    out = ['<nav class="gh-nav hl-cat-nav" aria-label="Shop by category"><ul class="hl-cat-nav__container">']
    for g in range(groups):
        heading = f"{rng.choice(WORDS).title()} &amp; {rng.choice(WORDS).title()}"
        out.append(f'<li class="hl-cat-nav__js-tab"><a href="{base}{g}" _sp="m1684.l3494">{heading}</a>'
                   f'<div class="hl-cat-nav__flyout"><ul class="hl-cat-nav__sub-cats">')
        for j in range(links):
            label = f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()}"
            out.append(f'<li><a href="{base}{label.replace(" ", "-")}/{rng.randint(100, 199999)}" '
                       f'class="hl-cat-nav__sub-cat-link">{label}</a></li>')
        out.append("</ul></div></li>")
    out.append("</ul></nav>")
    return "".join(out)


def footer(rng: random.Random, columns: int = 6, links: int = 12) -> str:
    cols = []
    for c in range(columns):
        items = "".join(f'<li class="gf-li"><a class="thrd gf-bar-a" href="/help/{rng.choice(WORDS)}-{c}-{i}">'
                        f'{rng.choice(WORDS).title()} {rng.choice(WORDS)}</a></li>' for i in range(links))
        cols.append(f'<div class="gf-col"><h3 class="gf-bttl">{rng.choice(WORDS).title()}</h3><ul>{items}</ul></div>')
    return (f'<footer id="glbfooter" class="gf-legal"><div class="gf-flex">{"".join(cols)}</div>'
            f'<div id="gf-l"><p>Copyright &copy; 1995-2025 Marketplace Inc. All Rights Reserved. '
            f'<a href="/help/policies/accessibility">Accessibility</a>, <a href="/help/policies/user-agreement">User Agreement</a>, '
            f'<a href="/help/policies/privacy">Privacy</a> and <a href="/help/policies/cookies">Cookies</a>.</p></div></footer>')


def marker(rng: random.Random) -> str:
    """A component boundary comment as eBay's renderer leaves them (`<!--F#f_12-->`)."""
    return rng.choice([f"<!--F#f_{rng.randint(0, 99)}-->", "<!--F/-->", f"<!--M#s0-{rng.randint(0, 60)}-{rng.randint(0, 30)}-->", "<!--M/-->"])
