#!/usr/bin/env python3
"""Build the fictional "Tradewell" sample marketplace used by graywatch.

Everything here is invented: marketplace, sellers, locations and listing texts.
The markup imitates a classic auction-site item page / search page so that the
scanner's XPaths are exercised against realistic noise.

Usage:  python3 samples/tools/build_marketplace.py
Writes (deterministically, stdlib only):
  samples/marketplace/robots.txt
  samples/marketplace/index.html
  samples/marketplace/sch/juniper-networks/page-{1,2,3}.html
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

# Search result placement: (page -> list of entries).  int n = listing n; other entries are special.
PAGES = {
    1: ["SPONSORED", 2, 1, 5, 7, 3, 9, 6, 10, 4, 8],
    2: [12, 11, 14, 13, "GONE", 16, 15, 17, 19, 18, 20],
    3: [21, 23, 22, 24, "PREVIEW", 26, 25, 7, 28, 27, 29, 30],   # 7 again: duplicate result
}

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
    breadcrumb_leaf = "Enterprise Routers" if L["specs"][3][1] == "Router" else (
        "Books" if L["n"] == 24 else "Enterprise Network Switches")
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


def search_page(page, total_pages, by_n):
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

    first = (page - 1) * 10 + 1
    return """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>juniper networks | Tradewell</title>
<link rel="canonical" href="/{dir}/page-{page}.html">
{style}
{script}
</head><body class="srp">
{header}
<div class="srp-controls">
 <h1 class="srp-controls__count-heading"><span class="BOLD">{first}-{last}</span> of <span class="BOLD">30+</span> results for <span class="BOLD">juniper networks</span></h1>
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
           header=header_html(), first=first, last=first + 9, items="\n".join(items), nav=nav,
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
        assert L["cur"] in ("USD", "GBP"), L["n"]
        assert any(k == "MPN" for k, _ in L["specs"]), L["n"]


def main():
    check()
    if os.path.isdir(SITE):
        shutil.rmtree(SITE)
    by_n = {L["n"]: L for L in LISTINGS}
    write("marketplace/robots.txt", ROBOTS)
    write("marketplace/index.html", index_page())
    total = len(PAGES)
    for p in sorted(PAGES):
        write("marketplace/%s/page-%d.html" % (SEARCH_DIR, p), search_page(p, total, by_n))
    for L in LISTINGS:
        write("marketplace/itm/%d.html" % item_id(L["n"]), item_page(L))
    write("labels.csv", labels_csv())
    print("wrote %d item pages, %d search pages, labels.csv" % (len(LISTINGS), total), file=sys.stderr)


if __name__ == "__main__":
    main()
