import GraywatchCore
import GraywatchEnrich

/// One claim-table row: a text and every claim it must yield, in order, written `kind:value`. An empty list
/// means nothing may be claimed (negated, blocked or unrelated wording).
struct ClaimRow: Sendable {
    let text: String
    let expected: [String]

    init(_ text: String, _ expected: [String] = []) {
        self.text = text
        self.expected = expected
    }
}

/// The claim table: condition, warranty, license, authenticity, channel and region wording in English, German,
/// French, Spanish and Chinese, and negated or look-alike wording that must claim nothing.
enum ClaimTable {
    static let positives: [ClaimRow] = [
        ClaimRow("Brand new in box", ["condition:nib"]), ClaimRow("BRAND NEW", ["condition:brand-new"]),
        ClaimRow("brand-new unit", ["condition:brand-new"]), ClaimRow("Factory sealed", ["condition:factory-sealed"]),
        ClaimRow("NIB", ["condition:nib"]), ClaimRow("NOB, single unit", ["condition:nob"]),
        ClaimRow("New open box", ["condition:nob"]), ClaimRow("Open box", ["condition:open-box"]),
        ClaimRow("New other (see details)", ["condition:new-other"]), ClaimRow("New (other)", ["condition:new-other"]),
        ClaimRow("Seller refurbished", ["condition:refurbished"]),
        ClaimRow("Certified Refurbished by Juniper", ["condition:certified-refurbished"]),
        ClaimRow("Juniper Certified Pre-Owned (JCPO)", ["condition:jcpo", "condition:jcpo"]),
        ClaimRow("used, tested", ["condition:used", "condition:tested"]), ClaimRow("Pre-owned", ["condition:pre-owned"]),
        ClaimRow("preowned", ["condition:pre-owned"]), ClaimRow("Pulled from a working environment", ["condition:pulled"]),
        ClaimRow("Sold as-is", ["condition:as-is"]), ClaimRow("For parts or not working", ["condition:for-parts"]),
        ClaimRow("Not working, no power", ["condition:for-parts", "condition:for-parts"]),
        ClaimRow("Neu und originalverpackt", ["condition:new", "condition:nib"]),
        ClaimRow("Gebraucht, getestet", ["condition:used", "condition:tested"]),
        ClaimRow("Generalüberholt", ["condition:refurbished"]), ClaimRow("Neuwertig", ["condition:used"]),
        ClaimRow("Neuf", ["condition:new"]), ClaimRow("Matériel d'occasion", ["condition:used"]),
        ClaimRow("Matériel d’occasion", ["condition:used"]),
        ClaimRow("Reconditionné", ["condition:refurbished"]), ClaimRow("Remis à neuf", ["condition:refurbished"]),
        ClaimRow("Pièce d'origine", ["authenticity:original"]), ClaimRow("Nuevo", ["condition:new"]),
        ClaimRow("Usado", ["condition:used"]), ClaimRow("Reacondicionado", ["condition:refurbished"]),
        ClaimRow("全新原装", ["condition:new", "authenticity:original"]), ClaimRow("二手交换机", ["condition:used"]),
        ClaimRow("翻新", ["condition:refurbished"]), ClaimRow("正品保证", ["authenticity:genuine"]),
        ClaimRow("new in sealed box", ["condition:nib"]), ClaimRow("still sealed", ["condition:factory-sealed"]),
        ClaimRow("unused spare", ["condition:new"]), ClaimRow("refurb unit", ["condition:refurbished"]),
        ClaimRow("second-hand switch", ["condition:used"]), ClaimRow("fully tested and working", ["condition:tested"]),
        ClaimRow("decommissioned from our lab", ["condition:pulled"]), ClaimRow("defective", ["condition:for-parts"]),
        ClaimRow("Manufacturer warranty", ["warranty:manufacturer-warranty"]),
        ClaimRow("3-year warranty", ["warranty:3-year"]), ClaimRow("Warranty: 1 year", ["warranty:1-year"]),
        ClaimRow("90 day warranty", ["warranty:90-day"]), ClaimRow("1yr warranty", ["warranty:1-year"]),
        ClaimRow("Warranty of 2 years", ["warranty:2-year"]), ClaimRow("Lifetime warranty", ["warranty:lifetime"]),
        ClaimRow("No warranty", ["warranty:no-warranty"]), ClaimRow("Sold without warranty", ["warranty:no-warranty"]),
        ClaimRow("Keine Garantie", ["warranty:no-warranty"]), ClaimRow("Sans garantie", ["warranty:no-warranty"]),
        ClaimRow("90-day seller warranty", ["warranty:90-day", "warranty:seller-warranty"]),
        ClaimRow("Full Juniper warranty and JTAC support", ["warranty:manufacturer-warranty", "warranty:manufacturer-warranty"]),
        ClaimRow("garantie constructeur", ["warranty:manufacturer-warranty"]),
        ClaimRow("License included", ["license:included"]), ClaimRow("Transferable license", ["license:transferable"]),
        ClaimRow("Perpetual license", ["license:perpetual"]), ClaimRow("Lifetime license", ["license:perpetual"]),
        ClaimRow("100% genuine Juniper", ["authenticity:genuine"]), ClaimRow("Original Juniper part", ["authenticity:original"]),
        ClaimRow("Authentic", ["authenticity:authentic"]),
        ClaimRow("OEM compatible", ["authenticity:oem", "authenticity:compatible"]),
        ClaimRow("Original compatible 1:1", ["authenticity:original", "authenticity:compatible", "authenticity:replica"]),
        ClaimRow("Compatible with Juniper EX switches", ["authenticity:compatible"]),
        ClaimRow("Third-party optic", ["authenticity:third-party"]), ClaimRow("replica", ["authenticity:replica"]),
        ClaimRow("Juniper authorized reseller", ["channel:authorized-reseller"]),
        ClaimRow("Authorized Juniper Partner", ["channel:authorized-partner"]),
        ClaimRow("Gold Partner", ["channel:gold-partner"]), ClaimRow("Elite Partner", ["channel:elite-partner"]),
        ClaimRow("Letter of authenticity provided", ["channel:letter-of-authenticity"]),
        ClaimRow("Export only", ["region:export-only"]), ClaimRow("International version", ["region:international-version"]),
        ClaimRow("Not for use in USA.", ["region:not-for-use-in:USA"]),
        ClaimRow("Not for sale in the United States", ["region:not-for-use-in:United States"]),
        ClaimRow("Ships from Hong Kong within 2 days", ["region:ships-from:Hong Kong"]),
        ClaimRow("Ships from New York", ["region:ships-from:New York"]),
        ClaimRow("envío desde España", ["region:ships-from:España"]),
        ClaimRow("Versand aus Deutschland", ["region:ships-from:Deutschland"]),
        ClaimRow("Brand new, factory sealed, 5 year warranty, license included", [
            "condition:brand-new", "condition:factory-sealed", "warranty:5-year", "license:included",
        ]),
    ]

    static let negatives: [ClaimRow] = [
        "Not new", "never used", "not used", "never been used", "not brand new", "non-genuine", "not genuine",
        "not original", "not compatible with Cisco", "without license", "no license", "license not included",
        "We are not an authorized reseller", "not a Juniper partner", "not refurbished", "not tested", "untested",
        "not for parts", "nicht gebraucht", "pas d'origine", "no es original", "非原装", "非正品",
        "can be used with EX switches", "New firmware installed", "Ships to New Zealand",
        "as is the case with all switches", "On occasion we restock", "No power cord", "Warranty information below",
        "Renewal of subscription", "News", "Newest firmware", "knew", "refused", "pulley", "Sealing kit",
        "Genuinely fast", "originally purchased in 2019", "compatibility list", "transfer learning", "exported config",
        "reseller program info", "partnership", "nobody", "nibble", "Returns accepted within 30 days",
        "Juniper EX4300-48T", "The box was damaged in transit", "not sealed", "does not ship from China",
        "not jcpo", "no manufacturer warranty", "not export only",
    ].map { ClaimRow($0) }

    /// Every row whose claims differ from the expectation, with the row text and what was found.
    static func mismatches(_ extractor: ClaimExtractor) -> [String] {
        (positives + negatives).compactMap { row in
            let claims = extractor.claims(in: row.text, field: .description)
            let found = claims.map { "\($0.kind.rawValue):\($0.value)" }
            let scalars = Array(row.text.unicodeScalars)
            let spansOK = claims.allSatisfy { claim in
                guard let span = claim.span, span.field == .description, span.start + span.length <= scalars.count
                else { return false }
                return String(String.UnicodeScalarView(scalars[span.start..<(span.start + span.length)])) == claim.text
            }
            return found == row.expected && spansOK ? nil
                : "\(row.text.debugDescription): expected \(row.expected), found \(found)\(spansOK ? "" : " (bad span)")"
        }
    }
}
