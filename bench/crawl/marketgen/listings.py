"""The listings of the synthetic marketplace: products from rules/catalog, invented prices, sellers and wording.

Every value is a pure function of (seed, listing index), so two runs with the same seed write the same pages.
About one listing in seven carries wording or a price that one of the shipped rules is meant to catch
(new and sealed far below the usual price, used goods sold as new, bulk lots of new units, a promised
Juniper warranty, an export-only claim); the rest are clean.
"""

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

# Condition label shown on the page -> price factor range against the product's usual new price.
CONDITIONS = [
    ("New", (0.78, 1.05), 18),
    ("New other (see details)", (0.65, 0.9), 8),
    ("Open box", (0.6, 0.85), 4),
    ("Used", (0.25, 0.55), 46),
    ("Seller refurbished", (0.4, 0.65), 14),
    ("For parts or not working", (0.04, 0.12), 4),
]

# The flagged kinds and the share of all listings each gets.
FLAGS = [("cheap-new", 0.04), ("used-as-new", 0.03), ("bulk-new", 0.03), ("warranty", 0.02), ("export", 0.02)]

KIND_WORDS = {
    "EX": "Ethernet Switch", "QFX": "Data Center Switch", "SRX": "Services Gateway Firewall", "MX": "Universal Router",
    "ACX": "Universal Metro Router", "PTX": "Packet Transport Router", "AP": "Mist Wireless Access Point",
    "JPSU": "Power Supply", "PWR": "Power Supply", "RE": "Routing Engine", "MPC": "Line Card", "MIC": "Interface Card",
}
PRICE_BANDS = {"device": (350, 9000), "module": (45, 2400)}
CLEAN_USED = ["Pulled from a working lab rack and tested before listing.", "Decommissioned from a data center refresh.",
              "Powers on, passes POST, configuration wiped.", "Light scuffs on the chassis from rack mounting.",
              "Removed from service during a network upgrade; ears included."]
CLEAN_NEW = ["Sealed in the original Juniper carton, never opened.", "Unopened retail box, ships the next business day.",
             "Surplus stock from a cancelled project, unopened."]
SHIPPING = ["Free 3 day shipping", "US $24.99 UPS Ground", "Free standard shipping", "US $12.50 USPS Priority Mail"]
LOCATIONS = ["San Jose, California, United States", "Dallas, Texas, United States", "Raleigh, North Carolina, United States",
             "Chicago, Illinois, United States", "Newark, New Jersey, United States", "Portland, Oregon, United States"]


@dataclass
class Listing:
    """One item page's facts; `expected` is what an extractor must read back."""
    index: int
    listing_id: str
    sku: str
    family: str
    kind: str
    title: str
    subtitle: str
    price: str
    condition: str
    quantity_text: str
    sold_text: str
    seller: str
    feedback: int
    positive: str
    location: str
    shipping: str
    description: str
    flag: str
    specifics: list = field(default_factory=list)


def load_products(rules_dir: Path) -> list:
    """(part number, family, kind) rows of the shipped catalog files, in file order."""
    rows = []
    for name in ("juniper-parts.csv", "juniper-optics.csv"):
        with open(rules_dir / "catalog" / name, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(line for line in handle if not line.startswith("#")):
                rows.append((row["part_number"], row["family"], row["kind"]))
    return rows


def listing_id(index: int) -> str:
    """12 digits, distinct per index; the last two digits are `index % 100` (they pick a template)."""
    return str(315_000_000_000 + index * 101)


def seller_names(rng: random.Random, count: int) -> list:
    """Invented store names such as `netwave-surplus` or `bluerack_it42`."""
    first = ["net", "blue", "rack", "fiber", "data", "core", "edge", "pacific", "summit", "metro", "prime", "vault"]
    second = ["wave", "rack", "link", "source", "depot", "hub", "works", "line", "trade", "stack", "port", "gear"]
    tail = ["-surplus", "_it", "-networks", "-recycling", "_outlet", "-asset-recovery", "-tech", "_liquidators"]
    names = set()
    while len(names) < count:
        name = rng.choice(first) + rng.choice(second) + rng.choice(tail)
        names.add(name + (str(rng.randint(1, 99)) if rng.random() < 0.4 else ""))
    return sorted(names)


def kind_word(sku: str, kind: str) -> str:
    """A product noun for the title from the part-number prefix."""
    if "SFP" in sku:
        return "Optical Transceiver"
    for prefix, word in KIND_WORDS.items():
        if sku.startswith(prefix):
            return word
    return "Network Module" if kind == "module" else "Network Device"


class Market:
    """Deterministic source of listings for one seed."""

    def __init__(self, rules_dir: Path, seed: int):
        self.seed = seed
        rng = random.Random(f"market:{seed}")
        products = load_products(rules_dir)
        self.products = rng.sample(products, min(90, len(products)))
        self.usual = {sku: round(rng.uniform(*PRICE_BANDS.get(kind, (60, 900))), -1) - 0.01
                      for sku, _, kind in self.products}
        self.sellers = seller_names(rng, 160)

    def listing(self, index: int) -> Listing:
        rng = random.Random(f"listing:{self.seed}:{index}")
        sku, family, kind = rng.choice(self.products)
        flag = pick_flag(rng)
        condition = pick_condition(rng, flag)
        low, high = next(c[1] for c in CONDITIONS if c[0] == condition)
        factor = rng.uniform(0.12, 0.3) if flag == "cheap-new" else rng.uniform(low, high)
        price = max(4.99, round(self.usual[sku] * factor, 2))
        quantity = rng.choice([1, 1, 1, 1, 2, 3, 4]) if flag != "bulk-new" else rng.choice([12, 20, 25, 40])
        return build(index, rng, sku, family, kind, condition, flag, f"{price:.2f}", quantity, rng.choice(self.sellers))


def pick_flag(rng: random.Random) -> str:
    draw, edge = rng.random(), 0.0
    for name, share in FLAGS:
        edge += share
        if draw < edge:
            return name
    return ""


def pick_condition(rng: random.Random, flag: str) -> str:
    if flag in ("cheap-new", "used-as-new", "bulk-new"):
        return "New"
    names = [c[0] for c in CONDITIONS]
    return rng.choices(names, weights=[c[2] for c in CONDITIONS])[0]


def build(index, rng, sku, family, kind, condition, flag, price, quantity, seller) -> Listing:
    noun = kind_word(sku, kind)
    brand = rng.choice(["Juniper Networks", "Juniper Networks", "Juniper"])
    tested = rng.choice(["Tested", "Tested Working", "Fully Functional", "Good Condition", "Clean Pull"])
    title = {
        "New": f"{brand} {sku} {noun} - New",
        "New other (see details)": f"{brand} {sku} {noun} New Other, Open Packaging",
        "Open box": f"{brand} {sku} {noun} Open Box",
        "Used": f"{brand} {sku} {noun} {tested}",
        "Seller refurbished": f"{brand} {sku} {noun} Refurbished, 90 Day RTB",
        "For parts or not working": f"{brand} {sku} {noun} for parts, no power",
    }[condition]
    description = rng.choice(CLEAN_NEW if condition.startswith("New") or condition == "Open box" else CLEAN_USED)
    subtitle = rng.choice(["Ships same day", "Ask about volume pricing", "Rack ears included", "Asset tag removed", ""])
    if flag == "cheap-new":
        title = f"NEW SEALED {brand} {sku} {noun} Factory Sealed"
    elif flag == "used-as-new":
        title = f"{brand} {sku} {noun} NEW"
        description = "Pulled from a working network closet, tested and wiped before shipping."
    elif flag == "bulk-new":
        title = f"LOT OF {quantity} {brand} {sku} {noun} NEW"
        description = "Wholesale lot, all units new in box; more available on request."
    elif flag == "warranty":
        description += " Comes with full Juniper warranty and JTAC support."
    elif flag == "export":
        description += " Export only: not for sale in the United States, ships to overseas buyers only."
    quantity_text = "Last one" if quantity == 1 else (f"{quantity} available" if quantity < 10 else "More than 10 available")
    specifics = [("Condition", condition), ("Brand", brand), ("MPN", sku), ("Model", family),
                 ("Type", noun), ("Product Line", family + " Series"),
                 ("Country/Region of Manufacture", rng.choice(["United States", "China", "Taiwan", "Malaysia"])),
                 ("UPC", "Does not apply")]
    if kind == "device":
        specifics += [("Number of LAN Ports", str(rng.choice([12, 24, 48]))),
                      ("Network Management Type", "Managed"), ("Form Factor", "Rack-mountable")]
    else:
        specifics += [("Compatible Equipment Type", "Chassis"), ("Form Factor", "Plug-in Module")]
    return Listing(index=index, listing_id=listing_id(index), sku=sku, family=family, kind=kind, title=title,
                   subtitle=subtitle, price=price, condition=condition, quantity_text=quantity_text,
                   sold_text=f"{rng.randint(0, 40)} sold", seller=seller, feedback=rng.randint(12, 48000),
                   positive=f"{rng.uniform(97.0, 100.0):.1f}% positive", location=rng.choice(LOCATIONS),
                   shipping=rng.choice(SHIPPING), description=description, flag=flag, specifics=specifics)


def price_text(price: str) -> str:
    """`1299.99` -> `US $1,299.99` as eBay.com shows it."""
    whole, cents = price.split(".")
    return f"US ${int(whole):,}.{cents}"
