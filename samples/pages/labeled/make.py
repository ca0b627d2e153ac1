#!/usr/bin/env python3
"""Writes the labeled item pages of samples/pages/labeled/ and their labels.csv.

Every listing, seller, price and description here is fictional. The pages use the markup of other marketplace
styles than the bundled "Tradewell" site -- eBay (current and classic item pages), Amazon product pages, Alibaba
product-detail pages -- and of generic shops that only carry schema.org JSON-LD or microdata, so that
`graywatch eval` can measure the rules on what the site adapters (rules/sites/*.yml) and the generic extractor
read. Labels follow the labeling policy (LABELING.md), never what the current rules happen to decide.

Standard library only, deterministic:   python3 samples/pages/labeled/make.py
"""
import csv
import html
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
E = html.escape

# ---------------------------------------------------------------------------------------------------------------
# shared filler (keeps pages at a realistic-ish 5-15 KB without copying any real page)

CATEGORIES = ["Computers & Networking", "Enterprise Switches", "Routers", "Firewalls & VPN", "Transceivers",
              "Wireless Access Points", "Power Supplies", "Rack Mount Equipment", "Cables & Connectors",
              "Server Memory", "Patch Panels", "Testers & Tools", "Network Cards", "Storage", "UPS & Power"]


def nav(host, prefix):
    items = "\n".join(f'<li><a href="https://{host}/{prefix}/{c.lower().replace(" & ", "-").replace(" ", "-")}">{E(c)}</a></li>'
                      for c in CATEGORIES)
    return f'<nav class="gh-nav"><ul>\n{items}</ul></nav>'


def footer(host, owner):
    links = ["About", "Help & Contact", "Returns", "Shipping", "Privacy", "Cookies", "Accessibility", "Terms of Use",
             "Careers", "Press", "Affiliates", "Site Map"]
    items = "\n".join(f'<li><a href="https://{host}/help/{l.lower().replace(" & ", "-").replace(" ", "-")}">{E(l)}</a></li>'
                      for l in links)
    return (f'<footer id="glbfooter"><ul>\n{items}</ul><p>Copyright &copy; 2026 {E(owner)}. Fictional page written for '
            f'graywatch tests; all listings, sellers and prices are made up.</p></footer>')


def style_block(prefix, n=24):
    rows = "\n".join(f".{prefix}-{i}{{margin:{i % 7}px {i % 5}px;padding:{i % 3}px;font-size:{12 + i % 6}px}}" for i in range(n))
    return f"<style>{rows}</style>"


def related(host, path_prefix, titles):
    cards = "\n".join(f'<li class="rel-card"><a href="https://{host}/{path_prefix}{9000 + i}">{E(t)}</a></li>'
                      for i, t in enumerate(titles))
    return f'<div class="related"><h2>Similar items</h2><ul>\n{cards}</ul></div>'


RELATED = ["Juniper EX2300-24T 24-port switch", "Cat6 patch cable 3ft 10-pack", "19in 2-post rack shelf 1U",
           "Generic 10G SFP+ SR module", "C13 to C14 power cord 6ft", "Console cable RJ45 to USB-C"]


def paras(text):
    return "".join(f"<p>{E(p)}</p>" for p in text.split("\n") if p.strip())


# ---------------------------------------------------------------------------------------------------------------
# eBay, current ("modern") item page

def ebay_modern(L):
    host = L["url"].split("/")[2]
    item_id = L["url"].rstrip("/").split("/")[-1]
    spec_rows = [("Condition", L["cond"])] + L["specs"]
    dls = []
    for label, value in spec_rows:
        cls = "condition" if label == "Condition" else label.lower().replace(" ", "")
        dls.append(
            f'<div class="ux-layout-section-evo__row"><div class="ux-layout-section-evo__col"><dl class="ux-labels-values '
            f'ux-labels-values--inline col-6 ux-labels-values--{cls}" data-testid="ux-labels-values"><dt class="ux-labels-values__labels">'
            f'<div class="ux-labels-values__labels-content"><div><span class="ux-textspans">{E(label)}</span></div></div></dt>'
            f'<dd class="ux-labels-values__values"><div class="ux-labels-values__values-content"><div><span class="ux-textspans">'
            f'{E(value)}</span></div></div></dd></dl></div></div>')
    qty = ""
    if L.get("qty"):
        qty = (f'<div class="vim x-quantity mar-t-20"><label class="x-quantity__label" for="qtyTextBox">Quantity:</label>'
               f'<input id="qtyTextBox" class="textbox__control" value="1" type="text">\n<div id="qtyAvailability" '
               f'class="x-quantity__availability evo"><span class="ux-textspans ux-textspans--SECONDARY">{E(L["qty"])}</span></div></div>')
    sub = f'<div class="x-item-title__subTitle"><span class="ux-textspans ux-textspans--SECONDARY">{E(L["subtitle"])}</span></div>' if L.get("subtitle") else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(L["title"])} | eBay</title>
<meta property="og:title" content="{E(L["title"])} | eBay">
<link rel="canonical" href="{E(L["url"])}">
{style_block("x-vi")}
</head><body class="vi-evo">
<div id="gh" class="gh-header"><a class="gh-logo" href="https://{host}/">eBay</a><form class="gh-search" action="https://{host}/sch/i.html"><input name="_nkw" aria-label="Search for anything"><button type="submit">Search</button></form>
{nav(host, "b")}</div>
<div class="main-container"><nav class="breadcrumbs" aria-label="Breadcrumb"><ul><li><a href="https://{host}/b/Computers-Tablets-Networking/58058"><span>Computers/Tablets &amp; Networking</span></a></li><li><a href="https://{host}/b/Enterprise-Networking/175698"><span>Enterprise Networking, Servers</span></a></li></ul></nav>
<div id="LeftSummaryPanel" class="vi-grid"><div id="PicturePanel"><div class="ux-image-carousel">
<div class="ux-image-carousel-item image-treatment active image" data-idx="0"><img data-zoom-src="https://i.ebayimg.example/images/g/{item_id}/s-l1600.jpg" src="https://i.ebayimg.example/images/g/{item_id}/s-l500.jpg" alt="{E(L["title"])}"></div>
</div></div>
<div id="mainContent" class="vim-main">
<div class="vim x-item-title" data-testid="x-item-title"><h1 class="x-item-title__mainTitle"><span class="ux-textspans ux-textspans--BOLD">{E(L["title"])}</span></h1>
{sub}</div>
<div class="vim x-sellercard-atf" data-testid="x-sellercard-atf"><div class="x-sellercard-atf__info">
<div class="x-sellercard-atf__info__about-seller" title="{E(L["seller"])}"><a href="https://{host}/str/{E(L["seller"])}"><span class="ux-textspans ux-textspans--BOLD">{E(L["seller"])}</span></a></div>
<ul class="x-sellercard-atf__data"><li class="x-sellercard-atf__data-item"><a href="#STORE_INFORMATION"><span class="ux-textspans ux-textspans--PSEUDOLINK">({L["feedback"]})</span></a></li>
<li class="x-sellercard-atf__data-item"><span class="ux-textspans ux-textspans--PSEUDOLINK">{L.get("feedback_pct", "99.5")}% positive</span></li></ul></div></div>
<div class="vim x-price-section mar-t-20"><div class="x-price-primary" data-testid="x-price-primary"><span class="ux-textspans">{E(L["price"])}</span></div></div>
<div class="vim x-item-condition mar-t-20"><div class="x-item-condition-label"><span class="ux-textspans">Condition:</span></div>
<div class="x-item-condition-text"><div class="ux-icon-text"><span class="ux-textspans">{E(L["cond"])}</span></div></div></div>
{qty}
<div class="vim x-buybox-cta"><ul><li><a id="binBtn_btn_1" class="ux-call-to-action fake-btn fake-btn--primary" href="https://{host}/atc?item={item_id}"><span class="ux-call-to-action__text">Buy It Now</span></a></li></ul></div>
<div class="vim d-shipping-minview mar-t-20"><div class="ux-layout-section-evo"><div class="ux-labels-values ux-labels-values--shipping"><div class="ux-labels-values__labels"><span class="ux-textspans">Shipping:</span></div>
<div class="ux-labels-values__values"><div class="ux-labels-values__values-content"><div><span class="ux-textspans ux-textspans--BOLD">{E(L.get("shipping", "Free"))}</span></div>
<div><span class="ux-textspans ux-textspans--SECONDARY">Located in: {E(L["location"])}</span></div></div></div></div>
<div class="ux-labels-values ux-labels-values--returns"><div class="ux-labels-values__labels"><span class="ux-textspans">Returns:</span></div><div class="ux-labels-values__values"><span class="ux-textspans">{E(L.get("returns", "30 days returns. Buyer pays for return shipping."))}</span></div></div></div></div>
</div></div>
<div class="tabs__content"><div class="x-about-this-item"><h2 class="section-title__title">About this item</h2>
<div class="ux-layout-section-evo ux-layout-section--features"><div class="ux-layout-section-evo__item ux-layout-section-evo__item--table-view">
{chr(10).join(dls)}
</div></div>
<div class="ux-layout-section-evo ux-layout-section--itemId"><span class="ux-textspans ux-textspans--SECONDARY">eBay item number:</span><span class="ux-textspans ux-textspans--BOLD">{item_id}</span></div></div>
<div class="x-item-description"><h2 class="section-title__title">Item description from the seller</h2><div class="ux-layout-section__textual-display">{paras(L["desc"])}</div></div></div>
{related(host, "itm/", RELATED)}
</div>
{footer(host, "eBay Inc. (style only)")}
</body></html>
"""


# ---------------------------------------------------------------------------------------------------------------
# eBay, classic item page

def ebay_classic(L):
    host = L["url"].split("/")[2]
    item_id = L["url"].rstrip("/").split("/")[-1]
    cond_defs = {"New": "A brand-new, unused, unopened, undamaged item in its original packaging.",
                 "New other (see details)": "An item that may be missing the original packaging or may have been opened.",
                 "Used": "An item that has been operated previously. See the seller's listing for full details.",
                 "Seller refurbished": "An item that has been restored to working order by the eBay seller or a third party.",
                 "For parts or not working": "An item that does not function as intended and is not fully operational."}
    rows = [f'<tr><td class="attrLabels">Condition:</td><td width="50.0%" colspan="3"><div aria-live="polite">{E(L["cond"])}: '
            f'<span id="vi-cond-addl-info">{E(cond_defs[L["cond"]])}</span> <a class="infoLink u-nowrap" href="javascript:;">See all condition definitions</a></div></td></tr>']
    specs = list(L["specs"])
    for i in range(0, len(specs), 2):
        cells = []
        for label, value in specs[i:i + 2]:
            inner = f'<h2 itemprop="mpn">{E(value)}</h2>' if label == "MPN" else f"<span>{E(value)}</span>"
            cells.append(f'<td class="attrLabels">{E(label)}:</td><td width="50.0%">{inner}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    qty = f'<span id="qtySubTxt" class="qtyTxt vi-bboxrev-dsplblk"><span>{E(L["qty"])}</span></span>' if L.get("qty") else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{E(L["title"])} | eBay</title>
<meta property="og:title" content="{E(L["title"])}">
<link rel="canonical" href="{E(L["url"])}">
{style_block("vi")}
</head><body class="vi-contv2">
<div id="gh" class="gh-header"><a class="gh-logo" href="https://{host}/">eBay</a>
{nav(host, "b")}</div>
<div id="Body" itemscope itemtype="https://schema.org/Product"><div id="CenterPanelInternal">
<div id="PicturePanel" class="pp-c"><div id="mainImgHldr"><img id="icImg" class="img img500" itemprop="image" src="https://i.ebayimg.example/images/g/{item_id}/s-l500.jpg" alt="{E(L["title"])}"></div></div>
<div id="LeftSummaryPanel">
<div id="vi-lkhdr-itmTitl"><h1 class="it-ttl" itemprop="name" id="itemTitle"><span class="g-hdn">Details about &nbsp;</span>{E(L["title"])}</h1></div>
<div class="nonActPanel"><div class="u-cb"><div class="u-flL condText" id="vi-itm-cond" itemprop="itemCondition">{E(L["cond"])}</div></div>
<div class="u-cb"><label for="qtyTextBox">Quantity:</label><input id="qtyTextBox" value="1" size="4" type="text"> {qty}</div>
<div class="u-cb"><div class="vi-bbox-dspn u-flL lable binLable" id="prcIsum-lbl">Price:</div>
<div id="vi-mskumap-none" class="u-flL w29 vi-price" itemprop="offers" itemscope="itemscope" itemtype="https://schema.org/Offer">
<span class="notranslate" id="prcIsum" itemprop="price" content="{L["amount"]}">{E(L["price"])}</span>
<span itemprop="availability" content="https://schema.org/InStock"></span>
<span itemprop="priceCurrency" content="{L.get("currency", "USD")}"></span></div></div>
<div class="sh-loc" id="itemLocation"><div class="iti-eu-bld-gry">Item location:</div><div class="iti-eu-txt"><span itemprop="availableAtOrFrom">{E(L["location"])}</span></div></div>
<div class="rpColWid" id="rpdId"><span class="u-flL">Returns:</span> <span id="vi-ret-accrd-txt">{E(L.get("returns", "30 day returns. Buyer pays for return shipping."))}</span></div>
</div></div>
<div id="RightSummaryPanel"><div class="si-cnt"><h2 class="si-ttl">Seller information</h2>
<div class="mbg vi-VR-margBtm3"><a href="https://{host}/usr/{E(L["seller"])}"><span class="mbg-nw">{E(L["seller"])}</span></a>
<span class="mbg-l"> (<a href="https://feedback.{host.replace("www.", "")}/ws/eBayISAPI.dll?ViewFeedback2&amp;userid={E(L["seller"])}" title="Feedback score: {L["feedback"]}">{L["feedback"]}</a> )</span></div>
<div id="si-fb">{L.get("feedback_pct", "99.5")}% Positive feedback</div></div></div>
</div>
<div id="viTabs_0_is"><div class="section"><h2 class="secHd">Item specifics</h2><div class="itemAttr"><div class="section"><table width="100%" cellspacing="0" cellpadding="0" border="0" role="presentation">
{chr(10).join(rows)}
</table></div></div></div></div>
<div id="desc_wrapper_ctr"><h2 class="secHd">Item description</h2><div id="ds_div">{paras(L["desc"])}</div></div>
{related(host, "itm/", RELATED)}
</div>
{footer(host, "eBay Inc. (style only)")}
</body></html>
"""


# ---------------------------------------------------------------------------------------------------------------
# Amazon product page

def amazon(L):
    host = L["url"].split("/")[2]
    asin = L["url"].rstrip("/").split("/")[-1]
    tech = "\n".join(f'<tr><th class="a-color-secondary a-size-base prodDetSectionEntry"> {E(k)} </th><td class="a-size-base '
                     f'prodDetAttrValue"> &lrm;{E(v)} </td></tr>' for k, v in L["specs"])
    bullets = "\n".join(f'<li><span class="a-list-item"> {E(b)} </span></li>' for b in L["bullets"])
    if L.get("used"):
        buybox = f"""<div id="usedBuySection" class="a-section a-spacing-none"><div class="a-row"><span class="a-text-bold">Buy used:</span>
<span class="a-size-base a-color-price offer-price a-text-normal">{E(L["price"])}</span></div>
<div class="a-row"><strong> {E(L["used"])} </strong> <a id="usedItemConditionInfoLink" class="a-link-normal" href="#">Details</a></div></div>"""
        price_block = ""
    else:
        whole, frac = L["amount"].split(".")
        wfmt = f"{int(whole):,}"
        price_block = f"""<div id="corePriceDisplay_desktop_feature_div" class="celwidget"><div class="a-section a-spacing-none aok-align-center aok-relative">
<span class="a-price aok-align-center reinventPricePriceToPayMargin priceToPay" data-a-size="xl"><span class="a-offscreen">{E(L["price"])}</span><span aria-hidden="true"><span class="a-price-symbol">$</span><span class="a-price-whole">{wfmt}<span class="a-price-decimal">.</span></span><span class="a-price-fraction">{frac}</span></span></span></div></div>"""
        buybox = f"""<div id="corePrice_feature_div" class="celwidget"><div class="a-section a-spacing-micro"><span class="a-price aok-align-center" data-a-size="xl"><span class="a-offscreen">{E(L["price"])}</span><span aria-hidden="true">{E(L["price"])}</span></span></div></div>
<div id="newAccordionRow" class="a-row"><span class="a-text-bold">New</span></div>"""
    desc = f'<div id="productDescription_feature_div"><h2>Product Description</h2><div id="productDescription" class="a-section a-spacing-small">{paras(L["desc"])}</div></div>' if L.get("desc") else ""
    return f"""<!DOCTYPE html><html lang="en-us"><head><meta charset="utf-8">
<title>Amazon.com: {E(L["title"])}</title>
<meta name="title" content="Amazon.com: {E(L["title"])}">
{style_block("a-s")}
</head><body>
<div id="navbar"><a id="nav-logo-sprites" href="https://{host}/">Amazon</a>
{nav(host, "b")}</div>
<div id="dp" class="a-container"><div id="dp-container">
<input type="hidden" id="ASIN" name="ASIN" value="{asin}">
<div id="leftCol"><div id="imgTagWrapperId"><img id="landingImage" src="https://m.media-amazon.example/images/I/{asin}._AC_SL1500_.jpg" data-old-hires="https://m.media-amazon.example/images/I/{asin}._AC_SL1500_.jpg" alt="{E(L["title"])}"></div></div>
<div id="centerCol" class="centerColAlign"><div id="title_feature_div" class="celwidget"><h1 id="title" class="a-size-large a-spacing-none"><span id="productTitle" class="a-size-large product-title-word-break">        {E(L["title"])}       </span></h1></div>
<div id="bylineInfo_feature_div" class="celwidget"><a id="bylineInfo" class="a-link-normal" href="/stores/page/{asin}">{E(L["byline"])}</a></div>
<div id="apex_desktop" class="celwidget">{price_block}</div>
<div id="feature-bullets" class="a-section a-spacing-medium a-spacing-top-small"><h1 class="a-size-base-plus a-text-bold">About this item</h1><ul class="a-unordered-list a-vertical a-spacing-mini">
{bullets}
</ul></div></div>
<div id="rightCol"><div id="buybox">
{buybox}
<div id="availability" class="a-section a-spacing-base"><span class="a-size-medium a-color-success"> {E(L.get("avail", "In Stock"))} </span></div>
<div id="tabular-buybox" class="a-section a-spacing-none"><div class="tabular-buybox-container">
<div class="tabular-buybox-text" tabular-attribute-name="Ships from"><span class="a-size-small tabular-buybox-text-message">{E(L.get("ships_from", L["seller"]))}</span></div>
<div class="tabular-buybox-text" tabular-attribute-name="Sold by"><span class="a-size-small tabular-buybox-text-message"><a id="sellerProfileTriggerId" href="/gp/help/seller/at-a-glance.html?seller=A{asin}">{E(L["seller"])}</a></span></div>
<div class="tabular-buybox-text" tabular-attribute-name="Returns"><span class="a-size-small tabular-buybox-text-message">{E(L.get("returns", "Eligible for Return, Refund or Replacement within 30 days of receipt"))}</span></div></div></div>
</div></div>
<div id="prodDetails" class="a-section"><div class="a-row"><div class="a-column a-span6"><h1 class="a-size-medium a-spacing-small secHeader">Technical Details</h1><table id="productDetails_techSpec_section_1" class="a-keyvalue prodDetTable" role="presentation"><tbody>
{tech}
</tbody></table></div>
<div class="a-column a-span6 a-span-last"><h1 class="a-size-medium a-spacing-small secHeader">Additional Information</h1><table id="productDetails_detailBullets_sections1" class="a-keyvalue prodDetTable" role="presentation"><tbody>
<tr><th class="a-color-secondary a-size-base prodDetSectionEntry"> ASIN </th><td class="a-size-base prodDetAttrValue"> {asin} </td></tr>
<tr><th class="a-color-secondary a-size-base prodDetSectionEntry"> Date First Available </th><td class="a-size-base prodDetAttrValue"> {E(L.get("first_available", "June 3, 2024"))} </td></tr>
</tbody></table></div></div></div>
{desc}
{related(host, "dp/B0REL", RELATED)}
</div></div>
{footer(host, "Amazon.com, Inc. (style only)")}
</body></html>
"""


# ---------------------------------------------------------------------------------------------------------------
# Alibaba product-detail page

def alibaba(L):
    host = L["url"].split("/")[2]
    pid = L["url"].rsplit("_", 1)[1].split(".")[0]
    dls = "\n".join(f'<dl class="do-entry-item" id="{1000 + i}"><dt class="do-entry-item"><span class="attr-name J-attr-name" '
                    f'title="{E(k)}">{E(k)}:</span></dt><dd class="do-entry-item-val"><div class="ellipsis" title="{E(v)}">{E(v)}'
                    f'</div></dd></dl>' for i, (k, v) in enumerate(L["specs"]))
    supply = "\n".join(f'<dl class="do-entry-item" id="{1050 + i}"><dt class="do-entry-item"><span class="attr-name J-attr-name" '
                       f'title="{E(k)}">{E(k)}:</span></dt><dd class="do-entry-item-val"><div class="ellipsis" title="{E(v)}">{E(v)}'
                       f'</div></dd></dl>' for i, (k, v) in enumerate(L.get("supply", [])))
    low, high = L["range"]
    rng = f"<span>US${low}</span> - <span>US${high}</span>" if high else f"<span>US${low}</span>"
    ladder = ""
    if L.get("ladder"):
        tiers = "".join(f'<li class="ma-ladder-price-item"><span class="ma-quantity-range">{E(q)}</span> '
                        f'<span class="ma-spec-price">US${E(p)}</span></li>' for q, p in L["ladder"])
        ladder = f'<ul class="ma-ladder-price">{tiers}</ul>'
    ld = {"@context": "http://schema.org/", "@type": "Product", "@id": pid, "name": L["title"] + " - Buy on Alibaba.com",
          "sku": pid, "offers": {"@type": "AggregateOffer", "offerCount": 1, "priceCurrency": "USD", "lowPrice": low,
                                 "highPrice": high or low}}
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{E(L["title"])} - Buy Product on Alibaba.com</title>
<meta property="og:image" content="https://s.alicdn.example/kf/{pid}.jpg">
<script type="application/ld+json"> {json.dumps(ld)} </script>
{style_block("ma")}
</head><body>
<div id="header" class="sc-hd-header"><a class="logo" href="https://{host}/">Alibaba.com</a>
{nav(host, "Computer-Hardware-Software")}</div>
<div class="layout-body"><div class="module-detailBoothImage"><img src="https://s.alicdn.example/kf/{pid}.jpg" alt="{E(L["title"])}"></div>
<div class="module-mainAction"><div class="ma-title-wrap">{'<div class="ready-to-ship-icon"><div class="pre-icon"> Ready to Ship </div><div class="icon-ins">In Stock Fast Dispatch</div></div>' if L.get("ready") else ''}
<h1 class="ma-title" title="{E(L["title"])}">{E(L["title"])}</h1></div>
<div class="ma-main"><div class="ma-price-wrap"><div class="ma-reference-price"><span class="ma-ref-price">{rng}</span> / {E(L.get("unit", "Piece"))} <span class="ma-split">|</span> <span class="ma-min-order">{E(L["moq"])} </span> (Min. Order)</div>{ladder}</div></div></div>
<div class="do-overview"><h3>Quick Details</h3>
{dls}
<h3>Supply Ability</h3>
{supply}
</div>
<div class="scc-wrapper detail-module module-productSpecification"><div class="richtext richtext-detail rich-text-description" id="J-rich-text-description"><h3>Product Description</h3>{paras(L["desc"])}</div></div>
<div class="module-supplier"><div class="company-name-container"><a class="company-name company-name-lite-vb" href="https://supplier{pid[-4:]}.en.alibaba.com/" title="{E(L["seller"])}"> {E(L["seller"])}</a></div>
<div class="card-supplier card-icons-lite"><span class="company-name-country"><span class="register-country">{E(L["country"])}</span></span><span class="join-year"><span class="value"> {L.get("years", 5)}</span> <span class="unit">YRS</span></span></div></div>
{related(host, "product-detail/Related_", RELATED)}
</div>
{footer(host, "Alibaba.com (style only)")}
</body></html>
"""


# ---------------------------------------------------------------------------------------------------------------
# generic shops: JSON-LD or microdata Product

def generic_jsonld(L):
    host = L["url"].split("/")[2]
    product = {"@type": "Product", "@id": L["url"] + "#product", "name": L["title"], "sku": L["shop_sku"],
               "brand": {"@type": "Brand", "name": L["brand"]}, "image": [f"https://{host}/img/{L['shop_sku'].lower()}-1.jpg"],
               "description": L["desc"].replace("\n", " "), "itemCondition": "https://schema.org/" + L["schema_cond"],
               "offers": {"@type": "Offer", "price": L["amount"], "priceCurrency": L.get("currency", "USD"),
                          "availability": "https://schema.org/InStock",
                          "itemCondition": "https://schema.org/" + L["schema_cond"],
                          "seller": {"@type": "Organization", "name": L["seller"]}, "url": L["url"]}}
    if L.get("mpn"):
        product["mpn"] = L["mpn"]
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": f"https://{host}/#website", "url": f"https://{host}/", "name": L["seller"]},
        {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": L.get("crumb", "Networking"),
                                                         "item": f"https://{host}/collections/networking"}]},
        product]}
    specs = "\n".join(f"<tr><th>{E(k)}</th><td>{E(v)}</td></tr>" for k, v in L["specs"])
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(L["title"])} | {E(L["seller"])}</title>
<script type="application/ld+json">{json.dumps(graph, indent=1)}</script>
{style_block("shop")}
</head><body>
<header class="site-header"><a class="logo" href="https://{host}/">{E(L["seller"])}</a>
{nav(host, "collections")}</header>
<main id="main"><div class="product-page">
<div class="gallery"><img src="https://{host}/img/{L['shop_sku'].lower()}-1.jpg" alt="{E(L["title"])}"></div>
<div class="product-info"><h1 class="product-title">{E(L["title"])}</h1>
<div class="product-price"><span class="money">{E(L["price"])}</span></div>
<form class="add-to-cart" action="https://{host}/cart/add"><button type="submit">Add to cart</button></form>
<div class="product-description">{paras(L["desc"])}</div>
<table class="product-specs">{specs}</table></div></div>
{related(host, "products/rel-", RELATED)}
</main>
{footer(host, L["seller"])}
</body></html>
"""


def generic_microdata(L):
    host = L["url"].split("/")[2]
    specs = "\n".join(f"<tr><th>{E(k)}</th><td>{E(v)}</td></tr>" for k, v in L["specs"])
    mpn = f'<li>Part no.: <span itemprop="mpn">{E(L["mpn"])}</span></li>' if L.get("mpn") else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(L["title"])} | {E(L["seller"])}</title>
{style_block("md")}
</head><body>
<header class="site-header"><a class="logo" href="https://{host}/">{E(L["seller"])}</a>
{nav(host, "category")}</header>
<main id="main"><div class="product" itemscope itemtype="https://schema.org/Product">
<div class="gallery"><img itemprop="image" src="https://{host}/img/{L['shop_sku'].lower()}.jpg" alt="{E(L["title"])}"></div>
<h1 itemprop="name">{E(L["title"])}</h1>
<div class="brand-line">Brand: <span itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">{E(L["brand"])}</span></span></div>
<ul class="ids"><li>Item no.: <span itemprop="sku">{E(L["shop_sku"])}</span></li>{mpn}</ul>
<div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="priceCurrency" content="{L.get("currency", "USD")}">
<span class="price" itemprop="price" content="{L["amount"]}">{E(L["price"])}</span>
<link itemprop="availability" href="https://schema.org/InStock"><link itemprop="itemCondition" href="https://schema.org/{L["schema_cond"]}">
<div itemprop="seller" itemscope itemtype="https://schema.org/Organization">Sold by <span itemprop="name">{E(L["seller"])}</span></div></div>
<div class="desc" itemprop="description">{E(L["desc"].replace(chr(10), " "))}</div>
<table class="specs">{specs}</table></div>
{related(host, "item/rel-", RELATED)}
</main>
{footer(host, L["seller"])}
</body></html>
"""


RENDER = {"ebay-modern": ebay_modern, "ebay-classic": ebay_classic, "amazon": amazon, "alibaba": alibaba,
          "jsonld": generic_jsonld, "microdata": generic_microdata}

# ---------------------------------------------------------------------------------------------------------------
# the listings (fictional). Labels follow LABELING.md; `note` cites the policy rule.
EBAY = "https://www.ebay.com/itm/"
AMZ = "https://www.amazon.com/dp/"
ALI = "https://www.alibaba.com/product-detail/"

LISTINGS = [
    # ----------------------------------------------------------------------------------------------- eBay (10)
    dict(file="ebay-m01-ex3400-48p-lot.html", style="ebay-modern", url=EBAY + "Juniper-EX3400-48P/315550000001",
         title="LOT OF 6 Juniper Networks EX3400-48P 48-Port PoE+ Switch NEW Sealed",
         cond="New", price="US $3,150.00", qty="8 available", seller="northstar-it-liquidation", feedback=812,
         location="Newark, New Jersey, United States",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX3400-48P"), ("Model", "EX3400-48P"), ("Number of Ports", "48")],
         desc="Lot of six factory sealed EX3400-48P switches, price is per unit.\nMore units available on request; we ship same day.",
         skus=["EX3400-48P"], label_cond="new", flagged=True, cats=["stolen-or-diverted"],
         note='rule 2: new units in bulk ("lot of 6", 8 available)'),
    dict(file="ebay-m02-srx300-used-cheap.html", style="ebay-modern", url=EBAY + "Juniper-SRX300/315550000002",
         title="Juniper SRX300 Services Gateway Firewall - Used, Works", subtitle="Zeroized, power brick included",
         cond="Used", price="US $64.99", qty="Last one", seller="garage-lab-sales", feedback=143,
         location="Tucson, Arizona, United States",
         specs=[("Brand", "Juniper Networks"), ("MPN", "SRX300"), ("Type", "Firewall")],
         desc="Used SRX300 from my home lab. Boots to Junos 21.2, configuration zeroized.\n"
              "Scuffs on the top cover, one rubber foot missing. No warranty, 14 day returns.",
         returns="14 days returns. Buyer pays for return shipping.",
         skus=["SRX300"], label_cond="used", flagged=False, cats=[],
         note="clean (borderline decided: honest used unit whose price is simply low)"),
    dict(file="ebay-m03-srx340-used.html", style="ebay-modern", url=EBAY + "Juniper-SRX340/315550000003",
         title="Juniper Networks SRX340 Services Gateway SRX340-SYS-JB tested",
         cond="Used", price="US $489.00", qty="Last one", seller="recycled-racks", feedback=2290,
         location="Columbus, Ohio, United States",
         specs=[("Brand", "Juniper Networks"), ("MPN", "SRX340"), ("Model", "SRX340"), ("Form Factor", "Desktop")],
         desc="Used unit, tested: boots, all 16 GE ports pass link. Light rack wear on the ears.\n"
              "Sold without any license or support contract. Our own 30 day return policy applies.",
         skus=["SRX340"], label_cond="used", flagged=False, cats=[],
         note="clean (do-not-flag: honest single used unit, tested, cosmetic wear, seller returns only)"),
    dict(file="ebay-m04-fiberlink-qfx-sr.html", style="ebay-modern", url=EBAY + "FiberLink-10G-SR-SFP/315550000004",
         title="FiberLink 10GBASE-SR SFP+ 850nm 300m, compatible with Juniper QFX-SFP-10GE-SR",
         cond="New", price="US $18.50", qty="More than 10 available", seller="fiberlink-official", feedback=15210,
         location="Fremont, California, United States",
         specs=[("Brand", "FiberLink"), ("MPN", "FL-SFP10G-SR-JN"), ("Form Factor", "SFP+"), ("Wavelength", "850 nm")],
         desc="FiberLink branded optic, coded to work in Juniper QFX and EX switches.\n"
              "Made by FiberLink, not by Juniper. Lifetime FiberLink warranty on our own product.",
         skus=["QFX-SFP-10GE-SR"], label_cond="new", flagged=False, cats=[],
         note="clean (do-not-flag: another maker's product): FiberLink optic that only says it is compatible; bulk is fine for its own brand"),
    dict(file="ebay-m05-mx204-parts-working.html", style="ebay-modern", url=EBAY + "Juniper-MX204/315550000005",
         title="Juniper MX204 Universal Router - WORKING 100%",
         cond="For parts or not working", price="US $9,800.00", qty="Last one", seller="core-router-deals", feedback=57,
         location="Miami, Florida, United States",
         specs=[("Brand", "Juniper Networks"), ("MPN", "MX204"), ("Type", "Router")],
         desc="Working 100%, boots fine. Listed as for parts because I cannot test the 100G ports.\nSold as-is, no returns.",
         returns="No returns accepted.",
         skus=["MX204"], label_cond="for-parts", flagged=True, cats=["damaged"],
         note='rule 6: for-parts condition but sold as "working 100%"'),
    dict(file="ebay-c06-ex2300-48p-pulled.html", style="ebay-classic", url=EBAY + "Juniper-EX2300-48P/315550000006",
         title="Juniper EX2300-48P 48 Port PoE+ Gigabit Switch NEW",
         cond="New", price="US $1,499.00", amount="1499.00", qty="Last one", seller="dc-decom-outlet", feedback=388,
         location="Ashburn, Virginia, United States",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX2300-48P"), ("Model", "EX2300-48P"), ("Number of Ports", "48")],
         desc="Pulled from a working wiring closet during a refresh, tested and wiped.\nComes with one power cord, no box.",
         skus=["EX2300-48P"], label_cond="new", flagged=True, cats=["used-as-new"],
         note="rule 5: condition New but the text says pulled from a working closet, tested and wiped"),
    dict(file="ebay-c07-ex2300-c-12p-openbox.html", style="ebay-classic", url=EBAY + "Juniper-EX2300-C-12P/315550000007",
         title="Juniper EX2300-C-12P Compact 12-Port PoE+ Switch - Open Box",
         cond="New other (see details)", price="US $689.00", amount="689.00", qty="Last one", seller="midwest-net-surplus",
         feedback=1734, location="Madison, Wisconsin, United States",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX2300-C-12P"), ("Number of Ports", "12"), ("Type", "Managed Switch")],
         desc="Open box: the carton was opened to check the contents, the switch was never installed or powered.\n"
              "All accessories present. Single unit. Our 30 day returns.",
         skus=["EX2300-C-12P"], label_cond="new-other", flagged=False, cats=[],
         note="clean (borderline decided: honest open box, single unit, plausible price)"),
    dict(file="ebay-c08-srx345-intl.html", style="ebay-classic", url=EBAY + "Juniper-SRX345/315550000008",
         title="Juniper SRX345 Services Gateway NEW - International Version",
         cond="New", price="US $2,150.00", amount="2150.00", qty="2 available", seller="globaltech-parallel", feedback=96,
         location="Laredo, Texas, United States",
         specs=[("Brand", "Juniper Networks"), ("MPN", "SRX345"), ("Model", "SRX345"), ("Type", "Firewall")],
         desc="Brand new SRX345, international version imported from the Middle East.\nNot for use in USA; no returns.",
         skus=["SRX345"], label_cond="new", flagged=True, cats=["stolen-or-diverted"],
         note='rule 8: "international version", "not for use in USA"'),
    dict(file="ebay-c09-ex4300-24p-refurb.html", style="ebay-classic", url=EBAY + "Juniper-EX4300-24P/315550000009",
         title="Juniper EX4300-24P 24-Port PoE+ Switch - Seller Refurbished",
         cond="Seller refurbished", price="US $735.00", amount="735.00", qty="Last one", seller="bluewire-refurb", feedback=4102,
         location="Raleigh, North Carolina, United States",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX4300-24P"), ("Model", "EX4300-24P"), ("Number of Ports", "24")],
         desc="Refurbished by our own technicians: cleaned, new fans, factory default config, Junos 21.4R3.\n"
              "No Juniper warranty or JTAC support comes with it. Our own 90-day warranty.",
         skus=["EX4300-24P"], label_cond="seller-refurbished", flagged=False, cats=[],
         note="clean (borderline decided: seller-refurbished, honestly described; Juniper warranty/JTAC mentioned only to deny it)"),

    dict(file="ebay-m10-ex-sfp-lr-used-genuine.html", style="ebay-modern", url=EBAY + "Juniper-EX-SFP-10GE-LR/315550000010",
         title="Genuine Juniper EX-SFP-10GE-LR 10GBASE-LR SFP+ 1310nm 10km Optic 740-021309 - Used",
         cond="Used", price="US $38.00", qty="Last one", seller="optic-recyclers-us", feedback=6021,
         location="Portland, Oregon, United States",
         specs=[("Brand", "Juniper Networks"), ("MPN", "EX-SFP-10GE-LR"), ("Form Factor", "SFP+"),
                ("Compatible Brand", "Juniper"), ("Wavelength", "1310 nm")],
         desc="Used genuine Juniper optic removed from an EX4300 during a refresh. Tested: lights up, DOM readings normal.\n"
              "Single unit, seller's 30 day returns, no warranty otherwise.",
         skus=["EX-SFP-10GE-LR"], label_cond="used", flagged=False, cats=[],
         note='clean (do-not-flag: honest single used unit); eBay\'s "Compatible Brand: Juniper" item specific is not imitation wording'),

    # --------------------------------------------------------------------------------------------- Amazon (10)
    dict(file="amz-01-ex2300-24p-new.html", style="amazon", url=AMZ + "B0JNPR0001",
         title="Juniper Networks EX2300-24P 24-Port Gigabit PoE+ Switch with 4 x 10GbE SFP+ Uplinks",
         byline="Visit the Juniper Networks Store", price="$1,189.00", amount="1189.00", avail="Only 2 left in stock - order soon.",
         seller="Keystone Network Supply",
         specs=[("Brand", "Juniper Networks"), ("Item model number", "EX2300-24P"), ("Number of Ports", "28")],
         bullets=["24 x 10/100/1000BASE-T PoE+ ports, 370 W PoE budget", "4 x 1/10GbE SFP/SFP+ uplink ports",
                  "Virtual Chassis support for up to four switches"],
         desc="Entry-level access switch for branch offices. Ships in the original carton.",
         skus=["EX2300-24P"], label_cond="new", flagged=False, cats=[],
         note="clean: single new unit at a plausible price, no warranty/license/authorization claims"),
    dict(file="amz-02-srx300-lifetime-license.html", style="amazon", url=AMZ + "B0JNPR0002",
         title="Juniper SRX300 Services Gateway Firewall - New, Lifetime License Included",
         byline="Brand: Juniper", price="$749.00", amount="749.00", seller="SecureEdge Direct",
         specs=[("Brand", "Juniper"), ("Item model number", "SRX300"), ("Hardware Interface", "Ethernet")],
         bullets=["8 GE ports (6 copper, 2 SFP)", "Lifetime license included: IDP, AppSecure and content security",
                  "Perpetual license transfers to you at purchase"],
         desc="New SRX300 with all feature licenses preloaded.",
         skus=["SRX300"], label_cond="new", flagged=True, cats=["warranty-or-license"],
         note="rule 3: promises a lifetime / perpetual, transferable license"),
    dict(file="amz-03-ex2300-c-12t-denies.html", style="amazon", url=AMZ + "B0JNPR0003",
         title="Juniper Networks EX2300-C-12T Compact Fanless 12-Port Switch",
         byline="Visit the Juniper Networks Store", price="$579.00", amount="579.00", avail="In Stock",
         seller="Harbor City Electronics",
         specs=[("Brand", "Juniper Networks"), ("Item model number", "EX2300-C-12T"), ("Number of Ports", "14")],
         bullets=["12 x 10/100/1000BASE-T ports, 2 x 1/10GbE SFP+ uplinks", "Fanless, desktop or wall mount"],
         desc="New, single unit. Please note: we are not an authorized Juniper reseller, so there is no manufacturer "
              "warranty; our own 30-day return policy applies.",
         skus=["EX2300-C-12T"], label_cond="new", flagged=False, cats=[],
         note="clean: single new unit at a plausible price; authorization and warranty mentioned only to deny them"),
    dict(file="amz-04-opticore-ex-sr.html", style="amazon", url=AMZ + "B0JNPR0004",
         title="OptiCore 10G SFP+ SR Transceiver, 850nm MMF 300m, Compatible with Juniper EX-SFP-10GE-SR",
         byline="Visit the OptiCore Store", price="$16.99", amount="16.99", avail="In Stock", seller="OptiCore Official",
         specs=[("Brand", "OptiCore"), ("Item model number", "OC-SFP10G-SR-J"), ("Connector Type", "LC duplex")],
         bullets=["OptiCore-made module coded for Juniper EX switches", "Each unit tested in a Juniper EX4300 host",
                  "3-year OptiCore warranty"],
         desc="Third-party transceiver by OptiCore. Not a Juniper product.",
         skus=["EX-SFP-10GE-SR"], label_cond="new", flagged=False, cats=[],
         note="clean (do-not-flag: another maker's product): OptiCore optic that only says it is compatible with Juniper"),
    dict(file="amz-05-qfx-lr-1to1.html", style="amazon", url=AMZ + "B0JNPR0005",
         title="QFX-SFP-10GE-LR 10GBASE-LR SFP+ 1310nm 10km Module for Juniper, OEM Compatible 1:1",
         byline="Brand: Generic", price="$22.80", amount="22.80", avail="In Stock", seller="ShenTai Optics",
         specs=[("Brand", "Generic"), ("Item model number", "QFX-SFP-10GE-LR"), ("Wavelength", "1310 nm")],
         bullets=["QFX-SFP-10GE-LR, original compatible, 1:1 same as the original", "Label and EEPROM identical to the original part"],
         desc="Replacement module sold under the Juniper part number.",
         skus=["QFX-SFP-10GE-LR"], label_cond="new", flagged=True, cats=["counterfeit"],
         note='rule 7: Juniper part number used as the item\'s own identity with "OEM compatible 1:1", "original compatible"'),
    dict(file="amz-06-ex4300-48p-used.html", style="amazon", url=AMZ + "B0JNPR0006",
         title="Juniper Networks EX4300-48P 48-Port PoE+ Switch - Used",
         byline="Visit the Juniper Networks Store", price="$1,095.00", amount="1095.00", used="Used: Good",
         avail="Usually ships within 2 to 3 days.", seller="Lakeside Surplus",
         specs=[("Brand", "Juniper Networks"), ("Item model number", "EX4300-48P"), ("Number of Ports", "52")],
         bullets=["48 x PoE+ ports, 4 x 40G QSFP+", "Used: powers on, passes POST, rack ears show wear"],
         desc="Used switch from an office move. Two power supplies. No support contract; 30-day return window.",
         skus=["EX4300-48P"], label_cond="used", flagged=False, cats=[],
         note="clean (do-not-flag: honest single used unit at a plausible used price)"),
    dict(file="amz-07-vantix-lookalike.html", style="amazon", url=AMZ + "B0JNPR0007",
         title="Vantix EX-2300G 24-Port Gigabit Smart Managed Switch, Fanless, Rackmount",
         byline="Visit the Vantix Store", price="$129.99", amount="129.99", avail="In Stock", seller="Vantix Networks",
         specs=[("Brand", "Vantix"), ("Item model number", "EX-2300G"), ("Number of Ports", "24")],
         bullets=["24 x 10/100/1000 ports, 2 x SFP", "Web-managed VLAN, QoS, IGMP snooping"],
         desc="The Vantix EX series of smart switches for small businesses.",
         skus=[], label_cond="new", flagged=False, cats=[],
         note="clean (do-not-flag: not Juniper): Vantix switch whose model name looks like a Juniper EX part"),
    dict(file="amz-08-ex2300-48t-used-brand-new.html", style="amazon", url=AMZ + "B0JNPR0008",
         title="Juniper EX2300-48T 48-Port Switch - Brand New Factory Sealed",
         byline="Visit the Juniper Networks Store", price="$1,120.00", amount="1120.00", used="Used: Like New",
         avail="In Stock", seller="Tri-State Tech Resale",
         specs=[("Brand", "Juniper Networks"), ("Item model number", "EX2300-48T"), ("Number of Ports", "52")],
         bullets=["Factory sealed in the original box", "48 x GE ports, 4 x 10G SFP+"],
         desc="Brand new, never opened.",
         skus=["EX2300-48T"], label_cond="used", flagged=True, cats=["used-as-new"],
         note='rule 5: condition field "Used: Like New" contradicts "brand new factory sealed" in the title'),
    dict(file="amz-09-srx-book.html", style="amazon", url=AMZ + "B0JNPR0009",
         title="Juniper SRX Series Field Guide: Branch Firewalls from SRX300 to SRX380 (2nd Edition)",
         byline="Dana Whitcombe (Author)", price="$44.95", amount="44.95", avail="In Stock", seller="Northbay Press Books",
         specs=[("Publisher", "Northbay Press"), ("Paperback", "612 pages"), ("Language", "English")],
         bullets=["Hands-on configuration of the SRX300 family", "Chapters on Junos licensing and opening JTAC support cases"],
         desc="A practical book for network engineers who deploy Juniper branch firewalls.",
         skus=["SRX300", "SRX380"], label_cond="new", flagged=False, cats=[],
         note="clean (do-not-flag: a book, not Juniper equipment); mentions of JTAC and licensing are chapter topics"),

    dict(file="amz-10-ap45-10-pack.html", style="amazon", url=AMZ + "B0JNPR0010",
         title="Juniper Mist AP45 Wi-Fi 6E Access Point, New (10-Pack)",
         byline="Visit the Juniper Networks Store", price="$11,900.00", amount="11900.00", avail="In Stock",
         seller="Coastal Wireless Depot",
         specs=[("Brand", "Juniper Networks"), ("Item model number", "AP45"), ("Unit Count", "10 Count")],
         bullets=["Ten new AP45 access points, each in its own sealed carton", "Tri-band Wi-Fi 6E, 4x4:4 on 6 GHz"],
         desc="Pack of 10 new units for campus rollouts.",
         skus=["AP45"], label_cond="new", flagged=True, cats=["stolen-or-diverted"],
         note='rule 2: new units in bulk (a "10-pack", 10 new units in one offer)'),

    # --------------------------------------------------------------------------------------------- Alibaba (10)
    dict(file="ali-01-topnet-srx300-lookalike.html", style="alibaba", url=ALI + "TopNet-SRX-300-4G-LTE-Router_1600000000001.html",
         title="TopNet SRX-300 4G LTE Industrial Router with 4 LAN Ports and Dual SIM",
         range=("38.00", "45.00"), moq="10 Pieces", seller="Shenzhen TopNet Communication Co., Ltd.", country="CN",
         specs=[("Brand Name", "TopNet"), ("Model Number", "SRX-300"), ("Place of Origin", "Guangdong, China"),
                ("Condition", "New"), ("Type", "Wireless Router")],
         supply=[("Supply Ability", "20000 Piece/Pieces per Month")],
         desc="TopNet industrial LTE router, our own design and brand. OEM/ODM and wholesale orders welcome.",
         skus=["SRX300"], label_cond="new", flagged=False, cats=[],
         note='clean (do-not-flag: not Juniper): TopNet router whose model "SRX-300" looks like a Juniper part number'),
    dict(file="ali-02-qfx-sr-replica.html", style="alibaba", url=ALI + "Juniper-QFX-SFP-10GE-SR-Compatible_1600000000002.html",
         title="Juniper QFX-SFP-10GE-SR 10G SFP+ 850nm Original Compatible 1:1 Replica Module",
         range=("6.50", "9.80"), moq="2 Pieces", seller="Wuhan Brightlane Photonics Co., Ltd.", country="CN", ready=True,
         specs=[("Brand Name", "Juniper"), ("Model Number", "QFX-SFP-10GE-SR"), ("Place of Origin", "Hubei, China"),
                ("Condition", "New"), ("Type", "SFP+ Transceiver")],
         desc="Same label and EEPROM as the original Juniper module. 1:1 copy, works in all QFX switches.",
         skus=["QFX-SFP-10GE-SR"], label_cond="new", flagged=True, cats=["counterfeit"],
         note='rule 7: Juniper brand with imitation words "original compatible", "1:1", "replica", "copy"'),
    dict(file="ali-03-srx300-us-stock-cn.html", style="alibaba", url=ALI + "Juniper-SRX300-US-Stock_1600000000003.html",
         title="Juniper SRX300 Firewall Brand New - US Stock, Fast Delivery",
         range=("399.00", ""), moq="1 Piece", seller="Guangzhou Jiexun Network Equipment Co., Ltd.", country="CN",
         specs=[("Brand Name", "Juniper Networks"), ("Model Number", "SRX300"), ("Place of Origin", "United States"),
                ("Condition", "New"), ("Type", "Firewall")],
         desc="US stock, original USA version. Ships from our Guangzhou, China warehouse by DHL.",
         skus=["SRX300"], label_cond="new", flagged=True, cats=["stolen-or-diverted"],
         note='rule 8: new units claimed "US stock" / USA origin but shipped from Guangzhou, China'),
    dict(file="ali-04-mx204-jcpo.html", style="alibaba", url=ALI + "Juniper-MX204-Certified-Refurbished_1600000000004.html",
         title="Juniper MX204 Router Certified Refurbished (JCPO) with Juniper Warranty",
         range=("8900.00", "9500.00"), moq="1 Set", unit="Set", seller="Hong Kong Apex Telecom Trading Limited", country="HK",
         specs=[("Brand Name", "Juniper Networks"), ("Model Number", "MX204"), ("Place of Origin", "Hong Kong"),
                ("Condition", "Refurbished"), ("Warranty", "1 year Juniper warranty")],
         desc="Juniper Certified Pre-Owned unit, certified refurbished and shipped with a 1 year Juniper warranty.",
         skus=["MX204"], label_cond="seller-refurbished", flagged=True, cats=["unauthorized-channel", "warranty-or-license"],
         note='rule 4: marketplace seller claims JCPO / "certified refurbished"; rule 3: promises a Juniper warranty'),
    dict(file="ali-05-ex4300-48t-used.html", style="alibaba", url=ALI + "Used-Juniper-EX4300-48T_1600000000005.html",
         title="Used Juniper EX4300-48T 48 Port Gigabit Switch Tested",
         range=("520.00", ""), moq="1 Piece", seller="Kowloon Second Life IT Limited", country="HK",
         specs=[("Brand Name", "Juniper Networks"), ("Model Number", "EX4300-48T"), ("Place of Origin", "Hong Kong"),
                ("Condition", "Used"), ("Type", "Managed Switch"), ("Warranty", "30 days (seller)")],
         desc="Used switch from a data center decommission, tested: all ports link, both PSUs OK.\n"
              "Cosmetic scratches. One unit. Our own 30 day warranty, no license or support included.",
         skus=["EX4300-48T"], label_cond="used", flagged=False, cats=[],
         note="clean (do-not-flag: honest single used unit, tested, seller's own warranty only)"),
    dict(file="ali-06-gigaoptic-ex-lx.html", style="alibaba", url=ALI + "GigaOptic-1G-SFP-LX_1600000000006.html",
         title="GigaOptic 1.25G SFP LX 1310nm 10km Module Compatible with Juniper EX-SFP-1GE-LX, Wholesale",
         range=("3.20", "4.10"), moq="50 Pieces", seller="Dongguan GigaOptic Technology Co., Ltd.", country="CN", ready=True,
         specs=[("Brand Name", "GigaOptic"), ("Model Number", "GO-SFP-LX10-JN"), ("Place of Origin", "Guangdong, China"),
                ("Condition", "New"), ("Type", "SFP Transceiver")],
         supply=[("Supply Ability", "100000 Piece/Pieces per Month")],
         desc="GigaOptic branded transceiver, coded for Juniper EX switches. Bulk and wholesale prices available.",
         skus=["EX-SFP-1GE-LX"], label_cond="new", flagged=False, cats=[],
         note="clean (do-not-flag: another maker's product): GigaOptic optic that only says it is compatible; bulk is its own brand"),
    dict(file="ali-07-rackpro-kit.html", style="alibaba", url=ALI + "RackPro-4-Post-Rail-Kit_1600000000007.html",
         title="RackPro 4-Post Rack Mount Rail Kit for Juniper EX4300-48T and EX3400-48T",
         range=("18.00", "24.00"), moq="20 Sets", unit="Set", seller="Ningbo RackPro Metal Products Co., Ltd.", country="CN",
         specs=[("Brand Name", "RackPro"), ("Model Number", "RP-4PR-1U-J"), ("Place of Origin", "Zhejiang, China"),
                ("Condition", "New"), ("Material", "Cold rolled steel")],
         desc="RackPro steel rail kit that fits the 1U Juniper EX4300 and EX3400 switches. Our own product.",
         skus=["EX4300-48T", "EX3400-48T"], label_cond="new", flagged=False, cats=[],
         note="clean (do-not-flag: another maker's product): RackPro rail kit that only says it fits Juniper switches"),
    dict(file="ali-08-ex4400-48p-warranty-license.html", style="alibaba", url=ALI + "Juniper-EX4400-48P_1600000000008.html",
         title="Juniper EX4400-48P 48 Port PoE Switch New Original with Juniper Warranty",
         range=("4650.00", "4980.00"), moq="1 Piece", seller="Beijing Huaxin Zhiyuan Technology Co., Ltd.", country="CN",
         specs=[("Brand Name", "Juniper Networks"), ("Model Number", "EX4400-48P"), ("Place of Origin", "Beijing, China"),
                ("Condition", "New"), ("Warranty", "3 years manufacturer warranty")],
         desc="New EX4400-48P. Full Juniper warranty and JTAC support, Junos license included.",
         skus=["EX4400-48P"], label_cond="new", flagged=True, cats=["warranty-or-license"],
         note="rule 3: promises the Juniper/manufacturer warranty, JTAC support and an included license"),
    dict(file="ali-09-srx340-refurb.html", style="alibaba", url=ALI + "Refurbished-Juniper-SRX340_1600000000009.html",
         title="Refurbished Juniper SRX340 Services Gateway, Tested, Seller Warranty",
         range=("560.00", ""), moq="1 Piece", seller="Taipei Greenloop Refurbishing Co., Ltd.", country="TW",
         specs=[("Brand Name", "Juniper Networks"), ("Model Number", "SRX340"), ("Place of Origin", "Taiwan"),
                ("Condition", "Refurbished"), ("Warranty", "90 days (seller)")],
         desc="Refurbished in our own workshop: cleaned, tested, reset to factory defaults.\n"
              "Seller's 90 day warranty. No license transfer and no vendor support are included.",
         skus=["SRX340"], label_cond="seller-refurbished", flagged=False, cats=[],
         note="clean (borderline decided: seller-refurbished, honestly described; license mentioned only to deny it)"),

    dict(file="ali-10-ex2300-48p-moq.html", style="alibaba", url=ALI + "Juniper-EX2300-48P-Switch_1600000000010.html",
         title="Juniper EX2300-48P 48 Port PoE+ Gigabit Switch New Original in Box",
         range=("1280.00", "1420.00"), moq="5 Pieces", seller="Shanghai Lianrui Network Technology Co., Ltd.", country="CN",
         ladder=[("5 - 19 Pieces", "1,420.00"), ("20 - 99 Pieces", "1,350.00"), (">= 100 Pieces", "1,280.00")],
         specs=[("Brand Name", "Juniper Networks"), ("Model Number", "EX2300-48P"), ("Place of Origin", "Shanghai, China"),
                ("Condition", "New"), ("Type", "Managed Switch")],
         supply=[("Supply Ability", "500 Piece/Pieces per Month"), ("Packaging Details", "Original carton, 5 units per pallet layer")],
         desc="New EX2300-48P in original box. Minimum order 5 units; price breaks at 20 and 100 units.",
         skus=["EX2300-48P"], label_cond="new", flagged=True, cats=["stolen-or-diverted"],
         note="rule 2: new units only in quantity (minimum order 5, tiers up to 100+, 500 per month)"),

    # --------------------------------------------------------------------------------------- generic shops (10)
    dict(file="gen-01-zentrix-mx204-lookalike.html", style="jsonld", url="https://shop.netgear-parts.example/products/zentrix-mx204",
         title="Zentrix MX204 HDMI Matrix Extender over Cat6, 4K", brand="Zentrix", shop_sku="NGP-ZX-MX204", mpn="ZX-MX204",
         schema_cond="NewCondition", price="$214.00", amount="214.00", seller="NetGear Parts Outlet", crumb="AV Extenders",
         specs=[("Brand", "Zentrix"), ("Model", "MX204"), ("Inputs", "2 x HDMI 2.0")],
         desc="Zentrix MX204 matrix extender for meeting rooms. Not network equipment.",
         skus=["MX204"], label_cond="new", flagged=False, cats=[],
         note='clean (do-not-flag: not Juniper): Zentrix AV extender whose model name "MX204" equals a Juniper router part'),
    dict(file="gen-02-qfx5100-48s-decom.html", style="jsonld", url="https://shop.rackwise-networks.example/products/qfx5100-48s-6q",
         title="Juniper QFX5100-48S-6Q 48x10G SFP+ 6x40G Switch - New", brand="Juniper Networks", shop_sku="RW-QFX5100-48S",
         mpn="QFX5100-48S-6Q", schema_cond="NewCondition", price="$2,950.00", amount="2950.00", seller="Rackwise Networks",
         specs=[("Brand", "Juniper Networks"), ("Part number", "QFX5100-48S-6Q"), ("Ports", "48 x SFP+, 6 x QSFP+")],
         desc="Removed from a decommissioned lab rack after two years in service. Tested and wiped, sold as new.",
         skus=["QFX5100-48S-6Q"], label_cond="new", flagged=True, cats=["used-as-new"],
         note="rule 5: offered as new (NewCondition) while the text says removed from a decommissioned lab rack, in service"),
    dict(file="gen-03-ex3400-24t-used.html", style="microdata", url="https://www.secondwave-networks.example/item/ex3400-24t-used",
         title="Juniper EX3400-24T 24-Port Switch (used)", brand="Juniper Networks", shop_sku="SW-40211", mpn="EX3400-24T",
         schema_cond="UsedCondition", price="$640.00", amount="640.00", seller="Secondwave Networks Ltd",
         specs=[("Condition", "Used, grade B"), ("Firmware", "Junos 22.2"), ("Included", "1 x PSU, rack ears")],
         desc="Used, from a campus refresh. Tested, fully working, light scratches on the lid. Seller 60-day warranty; no vendor support.",
         skus=["EX3400-24T"], label_cond="used", flagged=False, cats=[],
         note="clean (do-not-flag: honest single used unit, tested, seller's own warranty only)"),
    dict(file="gen-04-srx1500-authorized.html", style="jsonld", url="https://store.pinnacle-netsolutions.example/p/srx1500",
         title="Juniper SRX1500 Services Gateway - New | Authorized Juniper Partner", brand="Juniper Networks",
         shop_sku="PNS-SRX1500", mpn="SRX1500", schema_cond="NewCondition", price="$11,400.00", amount="11400.00",
         seller="Pinnacle NetSolutions",
         specs=[("Brand", "Juniper Networks"), ("Part number", "SRX1500"), ("Throughput", "9 Gbps firewall")],
         desc="We are an authorized Juniper partner. Every unit ships with our letter of authenticity.",
         skus=["SRX1500"], label_cond="new", flagged=True, cats=["unauthorized-channel"],
         note='rule 4: claims "authorized Juniper partner" status and offers its own letter of authenticity'),
    dict(file="gen-05-ex4100-48p-dead-ports.html", style="microdata", url="https://www.bytebarn-surplus.example/item/ex4100-48p",
         title="Juniper EX4100-48P PoE Switch - fully functional (used)", brand="Juniper Networks", shop_sku="BB-88120",
         mpn="EX4100-48P", schema_cond="UsedCondition", price="$2,300.00", amount="2300.00", seller="ByteBarn Surplus",
         specs=[("Condition", "Used"), ("Ports", "48 x PoE+"), ("Returns", "None")],
         desc="Fully functional switch for your closet. Note: ports 13-20 are dead and PoE does not power on. Sold as-is.",
         skus=["EX4100-48P"], label_cond="used", flagged=True, cats=["damaged"],
         note='rule 6: sold as "fully functional" while the text says ports are dead and PoE does not power on (as-is)'),
    dict(file="gen-06-jncia-course.html", style="jsonld", url="https://learn.netskills-academy.example/courses/jncia-junos",
         title="JNCIA-Junos Exam Prep Course (Juniper Networks Certification) - 12 Week Online", brand="NetSkills Academy",
         shop_sku="NSA-JNCIA-12W", schema_cond="NewCondition", price="$349.00", amount="349.00", seller="NetSkills Academy",
         crumb="Courses",
         specs=[("Provider", "NetSkills Academy"), ("Format", "Online, instructor-led"), ("Lab access", "Virtual vSRX and vQFX labs")],
         desc="Prepare to become Juniper certified at the associate level. Includes practice exams and virtual lab time.",
         skus=[], label_cond="new", flagged=False, cats=[],
         note="clean (do-not-flag: a training course, not Juniper equipment); \"Juniper certified\" refers to the exam"),
    dict(file="gen-07-qfx5100-48t-refurb.html", style="jsonld", url="https://shop.reboot-hardware.example/products/qfx5100-48t-6q-refurb",
         title="Juniper QFX5100-48T-6Q 10GBASE-T Switch - Refurbished by Reboot Hardware", brand="Juniper Networks",
         shop_sku="RBH-QFX48T", mpn="QFX5100-48T-6Q", schema_cond="RefurbishedCondition", price="$2,180.00", amount="2180.00",
         seller="Reboot Hardware Co.",
         specs=[("Brand", "Juniper Networks"), ("Part number", "QFX5100-48T-6Q"), ("Warranty", "1 year Reboot Hardware warranty")],
         desc="Refurbished in-house: new fans, cleaned, burn-in tested for 48 hours. Covered by our own one-year warranty. "
              "No Juniper support contract.",
         skus=["QFX5100-48T-6Q"], label_cond="seller-refurbished", flagged=False, cats=[],
         note="clean (borderline decided: seller-refurbished, honestly described, only the seller's own warranty)"),
    dict(file="gen-08-cablecraft-power-cord.html", style="microdata", url="https://www.cablecraft-supply.example/item/c13-c14-jpsu",
         title="CableCraft C13 to C14 Power Cord 2m for Juniper JPSU-350-AC-AFO Power Supplies", brand="CableCraft",
         shop_sku="CC-C13C14-2M", mpn="CC-C13C14-2M", schema_cond="NewCondition", price="$7.45", amount="7.45",
         seller="CableCraft Supply",
         specs=[("Brand", "CableCraft"), ("Length", "2 m"), ("Rating", "10 A / 250 V")],
         desc="CableCraft power cord that fits the JPSU-350-AC-AFO supply of Juniper EX switches. Sold in packs of 10 or in bulk.",
         skus=["JPSU-350-AC-AFO"], label_cond="new", flagged=False, cats=[],
         note="clean (do-not-flag: another maker's product): CableCraft power cord that only says it fits a Juniper PSU"),
    dict(file="gen-09-ap43-wholesale.html", style="jsonld", url="https://www.wifi-wholesale-hub.example/products/juniper-mist-ap43",
         title="Juniper Mist AP43 Wi-Fi 6 Access Point - New, Wholesale Pricing", brand="Juniper Networks",
         shop_sku="WWH-AP43", mpn="AP43", schema_cond="NewCondition", price="$910.00", amount="910.00",
         seller="WiFi Wholesale Hub",
         specs=[("Brand", "Juniper Networks"), ("Part number", "AP43"), ("Stock", "In stock 50+")],
         desc="New AP43 access points in sealed cartons. Wholesale and bulk orders, in stock 50+.",
         skus=["AP43"], label_cond="new", flagged=True, cats=["stolen-or-diverted"],
         note='rule 2: new units in bulk ("wholesale", "bulk", "in stock 50+")'),
    dict(file="gen-10-ex2300-24t-honest-refurb.html", style="microdata", url="https://www.reclaimed-routing.example/item/ex2300-24t",
         title="Juniper EX2300-24T 24-Port Gigabit Switch - Refurbished by Reclaimed Routing", brand="Juniper Networks",
         shop_sku="RR-2300-24T", mpn="EX2300-24T", schema_cond="RefurbishedCondition", price="$415.00", amount="415.00",
         seller="Reclaimed Routing",
         specs=[("Condition", "Refurbished (by us)"), ("Warranty", "6 months, Reclaimed Routing"), ("Support", "None from the vendor")],
         desc="Refurbished by our team: cleaned, tested, Junos reinstalled. This is not a JCPO unit and we are not "
              "an authorized reseller. Our own 6-month warranty only.",
         skus=["EX2300-24T"], label_cond="seller-refurbished", flagged=False, cats=[],
         note="clean (borderline decided: seller-refurbished, honestly described; JCPO and authorization mentioned only to deny them)"),
]


def main():
    names = [L["file"] for L in LISTINGS]
    assert len(names) == len(set(names)), "duplicate file names"
    for old in os.listdir(HERE):
        if old.endswith(".html"):
            os.remove(os.path.join(HERE, old))
    rows = []
    for L in LISTINGS:
        page = RENDER[L["style"]](L)
        with open(os.path.join(HERE, L["file"]), "w", encoding="utf-8", newline="\n") as f:
            f.write(page)
        rows.append([L["file"], L["url"], ";".join(L["skus"]), L["label_cond"], "yes" if L["flagged"] else "no",
                     ";".join(L["cats"]), L["note"]])
    with open(os.path.join(HERE, "labels.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "url", "skus", "condition", "flagged", "categories", "note"])
        w.writerows(rows)
    print(f"wrote {len(rows)} pages and labels.csv to {HERE}")


if __name__ == "__main__":
    main()
