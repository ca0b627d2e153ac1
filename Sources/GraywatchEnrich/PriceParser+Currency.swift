import Foundation

extension PriceParser {
    /// How sure a currency marker is about the currency it names.
    enum Strength: Int, Sendable, Comparable {
        /// Shared by several currencies ("$", "¥", "kr"): a code, hint or default of the same family wins.
        case weak = 1
        /// A symbol or local abbreviation that names one currency ("€", "R$", "zł").
        case symbol = 2
        /// An ISO 4217 code ("EUR") or an alias of one ("RMB").
        case code = 3

        static func < (lhs: Strength, rhs: Strength) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Which side of the number a marker is usually written on, used when it sits between two numbers.
    enum Side: Sendable { case before, after }

    /// A currency marker as written on listing pages ("US $", "€", "kr", "EUR").
    struct Marker: Sendable {
        /// The marker's characters, after `normalized(_:)`.
        let text: [Character]
        /// The ISO 4217 code it names when nothing else decides.
        let code: String
        /// How sure the marker is.
        let strength: Strength
        /// Currencies also written with this marker; only consulted for weak markers.
        let family: Set<String>
        /// The side of the number the marker is habitually written on.
        let side: Side
        /// True for the bare "R" (ZAR), which only counts when a space and a digit follow it.
        let needsSpacedDigit: Bool
    }

    /// Currencies whose prices are displayed without minor units: a lone separator before three digits is grouping.
    static let zeroDecimalCurrencies: Set<String> = ["JPY", "KRW", "VND", "CLP", "ISK", "HUF", "IDR", "PYG", "UGX"]

    /// ISO 4217 codes recognised as whole uppercase words, plus aliases.
    static let codes: [String: String] = {
        let iso = ["USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "KRW", "INR",
                   "RUB", "TRY", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "BGN",
                   "ILS", "AED", "SAR", "THB", "MYR", "IDR", "PHP", "VND", "CLP", "COP", "ARS", "PEN", "UAH", "EGP",
                   "NGN", "KES", "PKR", "QAR", "KWD"]
        var table = Dictionary(uniqueKeysWithValues: iso.map { ($0, $0) })
        table["RMB"] = "CNY"
        table["NTD"] = "TWD"
        return table
    }()

    /// Every marker, indexed by its first character, longest first so "US $" wins over "$".
    static let markerIndex: [Character: [Marker]] = {
        let dollars: Set<String> = ["USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "MXN", "ARS", "CLP", "COP"]
        let yen: Set<String> = ["JPY", "CNY"], crowns: Set<String> = ["SEK", "NOK", "DKK", "ISK"]
        let rupees: Set<String> = ["INR", "PKR", "LKR", "NPR"], yuan: Set<String> = ["CNY", "TWD", "HKD"]
        var all: [Marker] = codes.map {
            Marker(text: Array($0.key), code: $0.value, strength: .code, family: [], side: .before, needsSpacedDigit: false)
        }
        func add(_ texts: [String], _ code: String, _ strength: Strength = .symbol, family: Set<String> = [],
                 side: Side = .before, spacedDigit: Bool = false) {
            for text in texts {
                all.append(Marker(text: Array(text), code: code, strength: strength, family: family,
                                  side: side, needsSpacedDigit: spacedDigit))
            }
        }
        add(["US $", "US$", "U$S"], "USD")
        add(["C $", "C$", "CA$", "CAN$", "CA $"], "CAD")
        add(["AU $", "AU$", "A$"], "AUD")
        add(["NZ$", "NZ $"], "NZD"); add(["HK$", "HK $"], "HKD"); add(["NT$", "NT $"], "TWD")
        add(["S$", "SG$", "SG $"], "SGD"); add(["Mex$", "MX$", "MX $"], "MXN"); add(["R$"], "BRL"); add(["AR$"], "ARS")
        add(["CN¥", "RMB¥", "人民币"], "CNY"); add(["JP¥", "円", "日元"], "JPY")
        add(["€", "euro", "euros", "Euro", "Euros", "EURO"], "EUR", side: .after)
        add(["£"], "GBP"); add(["₹"], "INR"); add(["₩"], "KRW"); add(["원"], "KRW", side: .after)
        add(["₽", "руб", "Руб", "рублей", "рубля", "рубль"], "RUB", side: .after)
        add(["₺"], "TRY"); add(["TL"], "TRY", side: .after); add(["₫", "đ"], "VND", side: .after)
        add(["₱"], "PHP"); add(["฿"], "THB"); add(["₪"], "ILS"); add(["₴", "грн"], "UAH", side: .after)
        add(["₦"], "NGN"); add(["лв"], "BGN", side: .after); add(["RM"], "MYR"); add(["Rp"], "IDR")
        add(["zł", "Zł", "zl"], "PLN", side: .after); add(["Kč"], "CZK", side: .after)
        add(["Ft"], "HUF", side: .after); add(["lei", "Lei"], "RON", side: .after)
        add(["Fr.", "SFr.", "sFr."], "CHF")
        add(["R"], "ZAR", spacedDigit: true)
        add(["$", "dollar", "dollars"], "USD", .weak, family: dollars)
        add(["¥", "￥"], "JPY", .weak, family: yen)
        add(["元"], "CNY", .weak, family: yuan, side: .after)
        add(["kr", "Kr", "KR"], "SEK", .weak, family: crowns, side: .after)
        add(["Rs", "Rs.", "₨"], "INR", .weak, family: rupees)
        var index: [Character: [Marker]] = [:]
        for marker in all {
            guard let first = marker.text.first else { continue }
            index[first, default: []].append(marker)
        }
        return index.mapValues { $0.sorted { $0.text.count > $1.text.count } }
    }()

    /// A marker found in the text, with its character range.
    struct MarkerHit: Sendable {
        let marker: Marker
        let start: Int
        let end: Int
    }

    /// The marker starting at `index`, if any: letters at its edges must not run on into a word ("Brand" holds no "R").
    static func marker(in chars: [Character], at index: Int) -> MarkerHit? {
        guard let candidates = markerIndex[chars[index]] else { return nil }
        for marker in candidates {
            let end = index + marker.text.count
            guard end <= chars.count, chars[index..<end].elementsEqual(marker.text) else { continue }
            if let first = marker.text.first, first.isWordLetter, index > 0, chars[index - 1].isWordLetter { continue }
            if let last = marker.text.last, last.isWordLetter, end < chars.count, chars[end].isWordLetter { continue }
            if marker.needsSpacedDigit {
                guard end + 1 < chars.count, chars[end] == " ", chars[end + 1].isASCIIDigit else { continue }
            }
            return MarkerHit(marker: marker, start: index, end: end)
        }
        return nil
    }

    /// The upper-cased code when it is three ASCII letters.
    static func isoCode(_ code: String?) -> String? {
        guard let code = code?.trimmingCharacters(in: .whitespaces).uppercased(), code.count == 3,
              code.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return code
    }

    /// The currency a marker stands for: weak markers defer to a code in the text, then the hint, then the default.
    static func resolve(_ marker: Marker, others: [MarkerHit], hint: String?, defaultCurrency: String?) -> String {
        guard marker.strength == .weak else { return marker.code }
        if let named = others.first(where: { $0.marker.strength > .weak && marker.family.contains($0.marker.code) }) {
            return named.marker.code
        }
        if let hint, marker.family.contains(hint) { return hint }
        if let defaultCurrency, marker.family.contains(defaultCurrency) { return defaultCurrency }
        return marker.code
    }

    /// The strongest marker in the text (the first of equals), resolved against the others.
    static func strongestCurrency(_ hits: [MarkerHit], hint: String?, defaultCurrency: String?) -> String? {
        guard let best = hits.max(by: { $0.marker.strength < $1.marker.strength || ($0.marker.strength == $1.marker.strength && $0.start > $1.start) })
        else { return nil }
        return resolve(best.marker, others: hits, hint: hint, defaultCurrency: defaultCurrency)
    }
}

extension Character {
    /// True for ASCII 0–9 only.
    var isASCIIDigit: Bool { isASCII && isNumber }

    /// True for Latin, Greek and Cyrillic letters, which join into words (CJK characters do not).
    var isWordLetter: Bool {
        guard isLetter, let scalar = unicodeScalars.first else { return false }
        return scalar.value < 0x0530 || (0x1E00...0x1EFF).contains(scalar.value)
    }
}
