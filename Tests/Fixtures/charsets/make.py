#!/usr/bin/env python3
"""Generates the charset fixture item pages and manifest.csv (stdlib only).

Each page is a small item page in the sample marketplace's markup whose title holds non-ASCII text,
encoded in one charset. Pages in META_ONLY name their charset only in <meta charset> (serve them as
plain "text/html"); the others carry no <meta> charset and must be served with the Content-Type in
manifest.csv. UTF-16 pages start with a byte-order mark. Run: python3 make.py (writes next to itself).
"""
import csv
import html
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# name, Python codec, listing id, title, charset named in the page (<meta>) or None, Content-Type served
PAGES = [
    ("iso-8859-1", "latin-1", "320000000001", "Juniper EX4300-48T Café Zürich", "iso-8859-1", "text/html"),
    ("windows-1252", "cp1252", "320000000002", "Juniper EX4300-48T — Café Zürich £ €", None,
     "text/html; charset=windows-1252"),
    ("shift_jis", "shift_jis", "320000000003", "Juniper EX4300-48T スイッチ 新品", "shift_jis", "text/html"),
    ("gb18030", "gb18030", "320000000004", "Juniper EX4300-48T 交换机 全新", "gb18030", "text/html"),
    ("gbk", "gbk", "320000000005", "Juniper EX4300-48T 交换机 全新", None, "text/html; charset=GBK"),
    ("utf-16le", "utf-16-le", "320000000006", "Juniper EX4300-48T 交换机 — スイッチ Café €", None,
     "text/html; charset=utf-16le"),
    ("utf-16be", "utf-16-be", "320000000007", "Juniper EX4300-48T 交换机 — スイッチ Café €", None, "text/html"),
]

TEMPLATE = """<!DOCTYPE html><html lang="en"><head>{meta}<title>{title} | Tradewell</title><link rel="canonical" href="/itm/{id}">
<meta name="viewport" content="width=device-width, initial-scale=1">
</head><body class="vi-body">
<div id="mainContent" itemscope itemtype="https://schema.org/Product">
<div id="LeftSummaryPanel" class="lsp-c">
<h1 class="it-ttl" itemprop="name" id="itemTitle"><span class="g-hdn">Details about </span>{title}</h1>
<div class="nonActPanel">
 <div class="u-cb"><div class="u-flL lable">Condition:</div><div class="u-flL condText" id="vi-itm-cond" itemprop="itemCondition">New</div></div>
 <div class="u-cb vi-price-wrp"><div id="prcIsum-lbl">Price:</div><span class="notranslate" id="prcIsum" itemprop="price" content="3650.00">US $3,650.00</span>
 <span itemprop="priceCurrency" content="USD"></span><span itemprop="availability" content="https://schema.org/InStock"></span></div>
</div>
</div>
<div id="vi-desc-maincntr">
 <div class="iti-eu-txt"><div class="itm-num-txt">Tradewell item number:</div><div id="descItemNumber">{id}</div></div>
<div class="itemAttr" id="viTabs_0_is"><div class="section"><h2 class="secHd">Item specifics</h2><table width="100%" cellspacing="0" cellpadding="0" role="presentation"><tbody>
  <tr><td class="attrLabels">Condition:</td><td width="50.0%"><div aria-live="polite">New</div></td><td class="attrLabels">Brand:</td><td width="50.0%"><span itemprop="brand">Juniper Networks</span></td></tr>
  <tr><td class="attrLabels">MPN:</td><td width="50.0%"><span itemprop="mpn">EX4300-48T</span></td><td class="attrLabels">Model:</td><td width="50.0%"><span>EX4300</span></td></tr>
</tbody></table></div></div>
<div id="desc_wrapper_ctr"><h2>Item description from the seller</h2><div id="ds_div">
  <p>{title}. New in the original box, encoded as {name}.</p>
</div></div>
</div>
</div>
</body></html>
"""


def main():
    rows = []
    for name, codec, listing, title, meta, content_type in PAGES:
        head = f'<meta charset="{meta}">' if meta else ""
        page = TEMPLATE.format(meta=head, title=html.escape(title, quote=False), id=listing, name=name)
        data = page.encode(codec)  # strict: every character must exist in the charset
        if codec.startswith("utf-16"):
            data = "\ufeff".encode(codec) + data
        else:
            assert all(b < 0x80 for b in page.replace(title, "").encode(codec)), name
        with open(os.path.join(HERE, f"{name}.html"), "wb") as out:
            out.write(data)
        rows.append((f"{name}.html", content_type, title))
    with open(os.path.join(HERE, "manifest.csv"), "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["file", "content_type", "expected_title"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
