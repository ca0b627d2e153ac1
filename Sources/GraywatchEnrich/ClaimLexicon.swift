import GraywatchCore

/// The words listings use for claims, by kind and normalized value, in English, German, French, Spanish and
/// Chinese. Phrase syntax: a space matches any run of white space, "-" a run of white space or dashes, "~" an
/// optional one ("pre~owned" is "pre-owned", "pre owned" and "preowned"). An empty value marks a blocker: a
/// phrase that claims nothing but keeps a shorter phrase inside it from matching ("original box", "can be used").
enum ClaimLexicon {
    typealias Entries = [(phrase: String, value: String)]

    static let condition: Entries = [
        ("new", "new"), ("unused", "new"), ("neu", "new"), ("neuf", "new"), ("neuve", "new"), ("nuevo", "new"),
        ("nueva", "new"), ("全新", "new"), ("未使用", "new"),
        ("brand-new", "brand-new"), ("brandneu", "brand-new"), ("nagelneu", "brand-new"), ("tout neuf", "brand-new"),
        ("100% new", "brand-new"), ("completely new", "brand-new"), ("totalmente nuevo", "brand-new"),
        ("factory sealed", "factory-sealed"), ("sealed", "factory-sealed"), ("still sealed", "factory-sealed"),
        ("unopened", "factory-sealed"), ("versiegelt", "factory-sealed"), ("scellé", "factory-sealed"),
        ("sellado", "factory-sealed"), ("precintado", "factory-sealed"), ("未拆封", "factory-sealed"), ("原封", "factory-sealed"),
        ("nib", "nib"), ("new in box", "nib"), ("new in original box", "nib"), ("brand new in box", "nib"),
        ("new in sealed box", "nib"), ("originalverpackt", "nib"), ("ovp", "nib"),
        ("nob", "nob"), ("new open box", "nob"), ("new opened box", "nob"),
        ("open-box", "open-box"), ("opened box", "open-box"), ("box opened", "open-box"),
        ("new-other", "new-other"), ("new (other)", "new-other"), ("new without box", "new-other"),
        ("refurbished", "refurbished"), ("refurb", "refurbished"), ("reconditioned", "refurbished"),
        ("renewed", "refurbished"), ("remanufactured", "refurbished"), ("generalüberholt", "refurbished"),
        ("reconditionné", "refurbished"), ("remis à neuf", "refurbished"), ("reacondicionado", "refurbished"),
        ("翻新", "refurbished"),
        ("certified refurbished", "certified-refurbished"), ("manufacturer refurbished", "certified-refurbished"),
        ("juniper refurbished", "certified-refurbished"), ("factory refurbished", "certified-refurbished"),
        ("juniper certified refurbished", "certified-refurbished"),
        ("jcpo", "jcpo"), ("juniper certified pre~owned", "jcpo"), ("certified pre~owned", "jcpo"),
        ("used", "used"), ("gebraucht", "used"), ("d'occasion", "used"), ("occasion", "used"), ("usado", "used"),
        ("usada", "used"), ("二手", "used"), ("second~hand", "used"), ("like new", "used"), ("neuwertig", "used"),
        ("comme neuf", "used"), ("como nuevo", "used"),
        ("pre~owned", "pre-owned"),
        ("pulled", "pulled"), ("pulls", "pulled"), ("pulled from working", "pulled"), ("pulled from a working", "pulled"),
        ("removed from working", "pulled"), ("decommissioned", "pulled"), ("ausgebaut", "pulled"), ("拆机", "pulled"),
        ("tested", "tested"), ("fully tested", "tested"), ("100% tested", "tested"), ("tested working", "tested"),
        ("getestet", "tested"), ("geprüft", "tested"), ("testé", "tested"), ("probado", "tested"),
        ("as-is", "as-is"), ("sold as-is", "as-is"), ("tel quel", "as-is"), ("en l'état", "as-is"), ("tal cual", "as-is"),
        ("for parts", "for-parts"), ("for parts or not working", "for-parts"), ("parts only", "for-parts"),
        ("for spares", "for-parts"), ("spares or repair", "for-parts"), ("not working", "for-parts"),
        ("non-working", "for-parts"), ("defective", "for-parts"), ("faulty", "for-parts"), ("no power", "for-parts"),
        ("does not power on", "for-parts"), ("doesn't power on", "for-parts"), ("won't power on", "for-parts"),
        ("does not work", "for-parts"), ("doesn't work", "for-parts"), ("defekt", "for-parts"),
        ("für bastler", "for-parts"), ("pour pièces", "for-parts"), ("hors service", "for-parts"),
        ("para piezas", "for-parts"), ("no funciona", "for-parts"), ("故障", "for-parts"),
        // Blockers: "new"/"used"/"as is"/"occasion"/"no power" in senses that say nothing about the item's state.
        ("new firmware", ""), ("new fan", ""), ("new fans", ""), ("new power supply", ""), ("new psu", ""),
        ("new version", ""), ("new software", ""), ("new features", ""), ("new customers", ""), ("new buyers", ""),
        ("new zealand", ""), ("new york", ""), ("new jersey", ""), ("new delhi", ""), ("new mexico", ""),
        ("can be used", ""), ("be used", ""), ("is used", ""), ("are used", ""), ("used with", ""), ("used for", ""),
        ("as is the", ""), ("as is common", ""), ("as is standard", ""), ("as is usual", ""), ("as is typical", ""),
        ("on occasion", ""), ("any occasion", ""), ("special occasion", ""),
        ("no power cord", ""), ("no power cable", ""), ("no power supply", ""), ("no power supplies", ""),
        ("no power adapter", ""),
    ]

    static let warranty: Entries = [
        ("manufacturer warranty", "manufacturer-warranty"), ("manufacturer's warranty", "manufacturer-warranty"),
        ("manufacturer~s warranty", "manufacturer-warranty"), ("juniper warranty", "manufacturer-warranty"),
        ("factory warranty", "manufacturer-warranty"), ("oem warranty", "manufacturer-warranty"),
        ("jtac", "manufacturer-warranty"), ("jtac support", "manufacturer-warranty"),
        ("juniper support", "manufacturer-warranty"), ("juniper care", "manufacturer-warranty"),
        ("herstellergarantie", "manufacturer-warranty"), ("garantie constructeur", "manufacturer-warranty"),
        ("garantía del fabricante", "manufacturer-warranty"), ("原厂保修", "manufacturer-warranty"),
        ("lifetime warranty", "lifetime"), ("limited lifetime warranty", "lifetime"),
        ("no warranty", "no-warranty"), ("warranty: none", "no-warranty"), ("warranty none", "no-warranty"),
        ("sin garantia", "no-warranty"), ("无保修", "no-warranty"), ("不保修", "no-warranty"),
        ("seller warranty", "seller-warranty"), ("seller's warranty", "seller-warranty"),
        ("our warranty", "seller-warranty"), ("our own warranty", "seller-warranty"),
        ("in-house warranty", "seller-warranty"), ("store warranty", "seller-warranty"),
        ("shop warranty", "seller-warranty"), ("warranty from us", "seller-warranty"),
        // Bare warranty words claim nothing by themselves; negated ("no …", "keine …") they say "no-warranty".
        ("warranty", ""), ("warranties", ""), ("garantie", ""), ("garantía", ""), ("gewährleistung", ""),
    ]

    /// Phrases that, when negated, claim this value instead of nothing.
    static let whenNegated: [String: String] = [
        "warranty": "no-warranty", "warranties": "no-warranty", "garantie": "no-warranty", "garantía": "no-warranty",
        "gewährleistung": "no-warranty",
    ]

    static let license: Entries = [
        ("license included", "included"), ("licence included", "included"), ("license incl", "included"),
        ("includes license", "included"), ("includes the license", "included"), ("including license", "included"),
        ("with license", "included"), ("comes with license", "included"), ("license: included", "included"),
        ("lizenz enthalten", "included"), ("licence incluse", "included"), ("licencia incluida", "included"),
        ("transferable", "transferable"), ("transferrable", "transferable"), ("license transfer", "transferable"),
        ("übertragbar", "transferable"), ("transférable", "transferable"), ("transferible", "transferable"),
        ("perpetual", "perpetual"), ("perpetual license", "perpetual"), ("lifetime license", "perpetual"),
        ("lifetime licence", "perpetual"), ("permanent license", "perpetual"),
        ("license not included", ""), ("licence not included", ""), ("not included", ""),
    ]

    static let authenticity: Entries = [
        ("genuine", "genuine"), ("100% genuine", "genuine"), ("正品", "genuine"),
        ("original", "original"), ("originale", "original"), ("d'origine", "original"), ("原装", "original"),
        ("authentic", "authentic"), ("100% authentic", "authentic"),
        ("oem", "oem"),
        ("compatible", "compatible"), ("kompatibel", "compatible"), ("oem equivalent", "compatible"), ("兼容", "compatible"),
        ("third-party", "third-party"), ("3rd-party", "third-party"),
        ("replica", "replica"), ("1:1", "replica"), ("1:1 copy", "replica"), ("clone", "replica"),
        ("imitation", "replica"), ("fake", "replica"),
        ("original packaging", ""), ("original box", ""), ("original packing", ""), ("original owner", ""),
        ("original price", ""), ("original retail", ""), ("original carton", ""), ("original accessories", ""),
        ("original condition", ""), ("original purchase", ""),
    ]

    static let channel: Entries = [
        ("authorized reseller", "authorized-reseller"), ("authorised reseller", "authorized-reseller"),
        ("authorized juniper reseller", "authorized-reseller"), ("juniper authorized reseller", "authorized-reseller"),
        ("authorized dealer", "authorized-reseller"), ("authorized distributor", "authorized-reseller"),
        ("authorized seller", "authorized-reseller"), ("autorisierter händler", "authorized-reseller"),
        ("revendeur agréé", "authorized-reseller"), ("distribuidor autorizado", "authorized-reseller"),
        ("authorized partner", "authorized-partner"), ("authorised partner", "authorized-partner"),
        ("authorized juniper partner", "authorized-partner"), ("juniper authorized partner", "authorized-partner"),
        ("juniper partner", "authorized-partner"), ("certified partner", "authorized-partner"),
        ("juniper certified partner", "authorized-partner"),
        ("gold partner", "gold-partner"), ("silver partner", "silver-partner"), ("platinum partner", "platinum-partner"),
        ("elite partner", "elite-partner"), ("elite plus partner", "elite-plus-partner"), ("select partner", "select-partner"),
        ("letter of authenticity", "letter-of-authenticity"), ("certificate of authenticity", "letter-of-authenticity"),
    ]

    static let region: Entries = [
        ("export only", "export-only"), ("for export only", "export-only"), ("export version", "export-only"),
        ("export use only", "export-only"), ("nur für export", "export-only"),
        ("international version", "international-version"), ("intl version", "international-version"),
        ("int'l version", "international-version"), ("international edition", "international-version"),
        ("global version", "international-version"),
        ("not for use in", "not-for-use-in"), ("not for sale in", "not-for-use-in"), ("not for resale in", "not-for-use-in"),
        ("ships from", "ships-from"), ("ship from", "ships-from"), ("shipped from", "ships-from"),
        ("shipping from", "ships-from"), ("dispatched from", "ships-from"), ("dispatches from", "ships-from"),
        ("sent from", "ships-from"), ("versand aus", "ships-from"), ("expédié de", "ships-from"),
        ("expédié depuis", "ships-from"), ("envío desde", "ships-from"), ("enviado desde", "ships-from"),
    ]

    /// Values whose claim takes the place named after the phrase ("ships from Hong Kong" → ships-from:Hong Kong).
    static let capturesPlace: Set<String> = ["ships-from", "not-for-use-in"]

    /// Words that end a captured place name.
    static let placeStops: Set<String> = [
        "within", "in", "via", "by", "to", "and", "with", "on", "after", "same", "free", "fast", "usually", "or",
        "only", "for", "from", "at", "next", "mit", "en", "sous", "dans", "y", "et", "und",
    ]

    /// Negation words (English, German, French, Spanish) that cancel a phrase within three words after them.
    static let negations: Set<String> = [
        "no", "not", "without", "never", "non", "none", "nor", "neither", "isn't", "isnt", "aren't", "wasn't",
        "doesn't", "doesnt", "don't", "dont", "cannot", "can't", "cant", "won't", "wont", "lacks", "excluding", "n/a",
        "nicht", "kein", "keine", "keinen", "keiner", "ohne", "nie", "niemals",
        "pas", "sans", "jamais", "aucun", "aucune", "ni", "sin", "nunca", "ningún", "ninguna",
    ]

    /// Chinese negation characters, cancelling a phrase they directly precede.
    static let cjkNegations: Set<Unicode.Scalar> = ["不", "非", "无", "無", "没", "沒"]
}

/// One lexicon phrase compiled for matching: its pattern over lower-cased scalars and what it claims.
struct ClaimPhrase: Sendable {
    enum Element: Sendable, Equatable {
        case scalar(Unicode.Scalar)
        /// One or more white-space scalars.
        case space
        /// One or more white-space or dash scalars.
        case dash
        /// Zero or more white-space or dash scalars.
        case optionalDash
    }

    var elements: [Element]
    var kind: Claim.Kind
    /// Empty for a blocker.
    var value: String
    var whenNegated: String?
    /// False for Chinese phrases, which match inside runs of characters with no word breaks.
    var wordBounded: Bool

    init(_ phrase: String, kind: Claim.Kind, value: String) {
        elements = phrase.unicodeScalars.map { scalar in
            switch scalar {
            case " ": return .space
            case "-": return .dash
            case "~": return .optionalDash
            default: return .scalar(ClaimPhrase.fold(scalar))
            }
        }
        self.kind = kind
        self.value = value
        whenNegated = ClaimLexicon.whenNegated[phrase]
        wordBounded = !phrase.unicodeScalars.contains(where: ClaimPhrase.isCJK)
    }

    /// Lower-cases one scalar without changing the scalar count, and folds typographic apostrophes.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar == "\u{2019}" || scalar == "\u{02BC}" { return "'" }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? (lower.first ?? scalar) : scalar
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// Every lexicon phrase, indexed by its first scalar, longest first.
    static let index: [Unicode.Scalar: [ClaimPhrase]] = {
        let groups: [(Claim.Kind, ClaimLexicon.Entries)] = [
            (.condition, ClaimLexicon.condition), (.warranty, ClaimLexicon.warranty), (.license, ClaimLexicon.license),
            (.authenticity, ClaimLexicon.authenticity), (.channel, ClaimLexicon.channel), (.region, ClaimLexicon.region),
        ]
        var index: [Unicode.Scalar: [ClaimPhrase]] = [:]
        for (kind, entries) in groups {
            for entry in entries {
                let phrase = ClaimPhrase(entry.phrase, kind: kind, value: entry.value)
                guard case .scalar(let first)? = phrase.elements.first else { continue }
                index[first, default: []].append(phrase)
            }
        }
        return index.mapValues { $0.sorted { $0.elements.count > $1.elements.count } }
    }()
}
