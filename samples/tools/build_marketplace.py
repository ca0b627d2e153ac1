#!/usr/bin/env python3
"""Build the fictional "Tradewell" sample marketplace used by graywatch.

Everything here is invented: marketplace, sellers, locations and listing texts.
The markup imitates a classic auction-site item page / search page so that the
scanner's XPaths are exercised against realistic noise.

Usage:  python3 samples/tools/build_marketplace.py
Writes (deterministically, stdlib only):
  samples/marketplace/robots.txt
  samples/marketplace/index.html
  samples/marketplace/sch/juniper-networks/page-{1..N}.html
  samples/marketplace/itm/<ID>.html
  samples/labels.csv
"""

import csv
import hashlib
import html
import io
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)
SITE = os.path.join(SAMPLES, "marketplace")
SEARCH_DIR = "sch/juniper-networks"

ID_BASE = 310000000000
GONE_ID = 310000000099      # linked from page 2, no file -> HTTP 404
PREVIEW_ID = 310000000098   # linked from page 3 under /itm/preview/, disallowed by robots.txt


def esc(s):
    return html.escape(s, quote=True)


# --------------------------------------------------------------------------
# Condition strings (marketplace wording) and their normalized label values.
# --------------------------------------------------------------------------
NEW, NEW_OTHER, USED, REFURB, PARTS = (
    "New", "New other (see details)", "Used", "Seller refurbished", "For parts or not working")

COND_NORM = {NEW: "new", NEW_OTHER: "new-other", USED: "used",
             REFURB: "seller-refurbished", PARTS: "for-parts"}

COND_SEARCH = {NEW: "Brand New", NEW_OTHER: "Open Box", USED: "Pre-Owned",
               REFURB: "Refurbished", PARTS: "Parts Only"}

COND_HELP = {
    NEW: "A brand-new, unused, unopened, undamaged item in its original packaging (where packaging is applicable).",
    NEW_OTHER: "A new, unused item with no signs of wear. The item may be missing the original packaging, "
               "or the packaging may have been opened.",
    USED: "An item that has been used previously. The item may have some signs of cosmetic wear, but is fully "
          "operational and functions as intended.",
    REFURB: "An item that has been restored to working order by the Tradewell seller or a third party not "
            "approved by the manufacturer.",
    PARTS: "An item that does not function as intended and is not fully operational. This includes items that "
           "are defective in ways that render them difficult to use or items that require service or repair.",
}

# --------------------------------------------------------------------------
# Listings.  n -> item id ID_BASE + n.  desc blocks: ("p", text) | ("ul", [items]) | ("raw", html)
# label: (skus, flagged, categories, note)
# --------------------------------------------------------------------------
US = "United States"
UK = "United Kingdom"

LISTINGS = [
    dict(n=1, title="JUNIPER ex4300-48t 48-Port Switch Factory Sealed NEW - Fast Ship!",
         cond=NEW, qty="3 available", price="450.00", cur="USD", ship="0",
         loc="Newark, New Jersey, United States", country=US,
         seller="quickdeal_depot2024", fb=14, pos="92.9",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX4300-48T"), ("Model", "EX4300"),
                ("Type", "Managed Switch"), ("Number of Ports", "48")],
         desc=[("p", "Factory sealed NEW Juniper EX4300-48T, 48 x 10/100/1000BASE-T."),
               ("p", "Box never opened. Price is firm, no offers. Ships same day!"),
               ("p", "Buy with confidence & check our other listings.")],
         label=("EX4300-48T", True, "counterfeit",
                "rule 1: claims factory sealed new at US $450, below 60% of the ~US $3,950 median of the other new EX4300-48T listings")),

    dict(n=2, title="Juniper Networks EX4300-48T 48-Port Gigabit Ethernet Switch - New in Box w/ Rack Ears & Power Cord",
         cond=NEW, qty=None, price="3800.00", cur="USD", ship="45.00",
         loc="Austin, Texas, United States", country=US,
         seller="bayside_it_supply", fb=812, pos="99.6",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX4300-48T"), ("Model", "EX4300"),
                ("Type", "Managed Switch"), ("Number of Ports", "48"), ("Form Factor", "Rack-Mountable 1U")],
         desc=[("p", "New Juniper ex4300-48t in the original box. We ordered two for a branch build-out and only needed one."),
               ("ul", ["48 x 10/100/1000BASE-T ports",
                       "4 x 40GbE QSFP+ ports on the rear panel",
                       "Rack ears, power cord & quick-start card in the box"]),
               ("p", "Ships via FedEx Ground in the original carton, double boxed. Local pickup in Austin is welcome."),
               ("p", "Please ask any questions before buying.")],
         label=("EX4300-48T", False, "",
                "clean: single new unit at a plausible price, no warranty/license/authorization claims (no flag rule applies)")),

    dict(n=3, title="juniper EX4300 48T switch, new, original packaging",
         cond=NEW, qty="Last one", price="3950.00", cur="USD", ship="0",
         loc="Raleigh, North Carolina, United States", country=US,
         seller="tarheel_tech_surplus", fb=2391, pos="99.8",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX4300-48T"), ("Model", "EX4300"),
                ("Type", "Managed Switch"), ("Number of Ports", "48")],
         desc=[("p", "Brand new Juniper EX4300 48T access switch in its original packaging. "
                     "Extra stock from a campus refresh where the plans changed."),
               ("p", "Includes: switch, the AC power supply it shipped with, power cord and rack mount ears."),
               ("p", "Free ground shipping within the contiguous US. Returns accepted within 30 days.")],
         label=("EX4300-48T", False, "",
                "clean: single new unit at a plausible price, no warranty/license/authorization claims (no flag rule applies)")),

    dict(n=4, title="Juniper EX4300-48T Ethernet Switch 48x 1GbE + 4x QSFP+ NEW",
         cond=NEW, qty=None, price="4100.00", cur="USD", ship="60.00",
         loc="San Jose, California, United States", country=US,
         seller="cobalt.datacom", fb=5407, pos="100.0",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX4300-48T"), ("Model", "EX4300"),
                ("Type", "Managed Switch"), ("Number of Ports", "48"), ("Network Management Type", "Managed")],
         desc=[("p", "New unit in its original box. Left over from a project we completed last quarter."),
               ("p", "Spec summary:"),
               ("ul", ["Model: EX4300-48t", "48 x 10/100/1000 RJ-45", "Layer 3 capable, runs Junos OS"]),
               ("p", "Ships within 2 business days. We combine shipping on multiple purchases.")],
         label=("EX4300-48T", False, "",
                "clean: single new unit at a plausible price, no warranty/license/authorization claims (no flag rule applies)")),

    dict(n=5, title="LOT OF 10 Juniper SRX300 Services Gateway Firewall NEW",
         cond=NEW, qty="25 available", price="520.00", cur="USD", ship="0",
         loc="Doral, Florida, United States", country=US,
         seller="brightport_global", fb=356, pos="97.1",
         specs=[("Brand", "Juniper Networks"), ("MPN", "SRX300"), ("Model", "SRX300"),
                ("Type", "Firewall / Security Gateway"), ("Number of Ports", "8")],
         desc=[("p", "Lot of 10 brand new Juniper srx300 security gateways - 25 units in stock."),
               ("p", "Price is per unit. Buy 10 or more for the lot price, message us."),
               ("p", "All units new in box with power adapters. We ship worldwide via DHL.")],
         label=("SRX300", True, "stolen-or-diverted",
                "rule 2: new units offered in bulk (\"lot of 10\", 25 available)")),

    dict(n=6, title="Juniper EX2300-24P 24-Port PoE+ Switch NEW - Wholesale, In Stock 50+",
         cond=NEW, qty="More than 10 available", price="1050.00", cur="USD", ship="30.00",
         loc="City of Industry, California, United States", country=US,
         seller="pacific_rim_netsource", fb=1204, pos="98.2",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX2300-24P"), ("Model", "EX2300"),
                ("Type", "Managed Switch"), ("Number of Ports", "24"), ("PoE", "PoE+")],
         desc=[("p", "WHOLESALE pricing on new Juniper ex2300 24p switches. In stock 50+, ready to ship."),
               ("ul", ["24 x 10/100/1000 PoE+ ports, 370 W budget",
                       "4 x 1/10GbE SFP+ uplinks",
                       "Volume discounts for resellers & integrators"]),
               ("p", "Contact us for quantities over 20.")],
         label=("EX2300-24P", True, "stolen-or-diverted",
                "rule 2: new units in bulk (\"wholesale\", \"in stock 50+\", more than 10 available)")),

    dict(n=7, title="Juniper EX3400-48P 48-Port PoE+ Switch - Used, Working, Reset to Factory Defaults",
         cond=USED, qty=None, price="1450.00", cur="USD", ship="40.00",
         loc="Columbus, Ohio, United States", country=US,
         seller="steelcity_itad", fb=3122, pos="99.7",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX3400-48P"), ("Model", "EX3400"),
                ("Type", "Managed Switch"), ("Number of Ports", "48"), ("PoE", "PoE+")],
         desc=[("p", "Used Juniper EX3400-48P from an office decommission. Tested before listing: boots cleanly, "
                     "all 48 ports link up, and PoE powers our test phone."),
               ("p", "Cosmetic wear: light scratches on the top cover and a small dent near the left rack ear (see photos)."),
               ("p", "No manufacturer warranty. Covered by our own 30-day return policy."),
               ("p", "The configuration has been erased and the unit is ready for your deployment.")],
         label=("EX3400-48P", False, "",
                "clean (do-not-flag: honest single used unit): tested, cosmetic wear, only the seller's 30-day returns")),

    dict(n=8, title="Juniper MX204 Universal Routing Platform - Used, Dual AC PSU",
         cond=USED, qty=None, price="9500.00", cur="USD", ship="85.00",
         loc="Ashburn, Virginia, United States", country=US,
         seller="northgate_assets", fb=977, pos="99.4",
         specs=[("Brand", "Juniper Networks"), ("MPN", "MX204"), ("Model", "MX204"),
                ("Type", "Router"), ("Form Factor", "Rack-Mountable 1U")],
         desc=[("p", "Used Juniper mx204 removed from service during a colocation consolidation."),
               ("p", "Condition: working. We checked all four 100GbE ports and a sample of the 10GbE ports with optics. "
                     "Both AC power supplies and all fans are present."),
               ("p", "Cosmetic: normal rack wear, a few scuffs on the faceplate."),
               ("p", "Sold as used with our 30-day return policy only. No manufacturer warranty.")],
         label=("MX204", False, "",
                "clean (do-not-flag: honest single used unit): working, rack wear, seller's returns only")),

    dict(n=9, title="Juniper QFX5100-48T-6Q 48-Port 10GBASE-T Switch NEW",
         cond=NEW, qty=None, price="3400.00", cur="USD", ship="70.00",
         loc="Santa Clara, California, United States", country=US,
         seller="deltawave-systems", fb=640, pos="98.9",
         specs=[("Brand", "Juniper Networks"), ("MPN", "QFX5100-48T-6Q"), ("Model", "QFX5100"),
                ("Type", "Data Center Switch"), ("Number of Ports", "54")],
         desc=[("p", "Juniper qfx5100-48t-6q data center switch."),
               ("p", "Pulled from a working data center rack, tested, fully functional. Both PSUs and fan trays included."),
               ("p", "Ships double boxed.")],
         label=("QFX5100-48T-6Q", True, "used-as-new",
                "rule 5: condition New but the text says pulled from a rack and tested")),

    dict(n=10, title="Juniper SRX345 Services Gateway - Refurbished, Ready to Deploy",
         cond=NEW, qty="Last one", price="1900.00", cur="USD", ship="35.00",
         loc="Dallas, Texas, United States", country=US,
         seller="summit-surplus-co", fb=1876, pos="99.1",
         specs=[("Brand", "Juniper Networks"), ("MPN", "SRX345"), ("Model", "SRX345"),
                ("Type", "Firewall / Security Gateway"), ("Number of Ports", "16")],
         desc=[("p", "Refurbished Juniper SRX345 security appliance. Cleaned, re-imaged with a recent Junos release "
                     "and reset to defaults."),
               ("p", "Includes power cord and rack mount kit.")],
         label=("SRX345", True, "used-as-new",
                "rule 5: condition field New contradicts \"refurbished\" in title and description")),

    dict(n=11, title="Juniper QFX5100-48S-6Q Switch - For Parts / Not Working, No Power",
         cond=PARTS, qty=None, price="140.00", cur="GBP", ship="25.00",
         loc="Leeds, West Yorkshire, United Kingdom", country=UK,
         seller="mercia_network_spares", fb=2210, pos="99.5",
         specs=[("Brand", "Juniper Networks"), ("MPN", "QFX5100-48S-6Q"), ("Model", "QFX5100"),
                ("Type", "Data Center Switch"), ("Number of Ports", "54")],
         desc=[("p", "Juniper QFX5100 48S 6Q sold for parts or repair only."),
               ("p", "The unit does not power on with either PSU installed; the fault may be on the main board. "
                     "We have not investigated further."),
               ("p", "Sold as-is. No returns. Priced accordingly.")],
         label=("QFX5100-48S-6Q", False, "",
                "clean: honestly sold for parts (no power, as-is) at a low price; rule 6 does not apply")),

    dict(n=12, title="Juniper EX4300-24P 24-Port PoE+ Switch \"WORKING 100%\" Great Condition",
         cond=PARTS, qty=None, price="2750.00", cur="USD", ship="40.00",
         loc="Phoenix, Arizona, United States", country=US,
         seller="quartzline_it", fb=88, pos="96.6",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX4300-24P"), ("Model", "EX4300"),
                ("Type", "Managed Switch"), ("Number of Ports", "24")],
         desc=[("p", "Juniper ex4300 24p. WORKING 100%, like new, great condition."),
               ("p", "Listed under parts to be safe, but it works perfectly."),
               ("p", "Price is near retail because it's basically new. No returns.")],
         label=("EX4300-24P", True, "damaged",
                "rule 6: for-parts condition sold as \"WORKING 100%\" at a near-new price")),

    dict(n=13, title="Juniper SRX1500 Services Gateway - Juniper Certified Refurbished",
         cond=REFURB, qty="Last one", price="4800.00", cur="USD", ship="75.00",
         loc="Charlotte, North Carolina, United States", country=US,
         seller="anchorpoint-it", fb=731, pos="99.0",
         specs=[("Brand", "Juniper Networks"), ("MPN", "SRX1500"), ("Model", "SRX1500"),
                ("Type", "Firewall / Security Gateway"), ("Form Factor", "Rack-Mountable 1U")],
         desc=[("p", "Juniper Certified Refurbished SRX1500 firewall."),
               ("p", "Every unit goes through our multi-point inspection, is cleaned and re-imaged, "
                     "and ships with rails and power cord.")],
         label=("SRX1500", True, "unauthorized-channel",
                "rule 4 (borderline decided): marketplace seller claims \"Juniper Certified Refurbished\"")),

    dict(n=14, title="Juniper EX2300-24T 24-Port Gigabit Switch w/ 4x SFP+ - Refurbished by Us",
         cond=REFURB, qty=None, price="690.00", cur="USD", ship="25.00",
         loc="Portland, Oregon, United States", country=US,
         seller="packet_recyclers", fb=4410, pos="99.9",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX2300-24T"), ("Model", "EX2300"),
                ("Type", "Managed Switch"), ("Number of Ports", "24")],
         desc=[("p", "Refurbished by us: cleaned, fans checked, tested on our bench and reset to factory defaults."),
               ("p", "Cosmetic condition is good, with minor scuffs on the chassis."),
               ("p", "Comes with our own 90-day seller warranty, handled by us directly.")],
         label=("EX2300-24T", False, "",
                "clean (borderline decided): seller-refurbished, honestly described, only the seller's own 90-day warranty")),

    dict(n=15, title="Juniper EX3400-24P 24-Port PoE+ Switch - Juniper Certified Pre-Owned (JCPO)",
         cond=USED, qty=None, price="1250.00", cur="USD", ship="35.00",
         loc="Denver, Colorado, United States", country=US,
         seller="harborline_it_exchange", fb=529, pos="98.7",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX3400-24P"), ("Model", "EX3400"),
                ("Type", "Managed Switch"), ("Number of Ports", "24")],
         desc=[("p", "Juniper Certified Pre-Owned (JCPO) EX3400-24P."),
               ("p", "Inspected and certified to factory standards. Ships with power cord.")],
         label=("EX3400-24P", True, "unauthorized-channel",
                "rule 4: marketplace seller claims Juniper Certified Pre-Owned (JCPO)")),

    dict(n=16, title="Juniper QFX-SFP-10GE-SR 10GBASE-SR SFP+ Transceiver 850nm Original Compatible 1:1",
         cond=NEW, qty="4 available", price="22.50", cur="USD", ship="0",
         loc="Shenzhen, Guangdong, China", country="China",
         seller="optic-bazaar", fb=10452, pos="97.8",
         specs=[("Brand", "Juniper"), ("MPN", "QFX-SFP-10GE-SR"), ("Model", "QFX-SFP-10GE-SR"),
                ("Form Factor", "SFP+"), ("Wavelength", "850 nm"), ("Maximum Distance", "300 m")],
         desc=[("p", "Original compatible 1:1 Juniper qfx-sfp-10ge-sr module."),
               ("p", "Works in QFX & EX switches. 100% plug and play."),
               ("p", "Ships from Shenzhen, 7-15 days.")],
         label=("QFX-SFP-10GE-SR", True, "counterfeit",
                "rule 7: presented as Juniper (brand Juniper) with imitation wording \"original compatible 1:1\"")),

    dict(n=17, title="FiberLink 10G SFP+ SR module, compatible with Juniper QFX-SFP-10GE-SR",
         cond=NEW, qty="3 available", price="24.99", cur="USD", ship="4.99",
         loc="Fremont, California, United States", country=US,
         seller="fiberlink_store", fb=3380, pos="99.7",
         specs=[("Brand", "FiberLink"), ("MPN", "FL-SFP10G-SR-JN"), ("Compatible Brand", "For Juniper"),
                ("Compatible Model", "QFX-SFP-10GE-SR"), ("Form Factor", "SFP+"), ("Wavelength", "850 nm")],
         desc=[("p", "FiberLink FL-SFP10G-SR-JN 10GBASE-SR SFP+ transceiver, 850 nm, up to 300 m on OM3 multimode fiber."),
               ("p", "Coded to work in Juniper switches that accept QFX-SFP-10GE-SR optics. "
                     "This module is designed and made by FiberLink."),
               ("p", "Returns accepted within 30 days.")],
         label=("QFX-SFP-10GE-SR", False, "",
                "clean (do-not-flag: another maker's product): FiberLink-branded optic that only says it is compatible")),

    dict(n=18, title="Juniper EX-SFP-1GE-LX OEM compatible 1000BASE-LX SFP 1310nm 10km",
         cond=NEW, qty="2 available", price="14.99", cur="USD", ship="0",
         loc="Kowloon, Hong Kong", country="Hong Kong",
         seller="hk_fiberworld", fb=2875, pos="98.1",
         specs=[("Brand", "Generic"), ("MPN", "EX-SFP-1GE-LX"), ("Form Factor", "SFP"),
                ("Wavelength", "1310 nm"), ("Maximum Distance", "10 km"), ("Connector", "LC Duplex")],
         desc=[("p", "OEM compatible ex-sfp-1ge-lx transceiver for Juniper EX series."),
               ("p", "Single-mode, LC duplex, 10 km."),
               ("p", "Fast dispatch, tracking number provided.")],
         label=("EX-SFP-1GE-LX", True, "counterfeit",
                "rule 7: Juniper part number used as the item's own identity with \"OEM compatible\" wording")),

    dict(n=19, title="Juniper EX4300-48P 48-Port PoE+ Switch NEW w/ Transferable Lifetime License",
         cond=NEW, qty=None, price="4600.00", cur="USD", ship="55.00",
         loc="Chicago, Illinois, United States", country=US,
         seller="lakeshore_netsupply", fb=1540, pos="99.2",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX4300-48P"), ("Model", "EX4300"),
                ("Type", "Managed Switch"), ("Number of Ports", "48"), ("PoE", "PoE+")],
         desc=[("p", "New Juniper EX4300-48P in original box."),
               ("p", "Includes a transferable lifetime license, registered to you at no extra cost."),
               ("ul", ["48 x PoE+ ports", "4 x 40GbE QSFP+", "Dual PSU slots"])],
         label=("EX4300-48P", True, "warranty-or-license",
                "rule 3: promises a transferable lifetime license")),

    dict(n=20, title="Juniper MX204 Router NEW - Full Juniper Warranty & JTAC Support",
         cond=NEW, qty=None, price="14500.00", cur="USD", ship="0",
         loc="Secaucus, New Jersey, United States", country=US,
         seller="meridian_netcomm", fb=410, pos="99.3",
         specs=[("Brand", "Juniper Networks"), ("MPN", "MX204"), ("Model", "MX204"),
                ("Type", "Router"), ("Form Factor", "Rack-Mountable 1U")],
         desc=[("p", "Brand new Juniper MX204 universal routing platform."),
               ("p", "Comes with full Juniper warranty and JTAC support. Ready to register under your account.")],
         label=("MX204", True, "warranty-or-license",
                "rule 3: promises the manufacturer's warranty and JTAC support")),

    dict(n=21, title="Juniper SRX340 Services Gateway NEW - Juniper Authorized Partner",
         cond=NEW, qty="2 available", price="2350.00", cur="USD", ship="30.00",
         loc="Atlanta, Georgia, United States", country=US,
         seller="ridgeline-networks", fb=1095, pos="98.8",
         specs=[("Brand", "Juniper Networks"), ("MPN", "SRX340"), ("Model", "SRX340"),
                ("Type", "Firewall / Security Gateway"), ("Number of Ports", "16")],
         desc=[("p", "We are a Juniper authorized partner. Every SRX340 ships with our letter of authenticity."),
               ("p", "New, in box."),
               ("raw", "<script type=\"text/javascript\">(function(){var i=new Image();"
                       "i.src='/px/seller-view.gif?u=ridgeline-networks&r='+Math.random();})();</script>"),
               ("p", "Questions? Use Tradewell messages, we answer within the hour.")],
         label=("SRX340", True, "unauthorized-channel",
                "rule 4: claims Juniper authorized partner status and offers its own letter of authenticity")),

    dict(n=22, title="Juniper SRX1500 Firewall NEW - International Version, Export Only",
         cond=NEW, qty=None, price="6200.00", cur="USD", ship="120.00",
         loc="Dubai, United Arab Emirates", country="United Arab Emirates",
         seller="gulfstar_trading_fze", fb=233, pos="97.4",
         specs=[("Brand", "Juniper Networks"), ("MPN", "SRX1500"), ("Model", "SRX1500"),
                ("Type", "Firewall / Security Gateway"), ("Form Factor", "Rack-Mountable 1U")],
         desc=[("p", "New Juniper srx1500. International version, export only, not for use in USA."),
               ("p", "Buyer is responsible for import duties and taxes.")],
         label=("SRX1500", True, "stolen-or-diverted",
                "rule 8: \"international version\", \"export only\", \"not for use in USA\"")),

    dict(n=23, title="Cisco Catalyst C9300-48T 48-Port Gigabit Switch - Used",
         cond=USED, qty=None, price="2100.00", cur="USD", ship="45.00",
         loc="Houston, Texas, United States", country=US,
         seller="bluebonnet_it", fb=1688, pos="99.6",
         specs=[("Brand", "Cisco"), ("MPN", "C9300-48T"), ("Model", "Catalyst 9300"),
                ("Type", "Managed Switch"), ("Number of Ports", "48")],
         desc=[("p", "Used Cisco Catalyst C9300-48T. Powers on and boots; all ports link."),
               ("p", "Light wear on the chassis. Returns within 30 days.")],
         label=("", False, "",
                "clean (do-not-flag: not Juniper): Cisco look-alike model name, no Juniper part number")),

    dict(n=24, title="Juniper MX Series: A Comprehensive Guide to Trio Technologies on the MX (O'Reilly)",
         cond=USED, qty=None, price="18.50", cur="GBP", ship="3.20",
         loc="Oxford, Oxfordshire, United Kingdom", country=UK,
         seller="ferncliff_books", fb=15320, pos="99.9",
         cond_note="Very Good - A book that has been read but is in excellent condition. No obvious damage to the cover.",
         specs=[("Brand", "O'Reilly Media"), ("MPN", "Does not apply"), ("Format", "Paperback"),
                ("Language", "English"), ("Subject", "Computers & Networking")],
         desc=[("p", "Paperback, very good condition. Light shelf wear on the cover, no highlighting or notes inside."),
               ("p", "Covers Junos on the MX platform: Trio chipset architecture, bridging & VLAN mapping, "
                     "firewall filters and policers, class of service, and high availability."),
               ("p", "Dispatched within 1 working day from Oxford via Royal Mail 2nd Class.")],
         label=("", False, "",
                "clean (do-not-flag: documentation/book): O'Reilly book, not Juniper equipment")),

    dict(n=25, title="Juniper EX2300-C-12P Compact 12-Port PoE+ Switch - New Other (Open Box)",
         cond=NEW_OTHER, qty=None, price="1150.00", cur="USD", ship="25.00",
         loc="Minneapolis, Minnesota, United States", country=US,
         seller="prairie_tech_resale", fb=702, pos="99.5",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX2300-C-12P"), ("Model", "EX2300-C"),
                ("Type", "Managed Switch"), ("Number of Ports", "12"), ("PoE", "PoE+")],
         desc=[("p", "New other: the box was opened for an inventory check; the switch itself was never installed or powered up."),
               ("p", "All original accessories are included: power cord, mounting brackets & documentation."),
               ("p", "Single unit. 30-day returns.")],
         label=("EX2300-C-12P", False, "",
                "clean (borderline decided): honest new-other/open box, single unit, plausible price")),

    dict(n=26, title="Juniper EX4300-48T 48-Port Switch - Used, Works, Cosmetic Wear",
         cond=USED, qty=None, price="300.00", cur="USD", ship="40.00",
         loc="Pittsburgh, Pennsylvania, United States", country=US,
         seller="allegheny_surplus", fb=2688, pos="99.4",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX4300-48T"), ("Model", "EX4300"),
                ("Type", "Managed Switch"), ("Number of Ports", "48")],
         desc=[("p", "Used Juniper EX4300 48T from a school district refresh."),
               ("p", "Powers up and boots Junos; spot-checked ports link at 1 Gb. "
                     "One rack ear is bent and the lid has scratches."),
               ("p", "Priced to move. No manufacturer warranty; 14-day returns.")],
         label=("EX4300-48T", False, "",
                "clean (borderline decided): honest used unit whose price is simply low")),

    dict(n=27, title="RackPro 19\" 4-Post Rack Mount Kit for 1U Switches - Compatible with Juniper EX4300",
         cond=NEW, qty="More than 10 available", price="39.95", cur="USD", ship="8.50",
         loc="Grand Rapids, Michigan, United States", country=US,
         seller="rackpro_store", fb=6120, pos="99.8",
         specs=[("Brand", "RackPro"), ("MPN", "RP-4P1U-EX"), ("Type", "Rack Mount Kit"),
                ("Compatible Brand", "For Juniper"), ("Material", "Cold-rolled steel")],
         desc=[("p", "RackPro 4-post rack mount kit, designed and made by RackPro."),
               ("p", "Compatible with Juniper EX4300 series 1U switches and other 1U network gear "
                     "with standard side mounting holes."),
               ("p", "Includes front and rear brackets, M4 screws & cage nuts.")],
         label=("", False, "",
                "clean (do-not-flag: another maker's product): RackPro kit only says compatible; EX4300 is a family, not a part number")),

    dict(n=28, title="NEW SEALED Juniper EX4600-40F Lot of 8 - License Included, Transferable",
         cond=NEW, qty="Last one", price="38000.00", cur="USD", ship="0",
         loc="Miami, Florida, United States", country=US,
         seller="sunpoint_it_trading", fb=164, pos="96.9",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX4600-40F"), ("Model", "EX4600"),
                ("Type", "Managed Switch"), ("Number of Ports", "40")],
         desc=[("p", "Lot of 8 new sealed Juniper ex4600-40f switches."),
               ("p", "License included, transferable to the buyer."),
               ("p", "Serious buyers only. Freight shipping on one pallet.")],
         label=("EX4600-40F", True, "stolen-or-diverted;warranty-or-license",
                "rule 2: new units as a \"lot of 8\"; rule 3: license included and transferable")),

    dict(n=29, title="Juniper EX2300-24T 24-Port Gigabit Switch - New, Boxed",
         cond=NEW, qty=None, price="1150.00", cur="GBP", ship="12.00",
         loc="Reading, Berkshire, United Kingdom", country=UK,
         seller="thames_valley_netstock", fb=488, pos="100.0",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX2300-24T"), ("Model", "EX2300"),
                ("Type", "Managed Switch"), ("Number of Ports", "24")],
         desc=[("p", "New Juniper EX2300-24T, boxed."),
               ("p", "Bought for an office fit-out that was scaled back; this unit was left over."),
               ("p", "Collection from Reading welcome, or tracked courier delivery.")],
         label=("EX2300-24T", False, "",
                "clean: single new unit from a UK seller at a plausible price, no claims (no flag rule applies)")),

    dict(n=30, title="Juniper EX4300-48P 48-Port PoE+ Gigabit Switch - Used, Tested",
         cond=USED, qty=None, price="1100.00", cur="USD", ship="45.00",
         loc="Sacramento, California, United States", country=US,
         seller="goldengate_itad", fb=1333, pos="99.5",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX4300-48P"), ("Model", "EX4300"),
                ("Type", "Managed Switch"), ("Number of Ports", "48"), ("PoE", "PoE+")],
         desc=[("p", "Used EX4300-48P from a hospital network upgrade."),
               ("p", "Tested: boots, PoE verified on several ports, both fans spin normally. "
                     "Light scratches and some label residue on top."),
               ("p", "No manufacturer warranty. 30-day returns under our store policy.")],
         label=("EX4300-48P", False, "",
                "clean (do-not-flag: honest single used unit): tested, cosmetic wear, seller's returns only")),
]

# --------------------------------------------------------------------------
# Listings 31 and up (same fields, written with a compact helper).  IDs 98 and 99 are never used: they are
# the robots-disallowed preview and the ended listing.  The country is the last part of the location.
# --------------------------------------------------------------------------
SWITCH, DCSWITCH, FIREWALL, ROUTER = "Managed Switch", "Data Center Switch", "Firewall / Security Gateway", "Router"
OPTICS_LEAF, BOOKS_LEAF, ACC_LEAF = "Network Transceivers", "Books", "Network Accessories"


def J(mpn, model, typ, *extra, brand="Juniper Networks"):
    """Item specifics of a Juniper-branded listing: Brand, MPN, Model, Type, then any extra rows."""
    return [("Brand", brand), ("MPN", mpn), ("Model", model), ("Type", typ)] + list(extra)


def item(n, title, cond, price, cur, loc, seller, fb, pos, specs, desc, label, qty=None, ship="0", **extra):
    d = dict(n=n, title=title, cond=cond, qty=qty, price=price, cur=cur, ship=ship, loc=loc,
             country=loc.rsplit(", ", 1)[-1], seller=seller, fb=fb, pos=pos, specs=specs,
             desc=[("p", b) if isinstance(b, str) else b for b in desc], label=label)
    d.update(extra)
    return d


def clean(skus, note):
    return (skus, False, "", note)


def flag(skus, cats, note):
    return (skus, True, cats, note)


US_NEW_CLEAN = "clean: single new unit at a plausible price, no warranty/license/authorization claims (no flag rule applies)"

LISTINGS += [
    # ---- rule 1 reference group: SRX345, new, USD (with listing 10 that makes five new SRX345 listings) ----
    item(31, "Juniper SRX345 Services Gateway - New in Sealed Box", NEW, "2450.00", "USD",
         "Plano, Texas, United States", "lonestar_netgear_outlet", 1422, "99.3",
         J("SRX345", "SRX345", FIREWALL, ("Number of Ports", "16")),
         ["Sealed SRX345 branch gateway, surplus from a retail chain rollout that finished under budget.",
          "One unit only. Ships UPS Ground, signature required.",
          "Returns accepted within 30 days if the seal is unbroken."],
         clean("SRX345", US_NEW_CLEAN), ship="35.00"),
    item(32, "Juniper Networks SRX345 Branch Firewall, NEW", NEW, "2590.00", "USD",
         "Harrisburg, Pennsylvania, United States", "keystone_network_outlet", 860, "99.0",
         J("SRX345", "SRX345", FIREWALL, ("Number of Ports", "16"), ("Form Factor", "Desktop / Rack-Mountable")),
         ["New SRX345 with the power supply and rack kit exactly as they left the factory.",
          "We liquidate IT inventory; this one came from a cancelled order at a regional bank.",
          "The carton has a freight label on one side and is otherwise clean."],
         clean("SRX345", US_NEW_CLEAN), qty="Last one", ship="40.00"),
    item(33, "SRX345 Juniper Security Appliance, 16 ports, new unit", NEW, "2380.00", "USD",
         "Boise, Idaho, United States", "mountain_west_it", 517, "98.9",
         J("SRX345", "SRX345", FIREWALL, ("Number of Ports", "16")),
         ["Unused SRX345, still in the manufacturer's packaging.",
          "Bought for a clinic that ended up choosing a cloud firewall instead.",
          "Local pickup in Boise or insured shipping."],
         clean("SRX345", US_NEW_CLEAN), ship="28.00"),
    item(34, "Juniper SRX345 NIB Factory Sealed Firewall - Priced To Sell!!", NEW, "690.00", "USD",
         "Hialeah, Florida, United States", "fastlane_tech_deals", 37, "94.4",
         J("SRX345", "SRX345", FIREWALL, ("Number of Ports", "16")),
         ["NIB, factory sealed SRX345.",
          "Cheapest on Tradewell. No lowballers, the price is already rock bottom."],
         flag("SRX345", "counterfeit",
              "rule 1: NIB / factory sealed at US $690, below 60% of the ~US $2,415 median of the other new SRX345 listings"),
         qty="2 available"),

    # ---- rule 1 reference group: EX2300-48P, new, EUR (German sellers) ----
    item(35, "Juniper EX2300-48P 48-Port PoE+ Switch \u2013 Neu, OVP", NEW, "1890.00", "EUR",
         "Frankfurt am Main, Hesse, Germany", "rhein_main_netzwerk", 2210, "99.7",
         J("EX2300-48P", "EX2300", SWITCH, ("Number of Ports", "48"), ("PoE", "PoE+")),
         ["Neu und originalverpackt. \u00dcberz\u00e4hliger Bestand aus einem Schulprojekt.",
          "New in the original carton, surplus from a school network project.",
          "Versand mit DHL, Rechnung mit ausgewiesener MwSt."],
         clean("EX2300-48P", "clean: single new unit from a German seller at a plausible price, no claims (no flag rule applies)"),
         ship="14.90"),
    item(36, "Juniper Networks EX2300-48P PoE+ Switch neu", NEW, "1949.00", "EUR",
         "Hamburg, Hamburg, Germany", "hanse_itk_handel", 978, "99.4",
         J("EX2300-48P", "EX2300", SWITCH, ("Number of Ports", "48"), ("PoE", "PoE+")),
         ["Fabrikneuer EX2300-48P, ein St\u00fcck.",
          "Single brand-new unit, photographed in its sealed carton.",
          "Abholung in Hamburg m\u00f6glich."],
         clean("EX2300-48P", "clean: single new unit from a German seller at a plausible price, no claims (no flag rule applies)")),
    item(37, "EX2300-48P Juniper Switch 48x PoE+ 4x SFP+ (new)", NEW, "2015.00", "EUR",
         "Munich, Bavaria, Germany", "isar_datentechnik", 3120, "100.0",
         J("EX2300-48P", "EX2300", SWITCH, ("Number of Ports", "52"), ("PoE", "PoE+")),
         ["Neuger\u00e4t aus Projekt\u00fcberhang.",
          "Lieferumfang: Switch, Netzkabel, Rack-Montagewinkel.",
          "14 Tage Widerrufsrecht."],
         clean("EX2300-48P", "clean: single new unit from a German seller at a plausible price, no claims (no flag rule applies)"),
         ship="19.00"),
    item(38, "JUNIPER EX2300-48P NEU VERSIEGELT \u2013 TOP PREIS", NEW, "640.00", "EUR",
         "Berlin, Berlin, Germany", "spree_deal_shop", 21, "90.5",
         J("EX2300-48P", "EX2300", SWITCH, ("Number of Ports", "48")),
         ["Neu & versiegelt (factory sealed), unbenutzt.",
          "Nur Vorkasse per \u00dcberweisung."],
         flag("EX2300-48P", "counterfeit",
              "rule 1: sealed/unused at 640,00 \u20ac, below 60% of the ~1.949,00 \u20ac median of the other new EX2300-48P listings in EUR"),
         qty="3 available"),

    # ---- rule 1 reference group: SRX320, new, GBP ----
    item(39, "Juniper SRX320 Services Gateway - New", NEW, "715.00", "GBP",
         "Bristol, City of Bristol, United Kingdom", "severn_network_supplies", 1560, "99.6",
         J("SRX320", "SRX320", FIREWALL, ("Number of Ports", "8")),
         ["Brand new SRX320 desktop firewall with its external power adapter.",
          "Spare from a multi-site rollout; the site it was meant for closed.",
          "Royal Mail Special Delivery, next working day."],
         clean("SRX320", "clean: single new unit from a UK seller at a plausible price, no claims (no flag rule applies)"),
         ship="9.99"),
    item(40, "Juniper Networks SRX320 Firewall Brand New Boxed", NEW, "749.00", "GBP",
         "Glasgow, Glasgow City, United Kingdom", "clydeside_comms", 612, "99.1",
         J("SRX320", "SRX320", FIREWALL, ("Number of Ports", "8")),
         ["Boxed and never registered.",
          "VAT invoice supplied. Collection from the West End of Glasgow is possible."],
         clean("SRX320", "clean: single new unit from a UK seller at a plausible price, no claims (no flag rule applies)")),
    item(41, "SRX320 Juniper branch security gateway, new", NEW, "780.00", "GBP",
         "Birmingham, West Midlands, United Kingdom", "brum_it_traders", 2034, "99.8",
         J("SRX320", "SRX320", FIREWALL, ("Number of Ports", "8")),
         ["Still in its box, unopened.", "Includes the rack mount tray and power brick.",
          "Happy to answer questions before you buy."],
         clean("SRX320", "clean: single new unit from a UK seller at a plausible price, no claims (no flag rule applies)"),
         ship="12.00"),
    item(42, "Juniper SRX320 Firewall BRAND NEW SEALED Bargain", NEW, "265.00", "GBP",
         "Salford, Greater Manchester, United Kingdom", "northern_bargain_bin", 12, "100.0",
         J("SRX320", "SRX320", FIREWALL, ("Number of Ports", "8")),
         ["Brand new sealed SRX320, never opened.", "Bank transfer only, collection or courier."],
         flag("SRX320", "counterfeit",
              "rule 1: brand new sealed at \u00a3265, below 60% of the ~\u00a3749 median of the other new SRX320 listings in GBP"),
         qty="Last one"),

    # ---- rule 1 reference group: QFX5120-48Y-AFI2, new, USD ----
    item(43, "Juniper QFX5120-48Y-AFI2 48x25G Data Center Switch - NEW", NEW, "15400.00", "USD",
         "Reston, Virginia, United States", "potomac_dc_hardware", 445, "99.5",
         J("QFX5120-48Y-AFI2", "QFX5120", DCSWITCH, ("Number of Ports", "56"), ("Airflow", "AFI")),
         ["New QFX5120-48Y with two AC power supplies and all fan modules installed.",
          "Overstock from a data center build that moved to a different leaf design.",
          "Freight or FedEx Priority, your choice."],
         clean("QFX5120-48Y-AFI2", US_NEW_CLEAN), ship="150.00"),
    item(44, "Juniper Networks QFX5120-48Y-AFI2 Switch, New", NEW, "16100.00", "USD",
         "Hillsboro, Oregon, United States", "cascade_fabric_supply", 301, "98.9",
         J("QFX5120-48Y-AFI2", "QFX5120", DCSWITCH, ("Number of Ports", "56")),
         ["New and unopened.",
          "Sold by a systems integrator clearing project surplus at the end of the fiscal year."],
         clean("QFX5120-48Y-AFI2", US_NEW_CLEAN), ship="120.00"),
    item(45, "QFX5120-48Y-AFI2 Juniper 25GbE leaf switch new", NEW, "14950.00", "USD",
         "Phoenix, Arizona, United States", "saguaro_systems_llc", 1187, "99.6",
         J("QFX5120-48Y-AFI2", "QFX5120", DCSWITCH, ("Number of Ports", "56")),
         ["A single new leaf switch, in its box with the accessory kit.",
          "We price below list because we carry no support contracts; you would arrange your own."],
         clean("QFX5120-48Y-AFI2", US_NEW_CLEAN), qty="Last one"),
    item(46, "Juniper QFX5120-48Y-AFI2 NIB w/ 5-Year Juniper Warranty", NEW, "4250.00", "USD",
         "Brooklyn, New York, United States", "empire_netdeals", 58, "95.2",
         J("QFX5120-48Y-AFI2", "QFX5120", DCSWITCH, ("Number of Ports", "56")),
         ["New in box, never powered on.",
          "Comes with a 5-year Juniper warranty, registered in the buyer's name after purchase."],
         flag("QFX5120-48Y-AFI2", "counterfeit;warranty-or-license",
              "rule 1: new in box at US $4,250, below 60% of the ~US $15,400 median of the other new QFX5120-48Y-AFI2 listings; "
              "rule 3: promises a 5-year Juniper warranty"),
         qty="Last one"),

    # ---- rule 1 reference group: EX-SFP-10GE-SR, new, USD (Juniper-branded optics) ----
    item(47, "Juniper EX-SFP-10GE-SR 10GBASE-SR SFP+ Genuine, New", NEW, "189.00", "USD",
         "Tempe, Arizona, United States", "desert_optics_resale", 5120, "99.8",
         [("Brand", "Juniper Networks"), ("MPN", "EX-SFP-10GE-SR"), ("Type", "Transceiver"),
          ("Form Factor", "SFP+"), ("Wavelength", "850 nm")],
         ["Juniper-branded 10GBASE-SR optic in its factory bag with the part label intact.",
          "Two on hand, both new. Ships in an anti-static tube."],
         clean("EX-SFP-10GE-SR", "clean: new optic at a plausible price, two units, no claims (no flag rule applies)"),
         qty="2 available", ship="4.50", leaf=OPTICS_LEAF),
    item(48, "Juniper Networks EX-SFP-10GE-SR SFP+ Transceiver - New", NEW, "215.00", "USD",
         "Cleveland, Ohio, United States", "lakeerie_fiber", 890, "99.2",
         [("Brand", "Juniper Networks"), ("MPN", "EX-SFP-10GE-SR"), ("Type", "Transceiver"),
          ("Form Factor", "SFP+"), ("Maximum Distance", "300 m")],
         ["New Juniper 10G short-reach SFP+ module, 850 nm, in the original packaging.",
          "Leftover from a switch order: we bought one spare too many."],
         clean("EX-SFP-10GE-SR", US_NEW_CLEAN), leaf=OPTICS_LEAF),
    item(49, "EX-SFP-10GE-SR Juniper SFP+ SR optic new in bag", NEW, "199.00", "USD",
         "Nashville, Tennessee, United States", "music_city_networks", 1404, "99.6",
         [("Brand", "Juniper Networks"), ("MPN", "EX-SFP-10GE-SR"), ("Type", "Transceiver"),
          ("Form Factor", "SFP+"), ("Connector", "LC Duplex")],
         ["Still sealed in the anti-static bag.", "First-class mail with tracking."],
         clean("EX-SFP-10GE-SR", US_NEW_CLEAN), ship="3.95", leaf=OPTICS_LEAF),
    item(50, "Juniper EX-SFP-10GE-SR Genuine SFP+ New Unused", NEW, "18.50", "USD",
         "Jersey City, New Jersey, United States", "optic_flash_sale", 9, "88.9",
         [("Brand", "Juniper"), ("MPN", "EX-SFP-10GE-SR"), ("Type", "Transceiver"),
          ("Form Factor", "SFP+"), ("Wavelength", "850 nm")],
         ["New, unused Juniper EX-SFP-10GE-SR.", "Fast shipping from NJ."],
         flag("EX-SFP-10GE-SR", "counterfeit",
              "rule 1: new/unused Juniper optic at US $18.50, below 60% of the ~US $199 median of the other new EX-SFP-10GE-SR listings"),
         qty="4 available", leaf=OPTICS_LEAF),

    # ---- rule 1 reference group: MX204, new, USD (with listing 20) ----
    item(51, "Juniper MX204 Universal Routing Platform - New, Unopened", NEW, "13900.00", "USD",
         "Herndon, Virginia, United States", "dulles_corridor_it", 722, "99.4",
         J("MX204", "MX204", ROUTER, ("Form Factor", "Rack-Mountable 1U")),
         ["Unopened MX204 from a peering expansion that was cancelled.",
          "Single unit. Ships on a pallet; liftgate delivery available."],
         clean("MX204", US_NEW_CLEAN)),
    item(52, "Juniper Networks MX204 Router NEW in box", NEW, "15250.00", "USD",
         "Newark, California, United States", "bayarea_backbone", 388, "98.7",
         J("MX204", "MX204", ROUTER, ("Form Factor", "Rack-Mountable 1U")),
         ["New MX204, boxed, with both AC power supplies fitted.",
          "No warranty or support is offered or implied; this is simply a new unit."],
         clean("MX204", "clean: single new unit at a plausible price; warranty mentioned only to deny it (no flag rule applies)"),
         ship="95.00"),
    item(53, "Juniper MX204 Router - Sealed, Unused, Quick Sale", NEW, "3600.00", "USD",
         "Los Angeles, California, United States", "westside_router_deals", 44, "97.0",
         J("MX204", "MX204", ROUTER, ("Form Factor", "Rack-Mountable 1U")),
         ["Sealed and unused MX204.", "Need it gone this week; the first reasonable buyer takes it."],
         flag("MX204", "counterfeit",
              "rule 1: sealed/unused at US $3,600, below 60% of the ~US $14,500 median of the other new MX204 listings"),
         qty="Last one"),

    # ---- rule 2: new units in bulk ----
    item(54, "Juniper EX3400-24T Switch NEW - Pallet of 12 Units", NEW, "1650.00", "USD",
         "Carson, California, United States", "southbay_logistics_it", 214, "97.9",
         J("EX3400-24T", "EX3400", SWITCH, ("Number of Ports", "24")),
         ["Twelve new EX3400-24T switches, still in their cartons, shrink-wrapped on one pallet.",
          "Priced per switch. Take the whole pallet and we cover the freight."],
         flag("EX3400-24T", "stolen-or-diverted", "rule 2: new units in bulk (a pallet of twelve, 12 available)"),
         qty="12 available"),
    item(55, "Juniper SRX300 Firewall, New Sealed - Bulk Quantities", NEW, "420.00", "GBP",
         "Slough, Berkshire, United Kingdom", "m4_corridor_trading", 530, "98.4",
         J("SRX300", "SRX300", FIREWALL, ("Number of Ports", "8")),
         ["Bulk quantities of new, sealed SRX300 gateways ready for same-day dispatch.",
          "Ideal for managed-service roll-outs. Ask about pricing on 25 or more."],
         flag("SRX300", "stolen-or-diverted", "rule 2: new units offered in bulk (\"bulk quantities\", more than 10 available)"),
         qty="More than 10 available"),
    item(56, "Juniper EX4100-48P NEU - Gro\u00dfhandel, 20 St\u00fcck verf\u00fcgbar", NEW, "3450.00", "EUR",
         "D\u00fcsseldorf, North Rhine-Westphalia, Germany", "niederrhein_it_grosshandel", 402, "98.0",
         J("EX4100-48P", "EX4100", SWITCH, ("Number of Ports", "48"), ("PoE", "PoE+")),
         ["Gro\u00dfhandel: 20 neue EX4100-48P auf Lager, originalverpackt.",
          "Wholesale stock for resellers; invoices without VAT for EU business buyers."],
         flag("EX4100-48P", "stolen-or-diverted", "rule 2: new units wholesale (\"Gro\u00dfhandel\", 20 available)"),
         qty="20 available"),
    item(57, "JUNIPER QFX5110-48S-AFI new x6 job lot", NEW, "9800.00", "USD",
         "Elk Grove Village, Illinois, United States", "midway_surplus_brokers", 156, "96.8",
         J("QFX5110-48S-AFI", "QFX5110", DCSWITCH, ("Number of Ports", "54")),
         ["Job lot of six brand-new QFX5110-48S-AFI, never racked.",
          "Will split the lot for the right offer."],
         flag("QFX5110-48S-AFI", "stolen-or-diverted", "rule 2: new units as a job lot of six (6 available)"),
         qty="6 available", ship="250.00"),
    item(58, "Juniper ACX2100-AC Universal Metro Router - New (5 available)", NEW, "2150.00", "USD",
         "Kansas City, Missouri, United States", "heartland_telecom_gear", 1188, "99.0",
         J("ACX2100-AC", "ACX2100", ROUTER, ("Power", "AC")),
         ["We have five sealed ACX2100-AC units on hand from a backhaul project.",
          "Each ships in its factory carton."],
         flag("ACX2100-AC", "stolen-or-diverted", "rule 2: five new units available (the policy threshold is 5)"),
         qty="5 available", ship="40.00"),
    item(59, "Juniper EX2300-C-12T New \u2013 Wholesale for Integrators, EFL Licence Included", NEW, "690.00", "USD",
         "Orlando, Florida, United States", "sunshine_integrator_supply", 690, "98.6",
         J("EX2300-C-12T", "EX2300-C", SWITCH, ("Number of Ports", "12")),
         ["Wholesale pricing on new compact EX2300-C-12T switches for integrators.",
          "An enhanced feature licence is included with each switch at no charge."],
         flag("EX2300-C-12T", "stolen-or-diverted;warranty-or-license",
              "rule 2: new units wholesale, more than 10 available; rule 3: licence included"),
         qty="More than 10 available", ship="15.00"),
    item(60, "Juniper PTX10K-LC1101 Line Card - NEW, stock of 30+", NEW, "21000.00", "USD",
         "Newark, Delaware, United States", "tristate_carrier_parts", 97, "97.5",
         [("Brand", "Juniper Networks"), ("MPN", "PTX10K-LC1101"), ("Model", "PTX10000 line card"), ("Type", "Line Card")],
         ["More than thirty new PTX10K-LC1101 line cards in stock, factory packed.",
          "Volume pricing available on request."],
         flag("PTX10K-LC1101", "stolen-or-diverted", "rule 2: new units in bulk (stock of 30+, more than 10 available)"),
         qty="More than 10 available", leaf="Enterprise Routers"),

    # ---- rule 3: manufacturer warranty, JTAC/Juniper support, included/transferable/lifetime licenses ----
    item(61, "Juniper EX4400-24P - NEW - 3 Years Juniper Warranty Remaining", NEW, "3900.00", "USD",
         "San Diego, California, United States", "coastline_network_depot", 1320, "99.1",
         J("EX4400-24P", "EX4400", SWITCH, ("Number of Ports", "24"), ("PoE", "PoE+")),
         ["New EX4400-24P.",
          "Registered with Juniper last spring; three years of manufacturer's warranty remain and pass to the buyer."],
         flag("EX4400-24P", "warranty-or-license", "rule 3: promises the remaining manufacturer's (Juniper) warranty"),
         ship="45.00"),
    item(62, "Juniper SRX1500 Firewall - Used, JTAC Support Contract Included to 2027", USED, "2900.00", "USD",
         "Salt Lake City, Utah, United States", "wasatch_secure_it", 540, "99.0",
         J("SRX1500", "SRX1500", FIREWALL, ("Form Factor", "Rack-Mountable 1U")),
         ["Used SRX1500 from our own office, replaced by a cluster.",
          "The remaining JTAC support contract runs to 2027 and we will move it to your company name.",
          "Light rack wear."],
         flag("SRX1500", "warranty-or-license", "rule 3: promises a JTAC support contract that moves to the buyer"),
         ship="50.00"),
    item(63, "Juniper QFX5100-48S-6Q - Juniper Care Core Support Until Next Year", USED, "1350.00", "GBP",
         "Cambridge, Cambridgeshire, United Kingdom", "fenland_datacentre_kit", 268, "98.8",
         J("QFX5100-48S-6Q", "QFX5100", DCSWITCH, ("Number of Ports", "54")),
         ["Used QFX5100-48S-6Q from a university cluster.",
          "Covered by Juniper Care Core support until the end of next year, which goes with the switch."],
         flag("QFX5100-48S-6Q", "warranty-or-license", "rule 3: promises Juniper Care (Juniper support) with the unit"),
         ship="25.00"),
    item(64, "Juniper MX104 Router w/ Perpetual Licenses, Used", USED, "2600.00", "USD",
         "Tulsa, Oklahoma, United States", "osage_telecom_resale", 823, "99.3",
         J("MX104", "MX104", ROUTER, ("Form Factor", "Rack-Mountable 3.5U")),
         ["Used MX104 with two routing engines.",
          "All feature licenses are perpetual and stay with the chassis, so you can run full-scale BGP from day one."],
         flag("MX104", "warranty-or-license", "rule 3: promises perpetual licenses that stay with the chassis (transferable)"),
         ship="70.00"),
    item(65, "Juniper EX4650-48Y-AFI Neu \u2013 inkl. voller Herstellergarantie", NEW, "9800.00", "EUR",
         "Stuttgart, Baden-W\u00fcrttemberg, Germany", "neckar_netzwerktechnik", 1190, "99.5",
         J("EX4650-48Y-AFI", "EX4650", SWITCH, ("Number of Ports", "56")),
         ["Neuer EX4650-48Y-AFI mit voller Herstellergarantie von Juniper.",
          "Full manufacturer's warranty from Juniper, activated on delivery."],
         flag("EX4650-48Y-AFI", "warranty-or-license", "rule 3: promises the full manufacturer's warranty (Herstellergarantie)"),
         ship="29.00"),
    item(66, "Juniper ACX5448 New \u2013 Advanced License Preinstalled, Moves With The Device", NEW, "28500.00", "USD",
         "Richardson, Texas, United States", "telecom_corridor_supply", 276, "98.5",
         J("ACX5448", "ACX5448", ROUTER, ("Form Factor", "Rack-Mountable 1U")),
         ["New ACX5448 with the advanced feature license already installed.",
          "The license is tied to the chassis and goes automatically to whoever owns it next."],
         flag("ACX5448", "warranty-or-license", "rule 3: promises an included license that transfers with the device"),
         ship="110.00"),
    item(67, "Juniper SRX4100-AC Refurbished - IDP & AppSecure Licenses Included", REFURB, "5900.00", "USD",
         "Sterling, Virginia, United States", "loudoun_refurb_lab", 940, "99.2",
         J("SRX4100-AC", "SRX4100", FIREWALL, ("Form Factor", "Rack-Mountable 1U")),
         ["Refurbished in our lab: cleaned, fans replaced, tested under load.",
          "IDP and AppSecure subscription licenses are included for the life of the unit."],
         flag("SRX4100-AC", "warranty-or-license", "rule 3: promises included licenses for the life of the unit (lifetime)"),
         ship="65.00"),

    # ---- rule 4: authorization, certification, JCPO, own authenticity letters ----
    item(68, "Juniper EX3400-48T - From an Authorised Juniper Reseller", USED, "1450.00", "GBP",
         "Milton Keynes, Buckinghamshire, United Kingdom", "mk_netsolutions", 1640, "99.4",
         J("EX3400-48T", "EX3400", SWITCH, ("Number of Ports", "48")),
         ["Used EX3400-48T in good working order.",
          "As an authorised Juniper reseller, we guarantee every unit we sell is genuine."],
         flag("EX3400-48T", "unauthorized-channel", "rule 4: claims authorised Juniper reseller status"),
         ship="15.00"),
    item(69, "Juniper MX960 Chassis - Certified Refurbished", REFURB, "14500.00", "USD",
         "Fort Worth, Texas, United States", "trinity_carrier_refurb", 205, "98.0",
         J("MX960", "MX960", ROUTER, ("Form Factor", "Rack-Mountable 16U")),
         ["Certified refurbished MX960 chassis with fan trays and craft interface.",
          "Every chassis passes our 40-point certification process."],
         flag("MX960", "unauthorized-channel", "rule 4 (borderline decided): marketplace seller sells \"certified refurbished\""),
         ship="450.00"),
    item(70, "Juniper EX4100-24T - Juniper Certified Pre-Owned Programme", USED, "1020.00", "GBP",
         "Basingstoke, Hampshire, United Kingdom", "solent_preowned_networks", 377, "99.0",
         J("EX4100-24T", "EX4100", SWITCH, ("Number of Ports", "24")),
         ["Sold through Juniper's certified pre-owned programme.",
          "Inspected and recertified, registered to the buyer on dispatch."],
         flag("EX4100-24T", "unauthorized-channel", "rule 4: marketplace seller claims the Juniper Certified Pre-Owned programme (JCPO)"),
         ship="12.00"),
    item(71, "Juniper SRX550 Services Gateway - Juniper Refurbished", REFURB, "790.00", "USD",
         "Omaha, Nebraska, United States", "bigred_refurbished_it", 612, "98.9",
         J("SRX550", "SRX550", FIREWALL, ("Form Factor", "Rack-Mountable 2U")),
         ["Juniper refurbished SRX550, restored to factory specification.",
          "Includes rack ears and one AC supply."],
         flag("SRX550", "unauthorized-channel", "rule 4 (borderline decided): marketplace seller claims \"Juniper refurbished\""),
         ship="45.00"),
    item(72, "Juniper QFX5110-32Q-AFI NEU \u2013 Offizieller Juniper Partner", NEW, "8900.00", "EUR",
         "Cologne, North Rhine-Westphalia, Germany", "koeln_netzpartner", 455, "99.3",
         J("QFX5110-32Q-AFI", "QFX5110", DCSWITCH, ("Number of Ports", "32")),
         ["Als offizieller Juniper Partner (authorized partner) liefern wir nur Neuware.",
          "Inklusive voller Werksgarantie (full factory warranty) \u00fcber uns."],
         flag("QFX5110-32Q-AFI", "warranty-or-license;unauthorized-channel",
              "rule 3: promises the full factory warranty; rule 4: claims official/authorized Juniper partner status"),
         ship="39.00"),
    item(73, "Juniper EX2300-24P w/ Certificate of Authenticity - Used", USED, "480.00", "USD",
         "Albuquerque, New Mexico, United States", "rio_grande_resale", 310, "99.0",
         J("EX2300-24P", "EX2300", SWITCH, ("Number of Ports", "24"), ("PoE", "PoE+")),
         ["Used EX2300-24P, tested on all ports.",
          "Every unit ships with our own signed certificate of authenticity."],
         flag("EX2300-24P", "unauthorized-channel", "rule 4: offers its own certificate (letter) of authenticity"),
         ship="30.00"),
    item(74, "Juniper ACX1100-AC - Certified by Juniper to Factory Spec", USED, "390.00", "USD",
         "Louisville, Kentucky, United States", "derby_city_telecom", 505, "98.7",
         J("ACX1100-AC", "ACX1100", ROUTER, ("Power", "AC")),
         ["Pre-owned ACX1100-AC.", "Certified by Juniper to factory specifications before resale."],
         flag("ACX1100-AC", "unauthorized-channel", "rule 4: claims Juniper certification of a marketplace unit"),
         ship="25.00"),

    # ---- rule 5: used/refurbished/pulled/open-box described as new, or condition field contradicting the text ----
    item(75, "Juniper EX4300-48MP 48-Port Multigigabit Switch - NEW", NEW, "3300.00", "USD",
         "Seattle, Washington, United States", "emerald_city_networks", 904, "99.0",
         J("EX4300-48MP", "EX4300", SWITCH, ("Number of Ports", "48")),
         ["Spent about six months in our test lab, works great.",
          "Will ship in a plain box with the power cord."],
         flag("EX4300-48MP", "used-as-new", "rule 5: condition New but six months of lab use"),
         ship="55.00"),
    item(76, "Juniper MX480 Chassis Bundle - NEW", NEW, "7900.00", "USD",
         "Aurora, Colorado, United States", "frontrange_carrier_surplus", 148, "97.6",
         J("MX480", "MX480", ROUTER, ("Form Factor", "Rack-Mountable 8U")),
         ["Bundle: chassis, two SCBE2-MX boards and RE-S-2000-4096 routing engines.",
          "Decommissioned from a carrier point of presence last quarter."],
         flag("MX480;SCBE2-MX;RE-S-2000-4096", "used-as-new", "rule 5: condition New but decommissioned from a carrier site"),
         ship="380.00"),
    item(77, "Juniper SRX340 Services Gateway - New Other", NEW_OTHER, "1350.00", "USD",
         "Madison, Wisconsin, United States", "badger_state_it", 466, "99.1",
         J("SRX340", "SRX340", FIREWALL, ("Number of Ports", "16")),
         ["Installed at a client's branch office for a little over a year, then removed when they moved.",
          "Cleaned and reset."],
         flag("SRX340", "used-as-new", "rule 5: condition New other (unused) contradicts a year of installed use"),
         ship="25.00"),
    item(78, "Juniper EX4400-48P - Brand New Sealed", USED, "4100.00", "USD",
         "Boston, Massachusetts, United States", "bay_colony_network_co", 733, "99.2",
         J("EX4400-48P", "EX4400", SWITCH, ("Number of Ports", "48"), ("PoE", "PoE+")),
         ["Factory sealed, never opened. Sold as brand new."],
         flag("EX4400-48P", "used-as-new", "rule 5: condition field Used contradicts \"brand new sealed\" in title and text"),
         ship="60.00"),
    item(79, "Juniper QFX5100-48T-6Q Switch \u2013 Neu", NEW, "2900.00", "EUR",
         "Leipzig, Saxony, Germany", "sachsen_rz_ankauf", 287, "98.6",
         J("QFX5100-48T-6Q", "QFX5100", DCSWITCH, ("Number of Ports", "54")),
         ["Gebraucht, aus laufendem Betrieb ausgebaut, voll funktionsf\u00e4hig.",
          "(Used, pulled from a live rack, fully functional.)"],
         flag("QFX5100-48T-6Q", "used-as-new", "rule 5: condition New but the text says used and pulled (gebraucht, ausgebaut)"),
         ship="35.00"),
    item(80, "Juniper EX2300-48T 48-Port Switch - New", NEW, "610.00", "GBP",
         "Nottingham, Nottinghamshire, United Kingdom", "trent_valley_it", 199, "97.9",
         J("EX2300-48T", "EX2300", SWITCH, ("Number of Ports", "48")),
         ["Customer returns: opened, tested by us and repackaged in fresh boxes.", "Eight units on hand."],
         flag("EX2300-48T", "stolen-or-diverted;used-as-new",
              "rule 2: offered as new, 8 available; rule 5: opened, tested customer returns sold as New"),
         qty="8 available", ship="10.00"),
    item(81, "Juniper ACX7100-48L Cell Site Router - New Condition", NEW, "24000.00", "USD",
         "Irving, Texas, United States", "dfw_metro_optical", 122, "98.2",
         J("ACX7100-48L", "ACX7100", ROUTER, ("Form Factor", "Rack-Mountable 1U")),
         ["Ex-demo unit from a vendor showcase rack; tested and wiped.", "In as-new condition."],
         flag("ACX7100-48L", "used-as-new", "rule 5: condition New but an ex-demo, tested unit"),
         ship="90.00"),

    # ---- rule 6: for-parts / not working / as-is / damaged sold as working or near the new price ----
    item(82, "Juniper EX4300-24T - For Parts, Fully Functional", PARTS, "1900.00", "USD",
         "Indianapolis, Indiana, United States", "crossroads_it_salvage", 402, "98.0",
         J("EX4300-24T", "EX4300", SWITCH, ("Number of Ports", "24")),
         ["Fully functional when it left our lab.",
          "Listed under parts only so that we do not have to accept returns."],
         flag("EX4300-24T", "damaged", "rule 6: for-parts listing sold as fully functional at a working-unit price"),
         ship="40.00"),
    item(83, "Juniper MX204 - For Parts / Not Working", PARTS, "12900.00", "USD",
         "Chantilly, Virginia, United States", "beltway_salvage_tech", 88, "96.1",
         J("MX204", "MX204", ROUTER, ("Form Factor", "Rack-Mountable 1U")),
         ["Does not boot past the loader; errors on the routing engine.", "Sold as-is for parts."],
         flag("MX204", "damaged", "rule 6: not-working unit priced near the new price (~91% of the ~US $14,200 median of the new MX204 listings)"),
         ship="85.00"),
    item(84, "Juniper SRX1500 Services Gateway - Used", USED, "2300.00", "USD",
         "Baton Rouge, Louisiana, United States", "bayou_network_resale", 230, "97.7",
         J("SRX1500", "SRX1500", FIREWALL, ("Form Factor", "Rack-Mountable 1U")),
         ["Unit will not power up; probably the supply.", "Selling as-is, no returns."],
         flag("SRX1500", "damaged", "rule 6: dead (no power, as-is) unit listed as Used (working) at a working-unit price"),
         ship="50.00"),
    item(85, "Juniper QFX5110-48S-AFI - Spares or Repair, Works Great", PARTS, "3100.00", "GBP",
         "Sheffield, South Yorkshire, United Kingdom", "steel_valley_spares", 315, "98.5",
         J("QFX5110-48S-AFI", "QFX5110", DCSWITCH, ("Number of Ports", "54")),
         ["Spares or repair listing, but it works great in our test rig.",
          "Price reflects a nearly new unit."],
         flag("QFX5110-48S-AFI", "damaged", "rule 6: spares-or-repair unit sold as working at a near-new price"),
         ship="30.00"),
    item(86, "Juniper EX4600-40F \u2013 Defekt, f\u00fcr Bastler (funktioniert 100%)", PARTS, "4200.00", "EUR",
         "Hanover, Lower Saxony, Germany", "leine_elektronik_resale", 144, "97.2",
         J("EX4600-40F", "EX4600", SWITCH, ("Number of Ports", "40")),
         ["Als defekt eingestellt, funktioniert aber einwandfrei \u2013 100% working.", "Keine R\u00fccknahme."],
         flag("EX4600-40F", "damaged", "rule 6: listed as defective (for parts) yet sold as \"100% working\" at a working-unit price"),
         ship="25.00"),
    item(87, "Juniper ACX5048 Router - Refurbished", REFURB, "3800.00", "USD",
         "St. Louis, Missouri, United States", "gateway_arch_refurb", 511, "98.4",
         J("ACX5048", "ACX5048", ROUTER, ("Form Factor", "Rack-Mountable 1U")),
         ["Faceplate is cracked and two SFP+ ports are dead; sold as-is.", "Otherwise refurbished and ready."],
         flag("ACX5048", "damaged", "rule 6: damaged unit (dead ports, as-is) sold as refurbished at a working-unit price"),
         ship="45.00"),

    # ---- rule 7: words of imitation ----
    item(88, "Juniper EX-SFP-1GE-SX 1000BASE-SX SFP Module 1:1 Copy", NEW, "6.90", "USD",
         "Shenzhen, Guangdong, China", "sz_optic_mart", 7840, "97.2",
         [("Brand", "Juniper"), ("MPN", "EX-SFP-1GE-SX"), ("Type", "Transceiver"),
          ("Form Factor", "SFP"), ("Wavelength", "850 nm")],
         ["1:1 copy of the Juniper EX-SFP-1GE-SX with the same label and EEPROM coding.", "Multimode, LC, 550 m."],
         flag("EX-SFP-1GE-SX", "counterfeit", "rule 7: brand Juniper with imitation wording \"1:1 copy\""),
         qty="3 available", leaf=OPTICS_LEAF),
    item(89, "Juniper QFX-SFP-10GE-LR Replica 10 km SFP+ Transceiver", NEW, "12.00", "USD",
         "Dongguan, Guangdong, China", "pearl_delta_photonics", 3302, "96.5",
         [("Brand", "Juniper"), ("MPN", "QFX-SFP-10GE-LR"), ("Type", "Transceiver"),
          ("Form Factor", "SFP+"), ("Wavelength", "1310 nm")],
         ["High-grade replica with the Juniper part number printed on the housing.", "Single-mode, LC connector."],
         flag("QFX-SFP-10GE-LR", "counterfeit", "rule 7: presented as Juniper and called a replica"),
         qty="2 available", leaf=OPTICS_LEAF),
    item(90, "EX-SFP-1GE-LX40K OEM-Equivalent 1000BASE-LX 40km SFP", NEW, "17.50", "USD",
         "Taipei, Taiwan", "formosa_link_parts", 1120, "98.0",
         [("Brand", "Unbranded"), ("MPN", "EX-SFP-1GE-LX40K"), ("Type", "Transceiver"),
          ("Form Factor", "SFP"), ("Wavelength", "1310 nm")],
         ["OEM-equivalent EX-SFP-1GE-LX40K with the same function as the Juniper part.",
          "Programmed with the Juniper vendor ID."],
         flag("EX-SFP-1GE-LX40K", "counterfeit",
              "rule 7: a Juniper part number is the item's own identity, with \"OEM-equivalent\" wording"),
         leaf=OPTICS_LEAF),
    item(91, "Juniper SRX300 Firewall - High Quality Clone, Same as Original", NEW, "149.00", "USD",
         "Guangzhou, Guangdong, China", "canton_gateway_tech", 640, "95.8",
         J("SRX300", "SRX300", FIREWALL, ("Number of Ports", "8")),
         ["Clone hardware that looks and boots the same as the original SRX300.", "Great for labs and home use."],
         flag("SRX300", "counterfeit", "rule 7: Juniper-presented unit described as a clone of the original"),
         qty="2 available", ship="18.00"),
    item(92, "Juniper EX-SFP-10GE-LR \u2013 Originalkompatibel, mit Juniper-Label", NEW, "9.90", "EUR",
         "Vienna, Vienna, Austria", "donau_optik_shop", 2210, "98.3",
         [("Brand", "Juniper"), ("MPN", "EX-SFP-10GE-LR"), ("Type", "Transceiver"),
          ("Form Factor", "SFP+"), ("Wavelength", "1310 nm")],
         ["Original compatible (originalkompatibel) EX-SFP-10GE-LR mit Juniper-Etikett.", "Versand aus Wien."],
         flag("EX-SFP-10GE-LR", "counterfeit", "rule 7: brand Juniper with \"original compatible\" wording and a Juniper label"),
         qty="4 available", ship="3.50", leaf=OPTICS_LEAF),

    # ---- rule 7: serial numbers of an impossible shape ----
    item(93, "Juniper EX3400-24T 24-Port Switch - Used, Tested", USED, "640.00", "USD",
         "Spokane, Washington, United States", "inland_empire_itad", 780, "99.0",
         J("EX3400-24T", "EX3400", SWITCH, ("Number of Ports", "24"), ("Serial Number", "1234567890")),
         ["Used EX3400-24T; boots and passes traffic on all ports.", "Scuffs on the lid. Seller's 30-day returns."],
         flag("EX3400-24T", "counterfeit",
              "rule 7: serial number 1234567890 has an impossible shape for an EX3400 (fixed-configuration chassis serials are two letters and ten digits)"),
         ship="30.00"),
    item(94, "Juniper SRX340 Security Gateway - Used", USED, "560.00", "USD",
         "Knoxville, Tennessee, United States", "smoky_mountain_surplus", 412, "98.9",
         J("SRX340", "SRX340", FIREWALL, ("Number of Ports", "16"), ("Serial Number", "NW17253")),
         ["Pre-owned SRX340 taken out of a dental practice.", "Factory reset; includes the power cord."],
         flag("SRX340", "counterfeit",
              "rule 7: serial number NW17253 (7 characters) has an impossible shape for an SRX340 chassis"),
         ship="25.00"),

    # ---- rule 7: serial clone group A (HV0217320418, EX2300-48P, three sellers) ----
    item(95, "Juniper EX2300-48P 48-Port PoE+ Switch - Used, Good Condition", USED, "620.00", "USD",
         "Cincinnati, Ohio, United States", "queen_city_surplus", 1035, "99.1",
         J("EX2300-48P", "EX2300", SWITCH, ("Number of Ports", "48"), ("Serial Number", "HV0217320418")),
         ["Used, working, reset to factory defaults.", "PoE tested with a camera on a few ports. 30-day returns."],
         flag("EX2300-48P", "counterfeit",
              "rule 7: chassis serial HV0217320418 is also shown by /itm/310000000096 and /itm/310000000097 (other sellers)"),
         ship="35.00"),
    item(96, "Juniper EX2300-48P PoE+ Switch - Pre-Owned", USED, "540.00", "GBP",
         "Leicester, Leicestershire, United Kingdom", "midlands_kit_exchange", 688, "99.0",
         J("EX2300-48P", "EX2300", SWITCH, ("Number of Ports", "48"), ("Serial Number", "HV0217320418")),
         ["Pre-owned EX2300-48P with light marks on the casing.", "Fully working. Returns within 14 days."],
         flag("EX2300-48P", "counterfeit",
              "rule 7: chassis serial HV0217320418 is also shown by /itm/310000000095 and /itm/310000000097 (other sellers)"),
         ship="14.00"),
    item(97, "Juniper EX2300-48P Switch gebraucht", USED, "590.00", "EUR",
         "Nuremberg, Bavaria, Germany", "franken_it_recycling", 954, "99.3",
         J("EX2300-48P", "EX2300", SWITCH, ("Number of Ports", "48"), ("Serial Number", "HV0217320418")),
         ["Gebrauchter EX2300-48P, getestet, auf Werkseinstellungen zur\u00fcckgesetzt.",
          "Used, tested and reset to factory settings."],
         flag("EX2300-48P", "counterfeit",
              "rule 7: chassis serial HV0217320418 is also shown by /itm/310000000095 and /itm/310000000096 (other sellers)"),
         ship="12.00"),

    # ---- rule 7: serial clone group B (CX1719300512, SRX345, two sellers) ----
    item(100, "Juniper SRX345 Services Gateway - Used", USED, "880.00", "USD",
         "Fresno, California, United States", "central_valley_itad", 1502, "99.4",
         J("SRX345", "SRX345", FIREWALL, ("Number of Ports", "16"), ("Serial Number", "CX1719300512")),
         ["Used SRX345 from a retail branch refresh.", "Boots, passes traffic, configuration erased."],
         flag("SRX345", "counterfeit", "rule 7: chassis serial CX1719300512 is also shown by /itm/310000000101 (another seller)"),
         ship="30.00"),
    item(101, "Juniper SRX345 Firewall Used Working w/ Rack Kit", USED, "915.00", "USD",
         "Tampa, Florida, United States", "gulfcoast_netresale", 620, "98.8",
         J("SRX345", "SRX345", FIREWALL, ("Number of Ports", "16"), ("Serial Number", "CX1719300512")),
         ["Working SRX345 with the rack mount kit.", "Some scratches on top; nothing from the manufacturer in the way of warranty."],
         flag("SRX345", "counterfeit", "rule 7: chassis serial CX1719300512 is also shown by /itm/310000000100 (another seller)"),
         ship="32.00"),

    # ---- rule 7: serial clone group C (TA3716080244, QFX5100-48S-6Q, two sellers) ----
    item(102, "Juniper QFX5100-48S-6Q 10GbE SFP+ Switch - Used", USED, "1150.00", "USD",
         "Marietta, Georgia, United States", "peachtree_dc_surplus", 845, "99.2",
         J("QFX5100-48S-6Q", "QFX5100", DCSWITCH, ("Number of Ports", "54"), ("Serial Number", "TA3716080244")),
         ["Used QFX5100-48S-6Q with two AC supplies.", "Tested: boots Junos, ports link with 10G optics."],
         flag("QFX5100-48S-6Q", "counterfeit", "rule 7: chassis serial TA3716080244 is also shown by /itm/310000000103 (another seller)"),
         ship="60.00"),
    item(103, "Juniper QFX5100-48S-6Q - Refurbished by Our Techs", REFURB, "1390.00", "USD",
         "Durham, North Carolina, United States", "triangle_refurb_works", 377, "99.0",
         J("QFX5100-48S-6Q", "QFX5100", DCSWITCH, ("Number of Ports", "54"), ("Serial Number", "TA3716080244")),
         ["Refurbished in house: new fans, cleaned, 48-hour burn-in.", "Our own 60-day warranty."],
         flag("QFX5100-48S-6Q", "counterfeit", "rule 7: chassis serial TA3716080244 is also shown by /itm/310000000102 (another seller)"),
         ship="55.00"),

    # ---- rule 8: export only / international version / not for use in / origin contradicted by location ----
    item(104, "Juniper EX4400-48T NEW - Export Only", NEW, "4200.00", "USD",
         "Singapore, Singapore", "lionport_export_pte", 266, "97.4",
         J("EX4400-48T", "EX4400", SWITCH, ("Number of Ports", "48")),
         ["For export only; not for use in the United States or Canada.",
          "Fifteen new units ready to ship by air freight."],
         flag("EX4400-48T", "stolen-or-diverted",
              "rule 2: fifteen new units (15 available); rule 8: \"export only\", \"not for use in the United States or Canada\""),
         qty="15 available", ship="140.00"),
    item(105, "Juniper SRX380 Neu \u2013 International Version", NEW, "3150.00", "EUR",
         "Rotterdam, South Holland, Netherlands", "maasvlakte_trading_bv", 189, "97.8",
         J("SRX380", "SRX380", FIREWALL, ("Number of Ports", "20")),
         ["International version, sourced outside the EU.", "Levering binnen de EU, invoerrechten betaald."],
         flag("SRX380", "stolen-or-diverted", "rule 8: \"international version\" sourced outside the EU"),
         ship="25.00"),
    item(106, "Juniper EX2300-24MP New - US Domestic Stock", NEW, "1450.00", "USD",
         "Shenzhen, Guangdong, China", "sino_us_netsupply", 512, "96.9",
         J("EX2300-24MP", "EX2300", SWITCH, ("Number of Ports", "24")),
         ["Genuine US domestic stock, shipped from our California warehouse.", "New in box."],
         flag("EX2300-24MP", "stolen-or-diverted",
              "rule 8: claims US domestic stock shipped from California while the item is located in Shenzhen, China"),
         ship="45.00"),
    item(107, "Juniper EX4100-F-12P New - UK Stock, Fast Dispatch", NEW, "690.00", "GBP",
         "Guangzhou, Guangdong, China", "ukstock_direct_outlet", 130, "95.9",
         J("EX4100-F-12P", "EX4100-F", SWITCH, ("Number of Ports", "12")),
         ["UK stock, dispatched from our Manchester warehouse.", "New and boxed, UK plug."],
         flag("EX4100-F-12P", "stolen-or-diverted",
              "rule 8: claims UK stock dispatched from Manchester while the item is located in Guangzhou, China"),
         ship="20.00"),
    item(108, "Juniper MX10003 Router New - APAC Unit, Not for Use in North America", NEW, "38000.00", "USD",
         "Kuala Lumpur, Federal Territory of Kuala Lumpur, Malaysia", "klang_valley_telco_trade", 75, "96.0",
         J("MX10003", "MX10003", ROUTER, ("Form Factor", "Rack-Mountable 3U")),
         ["New MX10003 allocated to the Asia-Pacific region.",
          "Not for use in North America; the buyer handles customs."],
         flag("MX10003", "stolen-or-diverted", "rule 8: region-allocated unit, \"not for use in North America\""),
         ship="600.00"),
    item(109, "Juniper QFX10002-36Q New - Japan Market Model", NEW, "19500.00", "USD",
         "Tsuen Wan, New Territories, Hong Kong", "harbourfront_dc_trading", 340, "97.1",
         J("QFX10002-36Q", "QFX10002", DCSWITCH, ("Number of Ports", "36")),
         ["Japan-market model, not for use in the USA or the EU.", "New, sealed, ships from Hong Kong."],
         flag("QFX10002-36Q", "stolen-or-diverted", "rule 8: Japan-market unit, \"not for use in the USA or the EU\", shipped from Hong Kong"),
         ship="300.00"),

    # ---- clean: honest single used units ----
    item(110, "Juniper EX2300-24T 24-Port Switch - Used, Tested, Factory Reset", USED, "380.00", "USD",
         "Eugene, Oregon, United States", "willamette_itad", 2210, "99.7",
         J("EX2300-24T", "EX2300", SWITCH, ("Number of Ports", "24"), ("Serial Number", "HW0219040117")),
         ["Used EX2300-24T from an office refresh. Boots cleanly and every port was tested.",
          "Minor scuffs on the lid.",
          "There is no warranty from Juniper with this unit; you get our 30-day returns."],
         clean("EX2300-24T", "clean (do-not-flag: honest single used unit): tested, wear disclosed, warranty only denied, unique serial"),
         ship="25.00"),
    item(111, "Juniper EX4300-24T Switch - Pre-Owned, Working", USED, "520.00", "USD",
         "Lansing, Michigan, United States", "great_lakes_asset_recovery", 1760, "99.5",
         J("EX4300-24T", "EX4300", SWITCH, ("Number of Ports", "24")),
         ["Pre-owned EX4300-24T from a state agency surplus auction.",
          "Boots to the Junos prompt and all copper ports link.",
          "Sold without any warranty. Return it within 30 days if it arrives dead."],
         clean("EX4300-24T", "clean (do-not-flag: honest single used unit): working, sold without warranty, seller's returns"),
         ship="35.00"),
    item(112, "Juniper SRX300 Firewall - Used, Good Working Order", USED, "135.00", "GBP",
         "Cardiff, Wales, United Kingdom", "taff_valley_tech", 930, "99.6",
         J("SRX300", "SRX300", FIREWALL, ("Number of Ports", "8")),
         ["Used SRX300 from a small office, fully working.",
          "Includes the power brick. Small scratch on the front.",
          "No support from the manufacturer is included; 30-day returns through Tradewell."],
         clean("SRX300", "clean (do-not-flag: honest single used unit): working, scratch disclosed, seller's returns only"),
         ship="6.50"),
    item(113, "Juniper MX104 3D Universal Edge Router - Used", USED, "1950.00", "USD",
         "Wichita, Kansas, United States", "prairie_wind_telecom", 404, "99.0",
         J("MX104", "MX104", ROUTER, ("Form Factor", "Rack-Mountable 3.5U"), ("Serial Number", "JN11F29A0AFA")),
         ["Used MX104 with two routing engines and both supplies, out of a rural ISP core.",
          "Loads Junos, no alarms on the craft panel.",
          "Licenses on the chassis are not included and are not transferable; budget for your own."],
         clean("MX104", "clean (do-not-flag: honest single used unit): licenses explicitly excluded, unique serial"),
         ship="75.00"),
    item(114, "Juniper QFX5110-48S-AFI 10/25GbE Switch - Used", USED, "3400.00", "USD",
         "Manassas, Virginia, United States", "bullrun_datacenter_exit", 690, "99.3",
         J("QFX5110-48S-AFI", "QFX5110", DCSWITCH, ("Number of Ports", "54"), ("Serial Number", "WS3718090112")),
         ["Decommissioned leaf switch, used, in good working order.",
          "Tested with 10G optics on every third port; both fans and supplies healthy.",
          "Seller returns for 30 days; no support contract."],
         clean("QFX5110-48S-AFI", "clean (do-not-flag: honest single used unit): tested, no support contract, unique serial"),
         ship="60.00"),
    item(115, "Juniper EX4600-40F 10GbE SFP+ Switch - Used, Rack Wear", USED, "2450.00", "USD",
         "Des Moines, Iowa, United States", "hawkeye_hardware_resale", 1120, "99.2",
         J("EX4600-40F", "EX4600", SWITCH, ("Number of Ports", "40")),
         ["Used EX4600-40F retired from an insurance company's data room.",
          "Rack wear on the ears and a sticker residue on top; runs fine.",
          "Covered only by our 30-day return window."],
         clean("EX4600-40F", "clean (do-not-flag: honest single used unit): working, rack wear, seller's returns only"),
         ship="55.00"),
    item(116, "Juniper SRX1500 - Used, Clean Config, Rails Included", USED, "2250.00", "USD",
         "Portland, Maine, United States", "downeast_it_surplus", 355, "99.4",
         J("SRX1500", "SRX1500", FIREWALL, ("Form Factor", "Rack-Mountable 1U")),
         ["Used SRX1500 with rails. Zeroized, so it boots to a factory configuration.",
          "A copy of the original purchase invoice (prices redacted) comes in the box.",
          "Returns within 30 days."],
         clean("SRX1500", "clean (do-not-flag: honest single used unit): \"copy\" refers to an invoice, not to the product"),
         ship="45.00"),
    item(117, "Juniper EX3400-48P 48-Port PoE+ Switch - Used, Independent Reseller", USED, "1380.00", "USD",
         "Albany, New York, United States", "hudson_independent_it", 2480, "99.8",
         J("EX3400-48P", "EX3400", SWITCH, ("Number of Ports", "48"), ("PoE", "PoE+")),
         ["We are an independent reseller and not a Juniper authorized partner, so no Juniper support comes with this switch.",
          "Used; PoE tested on all 48 ports, fans quiet.", "30-day returns."],
         clean("EX3400-48P", "clean (do-not-flag: honest single used unit): authorization and support explicitly denied"),
         ship="40.00"),
    item(118, "Juniper EX4400-24T 24-Port Switch - Used, Excellent", USED, "2100.00", "USD",
         "Greenville, South Carolina, United States", "upstate_sc_networks", 488, "99.1",
         J("EX4400-24T", "EX4400", SWITCH, ("Number of Ports", "24"), ("Serial Number", "NW0218170455")),
         ["Lightly used for a year in a branch closet, excellent cosmetic condition.",
          "Tested and reset. We ship worldwide at cost."],
         clean("EX4400-24T", "clean (do-not-flag: honest single used unit): described as used, ships worldwide, unique serial"),
         ship="40.00"),
    item(119, "Juniper SRX4100-AC Services Gateway - Used", USED, "5400.00", "USD",
         "San Antonio, Texas, United States", "alamo_network_recycling", 733, "99.0",
         J("SRX4100-AC", "SRX4100", FIREWALL, ("Form Factor", "Rack-Mountable 1U")),
         ["Used SRX4100 from a managed-security provider, removed during an upgrade.",
          "Both supplies work; cosmetic scratches on the lid.",
          "No warranty, and no licenses move with it; returns accepted for 30 days."],
         clean("SRX4100-AC", "clean (do-not-flag: honest single used unit): warranty and licenses denied"),
         ship="60.00"),
    item(120, "Juniper ACX2100-AC Router - Used, Pulled from Service", USED, "420.00", "USD",
         "Little Rock, Arkansas, United States", "ozark_telecom_surplus", 290, "98.9",
         J("ACX2100-AC", "ACX2100", ROUTER, ("Power", "AC")),
         ["Pulled from a cell-site backhaul deployment; used and working.",
          "Weathered label on top; all ports checked with loopback optics.", "Returns: 30 days."],
         clean("ACX2100-AC", "clean (do-not-flag: honest single used unit): \"pulled\" with condition Used is honest"),
         ship="30.00"),
    item(121, "Juniper MX480 Router Chassis - Used, Empty Chassis", USED, "3900.00", "USD",
         "Naperville, Illinois, United States", "fox_valley_carrier_gear", 512, "99.2",
         J("MX480", "MX480", ROUTER, ("Form Factor", "Rack-Mountable 8U")),
         ["Used MX480 chassis with midplane, fan tray and craft panel; no line cards or routing engines.",
          "Removed from a colocation cage; cosmetic scuffs.", "Freight only. Our own 14-day return window applies."],
         clean("MX480", "clean (do-not-flag: honest single used unit): contents and wear disclosed, seller's returns"),
         ship="250.00"),
    item(122, "Juniper QFX10002-36Q Data Centre Switch - Used", USED, "4800.00", "GBP",
         "Hayes, Greater London, United Kingdom", "west_london_dc_exit", 260, "99.0",
         J("QFX10002-36Q", "QFX10002", DCSWITCH, ("Number of Ports", "36")),
         ["Used QFX10002-36Q from a hosting provider's spine layer.",
          "All supplies and fans present. Some bent cable-management fingers.",
          "Pallet delivery within mainland UK. No support contract of any kind."],
         clean("QFX10002-36Q", "clean (do-not-flag: honest single used unit): wear disclosed, no support"),
         ship="95.00"),
    item(123, "Juniper EX4300-32F 32-Port SFP Switch - Gebraucht / Used", USED, "980.00", "EUR",
         "Bremen, Bremen, Germany", "weser_it_gebraucht", 1320, "99.6",
         J("EX4300-32F", "EX4300", SWITCH, ("Number of Ports", "32")),
         ["Gebraucht, getestet, Werkseinstellungen. Keine Herstellergarantie.",
          "Used, tested, factory defaults. No manufacturer's warranty; 30 Tage R\u00fcckgabe."],
         clean("EX4300-32F", "clean (do-not-flag: honest single used unit): warranty denied (keine Herstellergarantie)"),
         ship="16.00"),
    item(124, "Juniper ACX5448 Router - Used, Working", USED, "6500.00", "USD",
         "Richmond, Virginia, United States", "james_river_telecom", 375, "99.2",
         J("ACX5448", "ACX5448", ROUTER, ("Form Factor", "Rack-Mountable 1U")),
         ["Used ACX5448 from a metro aggregation site.",
          "Boots, all fans spin, ports tested at 10G and 100G.",
          "Any software licensing is the buyer's responsibility. Returns for 30 days."],
         clean("ACX5448", "clean (do-not-flag: honest single used unit): working, licensing left to the buyer"),
         ship="70.00"),
    item(125, "Juniper PTX10003-80C Packet Transport Router - Used", USED, "22000.00", "USD",
         "Milpitas, California, United States", "silicon_valley_core_resale", 210, "99.0",
         J("PTX10003-80C", "PTX10003", ROUTER, ("Form Factor", "Rack-Mountable 3U")),
         ["Used PTX10003-80C from a content provider's edge, retired after a capacity upgrade.",
          "Powers on, all fans and supplies report OK.", "Sold with no support entitlement. Freight only."],
         clean("PTX10003-80C", "clean (do-not-flag: honest single used unit): no support claimed, plausible used price"),
         ship="400.00"),
    item(126, "Juniper MX960 Chassis, gebraucht, mit SCBE2", USED, "7800.00", "EUR",
         "Offenbach am Main, Hesse, Germany", "mainufer_carrier_technik", 166, "99.4",
         J("MX960", "MX960", ROUTER, ("Form Factor", "Rack-Mountable 16U")),
         ["Gebrauchtes MX960-Chassis mit drei SCBE2-MX und L\u00fcftereinsch\u00fcben, ohne Linecards.",
          "Used chassis from a carrier lab: three SCBE2-MX boards and the fan trays are included.",
          "Keine Garantie, 14 Tage R\u00fcckgabe."],
         clean("MX960;SCBE2-MX", "clean (do-not-flag: honest single used unit): contents disclosed, no warranty"),
         ship="390.00"),
    item(127, "Juniper SRX320 Firewall - Used, Home Lab", USED, "210.00", "USD",
         "Boulder, Colorado, United States", "flatirons_homelab_sales", 64, "100.0",
         J("SRX320", "SRX320", FIREWALL, ("Number of Ports", "8")),
         ["Ran in my home lab for two years; now replaced.",
          "Works fine, factory reset, includes the power brick.",
          "Private seller: no warranty of any kind, but message me if something is wrong on arrival."],
         clean("SRX320", "clean (do-not-flag: honest single used unit): private seller, no warranty"),
         ship="15.00"),
    item(128, "Juniper EX4100-48P 48-Port PoE+ Switch - Used", USED, "2600.00", "USD",
         "St. Paul, Minnesota, United States", "twin_cities_it_exchange", 845, "99.4",
         J("EX4100-48P", "EX4100", SWITCH, ("Number of Ports", "48"), ("PoE", "PoE+"), ("Serial Number", "CY0216480039")),
         ["Used EX4100-48P that ran a hospital wing for eighteen months.",
          "PoE checked with a load tester; one tiny dent on the rear corner.",
          "Returns accepted for 30 days under our store policy."],
         clean("EX4100-48P", "clean (do-not-flag: honest single used unit): tested, dent disclosed, unique serial"),
         ship="45.00"),
    item(129, "Juniper EX2300-24P PoE+ Switch - Used - Light Wear", USED, "260.00", "GBP",
         "York, North Yorkshire, United Kingdom", "ouse_valley_networks", 1140, "99.7",
         J("EX2300-24P", "EX2300", SWITCH, ("Number of Ports", "24"), ("PoE", "PoE+")),
         ["Pre-loved EX2300-24P from a small business.",
          "Light wear only. PoE checked on two ports with a phone.",
          "Comes with our 30-day money-back guarantee; there is no Juniper cover."],
         clean("EX2300-24P", "clean (do-not-flag: honest single used unit): light wear, seller's guarantee only"),
         ship="9.00"),

    # ---- clean: used units sold as one lot (rule 2 covers new units only) ----
    item(130, "Lot of 6 Juniper EX2300-24T Switches - Used, Tested", USED, "1980.00", "USD",
         "Dayton, Ohio, United States", "miami_valley_itad", 1680, "99.5",
         J("EX2300-24T", "EX2300", SWITCH, ("Number of Ports", "24")),
         ["Six used EX2300-24T from a school district, sold together as one lot.",
          "Each one boots and passes a port test; cosmetic wear varies.",
          "No manufacturer cover on any of them; 30-day returns on the lot."],
         clean("EX2300-24T", "clean: used units honestly described; rule 2 covers new units only (no flag rule applies)"),
         qty="Last one", ship="80.00"),

    # ---- clean: honest seller-refurbished ----
    item(131, "Juniper EX3400-24P PoE+ Switch - Seller Refurbished, 6-Month Store Warranty", REFURB, "780.00", "USD",
         "Tucson, Arizona, United States", "sonoran_refurb_co", 995, "99.5",
         J("EX3400-24P", "EX3400", SWITCH, ("Number of Ports", "24"), ("PoE", "PoE+")),
         ["Refurbished in our workshop: dust cleaned out, fans replaced, firmware updated, every port tested.",
          "Backed by our own 6-month store warranty (this is not a Juniper warranty)."],
         clean("EX3400-24P", "clean (borderline decided): seller-refurbished, honestly described, only the seller's own warranty"),
         ship="30.00"),
    item(132, "Juniper SRX345 - Refurbished by Seller, Tested", REFURB, "690.00", "GBP",
         "Bath, Somerset, United Kingdom", "avon_refurb_networks", 540, "99.3",
         J("SRX345", "SRX345", FIREWALL, ("Number of Ports", "16")),
         ["Refurbished by us, not by Juniper.",
          "Cleaned, new rubber feet, burn-in tested, current Junos loaded.",
          "Our 12-month warranty is provided by us alone."],
         clean("SRX345", "clean (borderline decided): seller-refurbished, explicitly not by Juniper, seller's own warranty"),
         ship="11.00"),
    item(133, "Juniper EX4300-48T - Aufbereitet (Seller Refurbished)", REFURB, "1150.00", "EUR",
         "Dortmund, North Rhine-Westphalia, Germany", "ruhr_refurb_it", 712, "99.1",
         J("EX4300-48T", "EX4300", SWITCH, ("Number of Ports", "48")),
         ["Von uns aufbereitet: gereinigt, getestet, neue L\u00fcfter.",
          "Refurbished in our own workshop; 12 Monate H\u00e4ndlergew\u00e4hrleistung (our own warranty), keine Herstellergarantie."],
         clean("EX4300-48T", "clean (borderline decided): seller-refurbished, own warranty only, manufacturer warranty denied"),
         ship="18.00"),
    item(134, "Juniper MX204 - Refurbished In-House", REFURB, "8900.00", "USD",
         "Round Rock, Texas, United States", "hill_country_refurb", 433, "99.0",
         J("MX204", "MX204", ROUTER, ("Form Factor", "Rack-Mountable 1U")),
         ["Refurbished in-house: optic cages cleaned, fans replaced, 72-hour burn-in.",
          "This refurbishment is ours and is not certified by the manufacturer.",
          "Warranty: 90 days, provided by us."],
         clean("MX204", "clean (borderline decided): seller-refurbished, certification explicitly denied, seller's warranty"),
         ship="85.00"),

    # ---- clean: honest open box / new other ----
    item(135, "Juniper EX2300-C-12T Compact Switch - Open Box", NEW_OTHER, "640.00", "USD",
         "Provo, Utah, United States", "timpanogos_tech", 389, "99.4",
         J("EX2300-C-12T", "EX2300-C", SWITCH, ("Number of Ports", "12")),
         ["Opened to check the contents; never mounted or powered.",
          "One unit, all accessories present. 30-day returns."],
         clean("EX2300-C-12T", "clean (borderline decided): honest open box, single unit, plausible price"),
         ship="18.00"),
    item(136, "Juniper SRX340 - New Other, Box Damaged", NEW_OTHER, "1550.00", "USD",
         "Milwaukee, Wisconsin, United States", "brew_city_network_supply", 610, "99.2",
         J("SRX340", "SRX340", FIREWALL, ("Number of Ports", "16")),
         ["The unit is new and unused, but the outer carton was crushed in transit.",
          "Single unit; all accessories present."],
         clean("SRX340", "clean (borderline decided): honest new other (damaged carton only), single unit, plausible price"),
         ship="25.00"),
    item(137, "Juniper QFX5120-48T-AFI 48x 10GBASE-T Switch - Open Box", NEW_OTHER, "7950.00", "EUR",
         "Amsterdam, North Holland, Netherlands", "amstel_dc_supply", 280, "99.0",
         J("QFX5120-48T-AFI", "QFX5120", DCSWITCH, ("Number of Ports", "54")),
         ["Open box: the carton was opened for an inventory count; the switch was never installed.",
          "E\u00e9n stuk / single unit."],
         clean("QFX5120-48T-AFI", "clean (borderline decided): honest open box, single unit, plausible price"),
         ship="45.00"),
    item(138, "Juniper EX4400-24T - New (Other), Unused, No Retail Box", NEW_OTHER, "2150.00", "GBP",
         "Edinburgh, City of Edinburgh, United Kingdom", "forth_bridge_it", 455, "99.5",
         J("EX4400-24T", "EX4400", SWITCH, ("Number of Ports", "24")),
         ["Unused switch that arrived without its retail box; it ships in a plain carton with foam.",
          "Rack ears and power cord included."],
         clean("EX4400-24T", "clean (borderline decided): honest new other (no retail box), single unit, plausible price"),
         ship="15.00"),

    # ---- clean: honest for-parts units at low prices ----
    item(139, "Juniper EX4300-48P - For Parts, PoE Fault", PARTS, "160.00", "USD",
         "Detroit, Michigan, United States", "motor_city_salvage_it", 1530, "99.3",
         J("EX4300-48P", "EX4300", SWITCH, ("Number of Ports", "48"), ("PoE", "PoE+")),
         ["PoE does not work on any port; the data ports light up.", "For parts or repair only. No returns."],
         clean("EX4300-48P", "clean: honestly sold for parts (PoE fault) at a low price; rule 6 does not apply"),
         ship="40.00"),
    item(140, "Juniper SRX300 - Not Working, For Spares", PARTS, "25.00", "GBP",
         "Norwich, Norfolk, United Kingdom", "broadland_spares", 870, "99.6",
         J("SRX300", "SRX300", FIREWALL, ("Number of Ports", "8")),
         ["Stuck in a boot loop. Selling for spares.", "Power adapter not included."],
         clean("SRX300", "clean: honestly sold for spares (boot loop) at a low price; rule 6 does not apply"),
         ship="5.00"),
    item(141, "Juniper MX80 Router - For Parts, No Boot", PARTS, "150.00", "USD",
         "Oklahoma City, Oklahoma, United States", "sooner_state_salvage", 655, "99.1",
         J("MX80", "MX80", ROUTER, ("Form Factor", "Rack-Mountable 2U")),
         ["No console output on power-up; the fans spin.", "As-is, for parts only. Priced low accordingly."],
         clean("MX80", "clean: honestly sold for parts (no boot) at a low price; rule 6 does not apply"),
         ship="45.00"),
    item(142, "Juniper QFX5100-96S-8Q - Defekt, Ersatzteilspender", PARTS, "190.00", "EUR",
         "Kassel, Hesse, Germany", "nordhessen_ersatzteile", 402, "99.0",
         J("QFX5100-96S-8Q", "QFX5100", DCSWITCH, ("Number of Ports", "104")),
         ["Defekt: schaltet nicht ein. Nur als Ersatzteilspender.", "Does not power on; for parts only, sold as is."],
         clean("QFX5100-96S-8Q", "clean: honestly sold as defective for parts at a low price; rule 6 does not apply"),
         ship="22.00"),
    item(143, "Juniper EX4400-48P - Damaged Chassis, For Parts", PARTS, "380.00", "USD",
         "El Paso, Texas, United States", "sun_city_it_salvage", 318, "98.8",
         J("EX4400-48P", "EX4400", SWITCH, ("Number of Ports", "48"), ("PoE", "PoE+")),
         ["Dropped by a carrier: bent chassis and cracked faceplate.",
          "Untested since the damage. Sold as-is at a parts price."],
         clean("EX4400-48P", "clean: honestly sold damaged, as-is, at a parts price; rule 6 does not apply"),
         ship="40.00"),

    # ---- clean: other makers' products that only say they are compatible ----
    item(144, "OptiCore 1000BASE-SX SFP, compatible with Juniper EX-SFP-1GE-SX", NEW, "9.50", "USD",
         "Sunnyvale, California, United States", "opticore_direct", 8800, "99.6",
         [("Brand", "OptiCore"), ("MPN", "OC-SFP-SX-J"), ("Compatible Brand", "For Juniper"),
          ("Compatible Model", "EX-SFP-1GE-SX"), ("Form Factor", "SFP"), ("Wavelength", "850 nm")],
         ["OptiCore OC-SFP-SX-J multimode SFP, designed and manufactured by OptiCore.",
          "Coded for Juniper switches; it fits slots that take EX-SFP-1GE-SX optics.",
          "Lifetime warranty from OptiCore."],
         clean("EX-SFP-1GE-SX", "clean (do-not-flag: another maker's product): OptiCore optic, compatible only; its warranty is OptiCore's own"),
         qty="More than 10 available", ship="2.99", leaf=OPTICS_LEAF),
    item(145, "Lumenhaus 10GBASE-LR SFP+ for Juniper (QFX-SFP-10GE-LR compatible)", NEW, "28.00", "GBP",
         "Swindon, Wiltshire, United Kingdom", "lumenhaus_uk", 2650, "99.8",
         [("Brand", "Lumenhaus"), ("MPN", "LH-10G-LR-JN"), ("Compatible Brand", "For Juniper"),
          ("Compatible Model", "QFX-SFP-10GE-LR"), ("Form Factor", "SFP+"), ("Wavelength", "1310 nm")],
         ["Lumenhaus-branded LR optic, compatible with Juniper QFX-SFP-10GE-LR slots.",
          "Our own 5-year product warranty."],
         clean("QFX-SFP-10GE-LR", "clean (do-not-flag: another maker's product): Lumenhaus optic, compatible only; quantity is not a flag for non-Juniper goods"),
         qty="6 available", ship="2.50", leaf=OPTICS_LEAF),
    item(146, "NordOptik 1000BASE-LX SFP, kompatibel mit Juniper EX-SFP-1GE-LX", NEW, "14.90", "EUR",
         "Kiel, Schleswig-Holstein, Germany", "nordoptik_shop", 4120, "99.7",
         [("Brand", "NordOptik"), ("MPN", "NO-SFP-LX-JNP"), ("Compatible Brand", "For Juniper"),
          ("Compatible Model", "EX-SFP-1GE-LX"), ("Form Factor", "SFP"), ("Wavelength", "1310 nm")],
         ["Hergestellt von NordOptik, kompatibel mit Juniper EX-SFP-1GE-LX.",
          "Made by NordOptik; not a Juniper product. Works in Juniper EX switches."],
         clean("EX-SFP-1GE-LX", "clean (do-not-flag: another maker's product): NordOptik optic that only says it is compatible"),
         qty="More than 10 available", ship="2.90", leaf=OPTICS_LEAF),
    item(147, "CableCraft 25G SFP28 DAC 3m - Juniper Compatible", NEW, "39.00", "USD",
         "Mesa, Arizona, United States", "cablecraft_store", 3390, "99.5",
         [("Brand", "CableCraft"), ("MPN", "CC-SFP28-DAC3"), ("Compatible Brand", "For Juniper"),
          ("Type", "Direct Attach Cable"), ("Length", "3 m")],
         ["CableCraft passive 25G twinax, tested in Juniper QFX5120 series switches.", "Made by CableCraft."],
         clean("", "clean (do-not-flag: another maker's product): CableCraft cable, compatible only; no Juniper part number"),
         qty="More than 10 available", ship="4.00", leaf=ACC_LEAF),
    item(148, "RailMaster 2-Post Mounting Kit for Juniper SRX1500 (compatible)", NEW, "54.00", "USD",
         "Kalamazoo, Michigan, United States", "railmaster_supply", 1210, "99.4",
         [("Brand", "RailMaster"), ("MPN", "RM-2P-SRX15"), ("Type", "Rack Mount Kit"),
          ("Compatible Brand", "For Juniper"), ("Compatible Model", "SRX1500")],
         ["RailMaster steel 2-post kit, compatible with the Juniper SRX1500.", "Our own design; not made by Juniper."],
         clean("SRX1500", "clean (do-not-flag: another maker's product): RailMaster rack kit that only says it is compatible"),
         qty="4 available", ship="9.00", leaf=ACC_LEAF),
    item(149, "VoltLine C13 to C14 Power Cord 2 m, compatible with Juniper JPSU-650W-AC-AFO", NEW, "7.50", "GBP",
         "Coventry, West Midlands, United Kingdom", "voltline_cables", 5230, "99.9",
         [("Brand", "VoltLine"), ("MPN", "VL-C13C14-2M"), ("Type", "Power Cord"),
          ("Compatible Model", "JPSU-650W-AC-AFO"), ("Length", "2 m")],
         ["VoltLine 10 A cord; suits Juniper JPSU-650W-AC-AFO supplies and most rack PDUs.",
          "Made by VoltLine in our own factory."],
         clean("JPSU-650W-AC-AFO", "clean (do-not-flag: another maker's product): VoltLine power cord that only says it is compatible"),
         qty="More than 10 available", ship="1.99", leaf=ACC_LEAF),
    item(150, "Strahl 40G QSFP+ SR4 Transceiver, Juniper-kompatibel", NEW, "39.00", "EUR",
         "Erfurt, Thuringia, Germany", "strahl_optik", 1890, "99.6",
         [("Brand", "Strahl"), ("MPN", "ST-QSFP-SR4-J"), ("Compatible Brand", "For Juniper"),
          ("Type", "Transceiver"), ("Form Factor", "QSFP+")],
         ["Strahl-brand 40GBASE-SR4 module for Juniper QFX and EX switches.",
          "Vom Hersteller Strahl, kein Juniper-Originalteil."],
         clean("", "clean (do-not-flag: another maker's product): Strahl optic, not a Juniper original, no Juniper part number"),
         qty="3 available", ship="3.90", leaf=OPTICS_LEAF),
    item(151, "PacketPro 1000BASE-T Copper SFP, works with Juniper EX series", NEW, "19.00", "USD",
         "Reno, Nevada, United States", "packetpro_optics", 2740, "99.3",
         [("Brand", "PacketPro"), ("MPN", "PP-SFP-T"), ("Compatible Brand", "For Juniper"),
          ("Type", "Transceiver"), ("Form Factor", "SFP")],
         ["PacketPro PP-SFP-T copper SFP, RJ-45, 100 m.",
          "Compatible with Juniper EX switches. PacketPro is the manufacturer and warrants it for three years."],
         clean("", "clean (do-not-flag: another maker's product): PacketPro module, its own maker's warranty"),
         qty="3 available", ship="3.00", leaf=OPTICS_LEAF),
    item(152, "Fanwerks Replacement Fan Tray, compatible with Juniper QFX5100-FAN-AFI", NEW, "45.00", "USD",
         "Allentown, Pennsylvania, United States", "fanwerks_parts", 720, "99.0",
         [("Brand", "Fanwerks"), ("MPN", "FW-QFXT-AFI"), ("Type", "Fan Tray"),
          ("Compatible Brand", "For Juniper"), ("Compatible Model", "QFX5100-FAN-AFI")],
         ["Fanwerks-made replacement fan tray that fits where a Juniper QFX5100-FAN-AFI goes.",
          "Not a Juniper part; our own 1-year warranty."],
         clean("QFX5100-FAN-AFI", "clean (do-not-flag: another maker's product): Fanwerks fan tray that only says it is compatible"),
         qty="2 available", ship="6.00", leaf=ACC_LEAF),

    # ---- clean: accessories that say they are NOT compatible with Juniper ----
    item(153, "Cisco SFP-10G-SR 10GBASE-SR Module - NOT compatible with Juniper", USED, "29.00", "USD",
         "Pasadena, California, United States", "sfp_surplus_bin", 960, "99.2",
         [("Brand", "Cisco"), ("MPN", "SFP-10G-SR"), ("Type", "Transceiver"), ("Form Factor", "SFP+")],
         ["Cisco-coded SFP-10G-SR optics. They are not compatible with Juniper switches, which reject Cisco-coded optics.",
          "Used lab spares, tested in a Cisco switch."],
         clean("", "clean (do-not-flag: not Juniper): Cisco optic that says it is not compatible with Juniper"),
         qty="2 available", ship="4.00", leaf=OPTICS_LEAF),
    item(154, "ProRail Sliding Rails for Dell PowerEdge 1U - Not Compatible with Juniper Switches", NEW, "35.00", "USD",
         "Georgetown, Texas, United States", "serverrail_outlet", 1450, "99.5",
         [("Brand", "ProRail"), ("MPN", "PR-DELL-1U"), ("Type", "Rail Kit"), ("Material", "Steel")],
         ["Designed for Dell PowerEdge 1U servers.",
          "Not compatible with Juniper EX or QFX switches; please check before ordering."],
         clean("", "clean (do-not-flag: another maker's product): rail kit that says it is not compatible with Juniper"),
         qty="3 available", ship="8.00", leaf=ACC_LEAF),

    # ---- clean: other vendors with look-alike model names ----
    item(155, "Cisco Meraki MX105 Security Appliance - Used", USED, "750.00", "USD",
         "San Francisco, California, United States", "embarcadero_it_resale", 1230, "99.4",
         [("Brand", "Cisco Meraki"), ("MPN", "MX105-HW"), ("Model", "MX105"), ("Type", "Firewall / Security Gateway")],
         ["Used Meraki MX105, released from the previous organization's dashboard.",
          "License not included; you will need your own Meraki license."],
         clean("", "clean (do-not-flag: not Juniper): Cisco Meraki look-alike model name, no Juniper part number")),
    item(156, "Arista DCS-7050SX3-48YC8 48x25G Switch - Used", USED, "3900.00", "USD",
         "Cupertino, California, United States", "valley_fabric_exchange", 640, "99.1",
         [("Brand", "Arista"), ("MPN", "DCS-7050SX3-48YC8"), ("Model", "7050X3"), ("Type", "Data Center Switch")],
         ["Used Arista leaf switch, both supplies, fans front-to-back.", "A month to send it back if it misbehaves."],
         clean("", "clean (do-not-flag: not Juniper): Arista switch, no Juniper part number"), ship="60.00"),
    item(157, "HPE Aruba 6300M 48-Port PoE Switch JL661A - New", NEW, "4500.00", "USD",
         "Houston, Texas, United States", "gulf_freeway_networks", 980, "99.3",
         [("Brand", "HPE Aruba"), ("MPN", "JL661A"), ("Model", "6300M"), ("Type", "Managed Switch")],
         ["New Aruba 6300M, sealed.", "Single unit from project overstock."],
         clean("", "clean (do-not-flag: not Juniper): HPE Aruba switch, no Juniper part number"), ship="45.00"),
    item(158, "Netgear M4300-52G Managed Switch - Used", USED, "420.00", "GBP",
         "Bradford, West Yorkshire, United Kingdom", "pennine_network_bits", 510, "99.0",
         [("Brand", "Netgear"), ("MPN", "GSM4352S"), ("Model", "M4300-52G"), ("Type", "Managed Switch")],
         ["Used Netgear M4300-52G stackable switch.", "Reset to defaults, works fine."],
         clean("", "clean (do-not-flag: not Juniper): Netgear M4300 look-alike model number, no Juniper part number"),
         ship="12.00"),
    item(159, "Ubiquiti UniFi USW-Pro-48-PoE Switch - Open Box", NEW_OTHER, "820.00", "USD",
         "Asheville, North Carolina, United States", "blue_ridge_unifi", 2010, "99.8",
         [("Brand", "Ubiquiti"), ("MPN", "USW-Pro-48-PoE"), ("Model", "UniFi Pro 48 PoE"), ("Type", "Managed Switch")],
         ["Opened to check, never deployed.", "All accessories included."],
         clean("", "clean (do-not-flag: not Juniper): Ubiquiti switch, no Juniper part number"), ship="20.00"),
    item(160, "Extreme Networks X440-G2-48p-10GE4 Switch - Gebraucht", USED, "690.00", "EUR",
         "Mannheim, Baden-W\u00fcrttemberg, Germany", "kurpfalz_netz", 377, "99.2",
         [("Brand", "Extreme Networks"), ("MPN", "X440-G2-48p-10GE4"), ("Model", "X440-G2"), ("Type", "Managed Switch")],
         ["Extreme Networks X440-G2 with PoE; not to be confused with Juniper EX switches.",
          "Gebraucht, voll funktionsf\u00e4hig."],
         clean("", "clean (do-not-flag: not Juniper): Extreme Networks look-alike, no Juniper part number"), ship="15.00"),
    item(161, "Fortinet FortiGate FG-300E Firewall - Used", USED, "1100.00", "USD",
         "Jacksonville, Florida, United States", "firstcoast_security_resale", 422, "98.9",
         [("Brand", "Fortinet"), ("MPN", "FG-300E"), ("Model", "FortiGate 300E"), ("Type", "Firewall / Security Gateway")],
         ["Often listed next to Juniper SRX firewalls, but this one is a Fortinet unit.",
          "Used, factory reset, FortiCare not included."],
         clean("", "clean (do-not-flag: not Juniper): Fortinet firewall, no Juniper part number"), ship="35.00"),
    item(162, "Palo Alto Networks PA-220 Firewall - Used", USED, "260.00", "USD",
         "Stockton, California, United States", "delta_security_resale", 318, "99.0",
         [("Brand", "Palo Alto Networks"), ("MPN", "PAN-PA-220"), ("Model", "PA-220"), ("Type", "Firewall / Security Gateway")],
         ["Used PA-220, factory reset.", "Subscriptions are not transferable and are not included."],
         clean("", "clean (do-not-flag: not Juniper): Palo Alto firewall, no Juniper part number"), ship="20.00"),

    # ---- clean: documentation, books, training ----
    item(163, "JNCIA-Junos Exam Prep: Routing Fundamentals (Northfield Press) - Paperback", USED, "12.99", "GBP",
         "Durham, County Durham, United Kingdom", "wear_valley_books", 6120, "99.9",
         [("Brand", "Northfield Press"), ("MPN", "Does not apply"), ("Format", "Paperback"),
          ("Language", "English"), ("Subject", "Computers & Networking")],
         ["Study guide covering the Juniper JNCIA-Junos certification objectives.",
          "Some pencil notes in chapter four; otherwise clean."],
         clean("", "clean (do-not-flag: documentation/book): exam-prep book; \"certification\" is the exam, not a product claim"),
         ship="2.80", leaf=BOOKS_LEAF,
         cond_note="Good - A book that has been read and has some pencil notes inside. The cover is intact."),
    item(164, "Configuring Juniper SRX Branch Firewalls - Lab Workbook, Spiral Bound", NEW, "34.00", "USD",
         "Ann Arbor, Michigan, United States", "wolverine_tech_books", 880, "99.6",
         [("Brand", "Packetwise Press"), ("MPN", "Does not apply"), ("Format", "Spiral bound"),
          ("Language", "English"), ("Subject", "Computers & Networking")],
         ["Printed lab workbook with exercises for the SRX300 and SRX340 branch gateways.",
          "Brand new copy, shrink-wrapped."],
         clean("SRX300;SRX340", "clean (do-not-flag: documentation/book): workbook that names SRX models; not equipment"),
         ship="4.50", leaf=BOOKS_LEAF),
    item(165, "Junos Routing Essentials - Recorded Video Course on USB (Independent Trainer)", NEW, "49.00", "USD",
         "Madison, Alabama, United States", "packetpath_training", 150, "100.0",
         [("Brand", "PacketPath Training"), ("MPN", "Does not apply"), ("Format", "USB flash drive"),
          ("Language", "English"), ("Subject", "Computers & Networking")],
         ["Twelve hours of recorded lectures by an independent trainer on Junos routing basics for MX and EX platforms.",
          "Not affiliated with or endorsed by Juniper Networks."],
         clean("", "clean (do-not-flag: documentation/course): independent training course, not Juniper equipment"),
         ship="3.00", leaf=BOOKS_LEAF),
    item(166, "Juniper EX4300-48T Hardware Guide - Printed & Bound (Documentation Only)", USED, "15.00", "GBP",
         "Exeter, Devon, United Kingdom", "exe_estuary_books", 930, "99.8",
         [("Brand", "Unbranded"), ("MPN", "Does not apply"), ("Format", "Comb bound"),
          ("Language", "English"), ("Subject", "Computers & Networking")],
         ["A bound printout of the publicly available EX4300-48T hardware guide.",
          "No switch included: this is documentation only."],
         clean("EX4300-48T", "clean (do-not-flag: documentation/book): printed hardware guide, not the switch"),
         ship="3.20", leaf=BOOKS_LEAF),

    # ---- clean: single new unit, no claims ----
    item(167, "Juniper ACX7024-AC Cell Site Router - New", NEW, "8500.00", "USD",
         "Baltimore, Maryland, United States", "chesapeake_network_supply", 577, "99.3",
         J("ACX7024-AC", "ACX7024", ROUTER, ("Form Factor", "Rack-Mountable 1U")),
         ["New ACX7024 with AC power, in the factory box.",
          "Two on hand from a cancelled tower project; buy one or both."],
         clean("ACX7024-AC", "clean: new units at a plausible price, two available (below the bulk threshold), no claims"),
         qty="2 available", ship="55.00"),
]


# Search result placement: (page -> list of entries).  int n = listing n; other entries are special.
PAGES = {
    1: ["SPONSORED", 2, 1, 5, 7, 3, 9, 6, 10, 4, 8],
    2: [12, 11, 14, 13, "GONE", 16, 15, 17, 19, 18, 20],
    3: [21, 23, 22, 24, "PREVIEW", 26, 25, 7, 28, 27, 29, 30],   # 7 again: duplicate result
}


def _place_later_listings(per_page=12):
    """Pages 4.. hold listings 31 and up, at most 12 per page (spread evenly), in a fixed pseudo-random order."""
    later = sorted((L["n"] for L in LISTINGS if L["n"] > 30),
                   key=lambda n: hashlib.sha256(b"tw-order:%d" % n).hexdigest())
    pages = -(-len(later) // per_page)
    start = 0
    for k in range(pages):
        size = len(later) // pages + (1 if k < len(later) % pages else 0)
        PAGES[4 + k] = later[start:start + size]
        start += size


_place_later_listings()

SPECIAL = {
    "GONE": dict(id=GONE_ID, path="/itm/%d" % GONE_ID,
                 title="Juniper EX3400-24T 24-Port Gigabit Switch - Used", cond=USED,
                 price="850.00", cur="USD", country=US),
    "PREVIEW": dict(id=PREVIEW_ID, path="/itm/preview/%d" % PREVIEW_ID,
                    title="Juniper SRX380 Services Gateway - Listing Preview", cond=NEW,
                    price="2900.00", cur="USD", country=US),
}

SIMILAR_POOL = [
    ("Juniper Networks 48-Port Gigabit Switch, rack ears included", "1,275.00"),
    ("Juniper EX Series 24-Port PoE+ Switch - Used", "640.00"),
    ("Juniper SRX Series Branch Firewall - Used, Good", "389.99"),
    ("Juniper QFX Series 10GbE Data Center Switch - Used", "2,150.00"),
    ("Juniper 650W AC Power Supply for EX Series - Used", "119.00"),
    ("Juniper Fan Module for EX Series Switch - Used", "74.50"),
    ("Juniper MX Series Router Line Card - For Parts", "95.00"),
    ("Juniper 1U Switch Rail Kit - Used", "45.00"),
]


def item_id(n):
    return ID_BASE + n


def item_path(n):
    return "/itm/%d" % item_id(n)


def tracking_query(iid, salt):
    """Realistic-looking, deterministic tracking query string (the scanner strips it)."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    digest = hashlib.sha256(("g:%d:%s" % (iid, salt)).encode()).digest()
    g = "".join(alphabet[b % len(alphabet)] for b in digest[:16])
    return "?hash=item%s:g:%s" % (format(iid, "x")[:10], g)


def money(amount, cur, search=False):
    whole, frac = amount.split(".")
    s = "{:,}".format(int(whole)) + "." + frac
    if cur == "GBP":
        return "\u00a3" + s
    if cur == "EUR":   # German style: "1.234,56 €"
        return "{:,}".format(int(whole)).replace(",", ".") + "," + frac + " \u20ac"
    return ("$" if search else "US $") + s


def shipping_text(L):
    if L["ship"] in ("0", "0.00"):
        return "Free shipping"
    return "+" + money(L["ship"], L["cur"]) + " shipping"


# --------------------------------------------------------------------------
# Page chrome (noise around the contract elements)
# --------------------------------------------------------------------------
STYLE = """<style>
body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#333}
#gh{background:#f7f7f7;border-bottom:1px solid #ddd;padding:8px 16px}
.g-hdn{position:absolute;left:-9999px}
.u-flL{float:left}.u-cb{clear:both}
.s-item{list-style:none;border-bottom:1px solid #eee;padding:12px 0}
.vi-sim{display:flex;gap:12px}
#glbfooter{font-size:11px;color:#767676;padding:24px 16px}
</style>"""


def header_html():
    return """<header id="gh" role="banner" class="gh-w">
 <a href="/" id="gh-la" aria-label="Tradewell home"><img src="/static/tradewell-logo.png" alt="Tradewell" width="117" height="48"></a>
 <form id="gh-f" action="/sch/juniper-networks/page-1.html" method="get" role="search">
  <input type="text" id="gh-ac" name="_nkw" placeholder="Search for anything" value="juniper networks" aria-label="Search for anything">
  <select id="gh-cat" name="_sacat" aria-label="Select a category for search"><option value="0">All Categories</option><option value="58058">Computers/Tablets &amp; Networking</option></select>
  <input type="submit" id="gh-btn" value="Search">
 </form>
 <ul id="gh-topl"><li><a href="#">Sign in</a> or <a href="#">register</a></li><li><a href="#">Daily Deals</a></li><li><a href="#">Help &amp; Contact</a></li><li><a href="#">Sell</a></li><li><a href="#" aria-label="Your shopping cart">Cart</a></li></ul>
</header>"""


def footer_html():
    return """<footer id="glbfooter" role="contentinfo">
 <div id="gf-l"><ul><li><a href="#">About Tradewell</a></li><li><a href="#">Announcements</a></li><li><a href="#">Security Center</a></li><li><a href="#">Buyer Protection</a></li><li><a href="#">Help &amp; Contact</a></li><li><a href="#">Site Map</a></li></ul></div>
 <div id="gf-f">&#169; 2024 Tradewell Inc. (fictional sample marketplace). All rights reserved. <a href="#">Accessibility</a>, <a href="#">User Agreement</a>, <a href="#">Privacy</a>, <a href="#">Cookies</a></div>
</footer>"""


def page_script(page_id, extra):
    return ('<script type="text/javascript">window.TW_CFG={"pageId":%d,"site":0,"locale":"en-US",%s};'
            '(function(){var t=Date.now();window.addEventListener("load",function(){'
            'window.TW_CFG.loadMs=Date.now()-t;});})();</script>' % (page_id, extra))


# --------------------------------------------------------------------------
# Item page
# --------------------------------------------------------------------------
def desc_html(blocks):
    out = []
    for kind, val in blocks:
        if kind == "p":
            out.append("<p>%s</p>" % esc(val))
        elif kind == "ul":
            out.append("<ul>" + "".join("<li>%s</li>" % esc(x) for x in val) + "</ul>")
        elif kind == "raw":
            out.append(val)
        else:
            raise ValueError(kind)
    return "\n  ".join(out)


def specifics_html(L):
    cond_text = L["cond"] + ": " + COND_HELP[L["cond"]]
    if L.get("cond_note"):
        cond_text = L["cond"] + ": " + L["cond_note"]
    cells = [("Condition", '<div aria-live="polite">%s <a href="#" class="infoLink">See all condition definitions</a></div>'
              % esc(cond_text))]
    for label, value in L["specs"]:
        if label == "MPN":
            cells.append((label, '<span itemprop="mpn">%s</span>' % esc(value)))
        elif label == "Brand":
            cells.append((label, '<span itemprop="brand">%s</span>' % esc(value)))
        else:
            cells.append((label, "<span>%s</span>" % esc(value)))
    rows = []
    for i in range(0, len(cells), 2):
        pair = cells[i:i + 2]
        tds = "".join('<td class="attrLabels">%s:</td><td width="50.0%%">%s</td>' % (esc(l), v) for l, v in pair)
        rows.append("  <tr>%s</tr>" % tds)
    return "\n".join(rows)


def similar_html(n):
    picks = [SIMILAR_POOL[(n * 3 + k) % len(SIMILAR_POOL)] for k in range(4)]
    lis = []
    for k, (title, price) in enumerate(picks):
        sim_id = 320000000000 + n * 10 + k
        lis.append('<li class="vi-sim-item"><a href="#" data-iid="%d" class="vi-sim-lnk"><img src="/img/sim/%d.jpg" alt="">'
                   '<div class="vi-sim-ttl">%s</div></a><div class="vi-sim-prc">US $%s</div>'
                   '<div class="vi-sim-shp">Free shipping</div></li>' % (sim_id, sim_id, esc(title), price))
    return ('<div id="vi_sim_items" class="vi-sim-wrp" role="region" aria-label="Similar sponsored items">'
            '<h2 class="vi-sim-hd">Similar sponsored items</h2><ul class="vi-sim">' + "".join(lis) + "</ul></div>")


def returns_text(L):
    text = " ".join(v for k, v in L["desc"] if k == "p").lower()
    if "no returns" in text:
        return "Seller does not accept returns"
    m = re.search(r"(\d+)[- ]day", text)
    if m and "return" in text:
        return "%s days money back" % m.group(1)
    return "30 days money back"


def item_page(L):
    iid = item_id(L["n"])
    title = esc(L["title"])
    cur = L["cur"]
    price_text = money(L["price"], cur)
    qty_html = ('<span id="qtySubTxt"><span>%s</span></span>' % esc(L["qty"])) if L["qty"] else ""
    breadcrumb_leaf = L.get("leaf") or ("Enterprise Routers" if L["specs"][3][1] == "Router" else (
        "Books" if L["n"] == 24 else "Enterprise Network Switches"))
    returns = returns_text(L)
    body = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Tradewell</title><link rel="canonical" href="/itm/{iid}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{title} | Tradewell">
<meta property="og:type" content="product">
{style}
{script1}
</head><body class="vi-body">
<div class="gh-acc-exp-div"><a id="gh-hdn-stm" class="gh-acc-a" href="#mainContent">Skip to main content</a></div>
{header}
<div id="vi-VR-brumb" class="vi-VR-brumb">
 <a href="/" class="vi-VR-spl-lnk" id="smtBackToAnchor">Back to home page</a> | Listed in category:
 <ul role="list" aria-label="Listed in category:" itemscope itemtype="https://schema.org/BreadcrumbList">
  <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="#"><span itemprop="name">Computers/Tablets &amp; Networking</span></a><meta itemprop="position" content="1"></li>
  <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="#"><span itemprop="name">Enterprise Networking, Servers</span></a><meta itemprop="position" content="2"></li>
  <li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="#"><span itemprop="name">{leaf}</span></a><meta itemprop="position" content="3"></li>
 </ul>
</div>
<div id="mainContent" itemscope itemtype="https://schema.org/Product">
<div id="PicturePanel" class="pp-ic"><img id="icImg" src="/img/{iid}.jpg" alt="{title}" itemprop="image"><div class="vi-img-cnt">Have one to sell? <a href="#">Sell now</a></div></div>
<div id="LeftSummaryPanel" class="lsp-c">
<h1 class="it-ttl" itemprop="name" id="itemTitle"><span class="g-hdn">Details about </span>{title}</h1>
<div class="vi-bbox-subttl"><span id="vi-lkhdr-itmTitl" class="u-dspn">{title}</span></div>
<div class="nonActPanel">
 <div class="u-cb"><div class="u-flL lable">Condition:</div><div class="u-flL condText" id="vi-itm-cond" itemprop="itemCondition">{cond}</div></div>
 <div class="u-cb vi-qty"><label for="qtyTextBox">Quantity:</label><input id="qtyTextBox" class="qtyInput" type="text" size="4" name="quantity" value="1"><span class="qtyTxt">{qty}</span></div>
 <div class="u-cb vi-price-wrp"><div id="prcIsum-lbl">Price:</div><span class="notranslate" id="prcIsum" itemprop="price" content="{price_content}">{price_text}</span>
 <span itemprop="priceCurrency" content="{cur}"></span><span itemprop="availability" content="https://schema.org/InStock"></span></div>
 <div id="vi-bin-btn" class="u-cb"><a href="#" class="btn btn-prim" role="button">Buy It Now</a> <a href="#" class="btn btn-sec" role="button">Add to cart</a> <a href="#" class="btn btn-ter" role="button">Add to Watchlist</a></div>
</div>
<div id="shCost-wrp" class="sh-wrp">
 <div class="u-flL lable">Shipping:</div><div id="isum-shipCostDiv">{ship}</div>
 <div id="del-est" class="sh-del-frst">Estimated between <b>3-7 business days</b> after payment</div>
 <div id="itemLocation"><div class="iti-eu-label">Item location:</div><div><span itemprop="availableAtOrFrom">{loc}</span></div></div>
 <div id="shipsTo"><div class="iti-eu-label">Ships to:</div><div><span itemprop="areaServed">{country}</span></div></div>
 <div id="vi-ret-accrd-txt" class="u-cb">Returns: {returns}</div>
 <div id="vi-pymt"><div class="u-flL lable">Payments:</div><div class="pd-img">Card, bank transfer</div></div>
</div>
</div>
<div id="RightSummaryPanel" class="rsp-c">
 <h2 class="si-ttl">Seller information</h2>
 <div class="mbg"><a href="/usr/{seller_q}"><span class="mbg-nw">{seller}</span></a> <span class="mbg-l">(<a href="/fdbk/{seller_q}" aria-label="feedback score: {fb}">{fb}</a>)</span></div><div id="si-fb">{pos}% Positive feedback</div>
 <div class="si-cnt"><a href="#">Save this seller</a> | <a href="#">Contact seller</a> | <a href="#">See other items</a></div>
</div>
<div id="vi-desc-maincntr">
 <div class="iti-eu-txt"><div class="itm-num-txt">Tradewell item number:</div><div id="descItemNumber">{iid}</div></div>
 <div id="readMoreDesc" class="ds-lgl-txt">Seller assumes all responsibility for this listing.</div>
<div class="itemAttr" id="viTabs_0_is"><div class="section"><h2 class="secHd">Item specifics</h2><table width="100%" cellspacing="0" cellpadding="0" role="presentation"><tbody>
{specifics}
</tbody></table></div></div>
<div id="desc_wrapper_ctr"><h2>Item description from the seller</h2><div id="ds_div">
  {desc}
</div></div>
</div>
{similar}
</div>
{footer}
{script2}
</body></html>
""".format(
        title=title, iid=iid, style=STYLE,
        script1=page_script(2047675, '"itemId":"%d","cur":"%s"' % (iid, cur)),
        header=header_html(), leaf=esc(breadcrumb_leaf),
        cond=esc(L["cond"]), qty=qty_html,
        price_content=L["price"], price_text=esc(price_text), cur=cur,
        ship=esc(shipping_text(L)), loc=esc(L["loc"]), country=esc(L["country"]),
        returns=esc(returns),
        seller=esc(L["seller"]), seller_q=esc(L["seller"]), fb=L["fb"], pos=L["pos"],
        specifics=specifics_html(L), desc=desc_html(L["desc"]),
        similar=similar_html(L["n"]), footer=footer_html(),
        script2='<script type="text/javascript">(function(){var b=document.getElementById("vi-bin-btn");'
                'if(b){b.addEventListener("click",function(e){e.preventDefault();});}})();</script>',
    )
    return body


# --------------------------------------------------------------------------
# Search pages
# --------------------------------------------------------------------------
def s_item(href, img_href, title, cond_label, price, country, extra=""):
    return ("""<li class="s-item" data-view="mi:1686"><div class="s-item__wrapper clearfix"><div class="s-item__image-section"><div class="s-item__image"><a href="{href}" tabindex="-1" aria-hidden="true"><img src="{img}" alt="" class="s-item__image-img"></a></div></div>
  <div class="s-item__info clearfix"><a class="s-item__link" href="{href}"><div class="s-item__title"><span role="heading" aria-level="3">{title}</span></div><span class="clipped">Opens in a new window or tab</span></a>
  <div class="s-item__subtitle"><span class="SECONDARY_INFO">{cond}</span></div>
  <div class="s-item__details clearfix"><span class="s-item__price">{price}</span> <span class="s-item__location s-item__itemLocation">from {country}</span>{extra}</div></div></div></li>""").format(
        href=esc(href), img=esc(img_href), title=esc(title), cond=esc(cond_label),
        price=esc(price), country=esc(country), extra=extra)


def search_page(page, total_pages, by_n, first, total_results):
    items = []
    for entry in PAGES[page]:
        if entry == "SPONSORED":
            items.append(s_item("/", "/static/shop-on-tradewell.png", "Shop on Tradewell", "Brand New",
                                "$20.00", US))
            continue
        if entry in SPECIAL:
            S = SPECIAL[entry]
            href = S["path"] + tracking_query(S["id"], "p%d" % page)
            items.append(s_item(href, "/img/%d.jpg" % S["id"], S["title"], COND_SEARCH[S["cond"]],
                                money(S["price"], S["cur"], search=True), S["country"],
                                ' <span class="s-item__shipping s-item__logisticsCost">+$35.00 shipping</span>'))
            continue
        L = by_n[entry]
        href = item_path(entry) + tracking_query(item_id(entry), "p%d" % page)
        ship = "Free shipping" if L["ship"] in ("0", "0.00") else "+" + money(L["ship"], L["cur"], search=True) + " shipping"
        extra = ' <span class="s-item__shipping s-item__logisticsCost">%s</span>' % esc(ship)
        if L["qty"] and L["qty"] != "Last one":
            extra += ' <span class="s-item__hotness s-item__itemHotness"><span class="BOLD">Buy It Now</span></span>'
        items.append(s_item(href, "/img/%d.jpg" % item_id(entry), L["title"], COND_SEARCH[L["cond"]],
                            money(L["price"], L["cur"], search=True), L["country"], extra))

    def page_href(p):
        return "/%s/page-%d.html" % (SEARCH_DIR, p)

    if page > 1:
        prev = '<a type="previous" class="pagination__previous icon-link" href="%s" aria-label="Go to previous search page">Previous</a>' % page_href(page - 1)
    else:
        prev = '<a type="previous" class="pagination__previous icon-link" aria-disabled="true" aria-label="Go to previous search page">Previous</a>'
    if page < total_pages:
        nxt = '<a type="next" class="pagination__next icon-link" href="%s" aria-label="Go to next search page">Next</a>' % page_href(page + 1)
    else:
        nxt = '<a type="next" class="pagination__next icon-link" aria-disabled="true" aria-label="Go to next search page">Next</a>'
    lis = []
    for p in range(1, total_pages + 1):
        cur = ' aria-current="page"' if p == page else ""
        lis.append('<li><a class="pagination__item"%s href="%s">%d</a></li>' % (cur, page_href(p), p))
    nav = ('<nav class="pagination" role="navigation" aria-labelledby="pagination-heading"><h2 id="pagination-heading" class="clipped">Results Pagination - Page %d</h2>'
           '%s<ol class="pagination__items">%s</ol>%s</nav>' % (page, prev, "".join(lis), nxt))

    last = first + sum(1 for e in PAGES[page] if e != "SPONSORED") - 1
    return """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>juniper networks | Tradewell</title>
<link rel="canonical" href="/{dir}/page-{page}.html">
{style}
{script}
</head><body class="srp">
{header}
<div class="srp-controls">
 <h1 class="srp-controls__count-heading"><span class="BOLD">{first}-{last}</span> of <span class="BOLD">{total}</span> results for <span class="BOLD">juniper networks</span></h1>
 <div class="srp-controls__sort"><span>Sort: Best Match</span> | <a href="#">Price + Shipping: lowest first</a> | <a href="#">Newly listed</a></div>
</div>
<div class="srp-refine"><h2 class="clipped">Filters</h2><ul class="x-refine"><li><a href="#">Condition: New</a></li><li><a href="#">Condition: Used</a></li><li><a href="#">Buying Format: Buy It Now</a></li><li><a href="#">Item Location: US Only</a></li></ul></div>
<div class="srp-river srp-layout-inner"><div id="srp-river-main" class="srp-river-main clearfix">
<ul class="srp-results srp-list clearfix">
{items}
</ul>
<div class="srp-related-searches"><h3>Related searches</h3><a href="#">juniper switch</a> <a href="#">juniper firewall</a> <a href="#">juniper router</a> <a href="#">sfp transceiver</a></div>
{nav}
</div></div>
{footer}
</body></html>
""".format(dir=SEARCH_DIR, page=page, style=STYLE,
           script=page_script(2351460, '"query":"juniper networks","page":%d' % page),
           header=header_html(), first=first, last=last, total=total_results, items="\n".join(items), nav=nav,
           footer=footer_html())


def index_page():
    return """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Tradewell: Electronics, Networking Gear &amp; More | Tradewell</title>
{style}
</head><body class="hp">
{header}
<main id="mainContent">
 <h1>Welcome to Tradewell</h1>
 <p>Tradewell is a fictional marketplace used as a bundled sample for graywatch. All listings, sellers and locations are invented.</p>
 <section class="hp-popular"><h2>Popular searches</h2>
  <ul><li><a href="/{dir}/page-1.html">Juniper Networks</a></li></ul>
 </section>
</main>
{footer}
</body></html>
""".format(style=STYLE, header=header_html(), dir=SEARCH_DIR, footer=footer_html())


ROBOTS = """User-agent: *
Disallow: /itm/preview/
Disallow: /usr/
Disallow: /fdbk/
"""


def labels_csv():
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["path", "skus", "condition", "flagged", "categories", "note"])
    for L in sorted(LISTINGS, key=lambda x: x["n"]):
        skus, flagged, cats, note = L["label"]
        w.writerow([item_path(L["n"]), skus, COND_NORM[L["cond"]], "yes" if flagged else "no", cats, note])
    return buf.getvalue()


def write(rel, text):
    path = os.path.join(SAMPLES, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def check():
    ns = [L["n"] for L in LISTINGS]
    assert len(ns) == len(set(ns)), "duplicate listing numbers"
    placed = [e for p in PAGES.values() for e in p if isinstance(e, int)]
    assert set(placed) == set(ns), "every listing must be on a search page"
    for L in LISTINGS:
        assert L["cond"] in COND_NORM, L["n"]
        assert re.fullmatch(r"\d+\.\d\d", L["price"]), L["n"]
        assert L["cur"] in ("USD", "GBP", "EUR"), L["n"]
        assert any(k == "MPN" for k, _ in L["specs"]), L["n"]
        assert L["n"] not in (GONE_ID - ID_BASE, PREVIEW_ID - ID_BASE), "ids 98/99 are reserved: %d" % L["n"]
        assert L.get("leaf") or len(L["specs"]) > 3, L["n"]
    sellers = {}
    for L in LISTINGS:
        serial = dict(L["specs"]).get("Serial Number")
        if serial:
            sellers.setdefault(serial, []).append(L)
    for serial, group in sellers.items():
        if len(group) > 1:   # a serial shown twice must come from different sellers, each listing flagged counterfeit
            assert len({L["seller"] for L in group}) == len(group), serial
            assert all(L["label"][1] and "counterfeit" in L["label"][2] for L in group), serial


def main():
    check()
    if os.path.isdir(SITE):
        shutil.rmtree(SITE)
    by_n = {L["n"]: L for L in LISTINGS}
    write("marketplace/robots.txt", ROBOTS)
    write("marketplace/index.html", index_page())
    total = len(PAGES)
    results = sum(1 for p in PAGES.values() for e in p if e != "SPONSORED")
    first = 1
    for p in sorted(PAGES):
        write("marketplace/%s/page-%d.html" % (SEARCH_DIR, p), search_page(p, total, by_n, first, results))
        first += sum(1 for e in PAGES[p] if e != "SPONSORED")
    for L in LISTINGS:
        write("marketplace/itm/%d.html" % item_id(L["n"]), item_page(L))
    write("labels.csv", labels_csv())
    print("wrote %d item pages, %d search pages, labels.csv" % (len(LISTINGS), total), file=sys.stderr)


if __name__ == "__main__":
    main()
