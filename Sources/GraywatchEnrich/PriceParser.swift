import Foundation
import GraywatchCore

/// Parses displayed prices ("US $1,299.99", "£115", "1.234,56 €", "EUR 1 234,56") into an exact amount and ISO 4217 code.
///
/// Returns nil when no amount can be read (missing, "contact seller", "Make offer", "Free"): never a zero price by
/// accident. The number next to a currency marker is the price ("2 x US $5.00" → 5.00); ranges ("US $10.50 - 12.00")
/// and per-unit prices ("US $3.20/piece") fill `upperAmount` and `unit`.
public enum PriceParser {
    /// Parses displayed price text; `defaultCurrency` applies when the text names none.
    public static func parse(_ text: String, defaultCurrency: String? = nil) -> Price? {
        parse(text, hint: nil, decimalSeparator: nil, defaultCurrency: defaultCurrency)
    }

    /// Parses displayed price text with the page's context.
    ///
    /// - Parameters:
    ///   - hint: nearby text naming the currency ("Price (EUR)", "Currency: GBP", "£"), used when the text names none
    ///     or only an ambiguous symbol of the same family ("$" with hint "AUD" → AUD).
    ///   - decimalSeparator: the site's declared decimal separator ("," or "."), used only for an ambiguous lone
    ///     separator before three digits ("1.234" → 1234 with ",", 1.234 with ".").
    ///   - defaultCurrency: the site's currency, used after the hint.
    public static func parse(_ text: String, hint: String? = nil, decimalSeparator: Character? = nil,
                             defaultCurrency: String? = nil) -> Price? {
        let scan = Scan(text)
        let hintCurrency = hint.flatMap { codes[$0.trimmingCharacters(in: .whitespaces).uppercased()] ?? currency(in: $0) }
        let fallback = isoCode(defaultCurrency)
        guard let pick = scan.primary() else { return nil }
        let code: String
        if let claim = pick.marker {
            code = resolve(claim.marker, others: scan.markers, hint: hintCurrency, defaultCurrency: fallback)
        } else if let named = strongestCurrency(scan.markers, hint: hintCurrency, defaultCurrency: fallback)
                    ?? hintCurrency ?? fallback {
            code = named
        } else {
            return nil
        }
        return price(scan, pick: pick, currency: code, decimalSeparator: decimalSeparator)
    }

    /// Builds a price from machine-readable parts (microdata `content` and `priceCurrency`); rejects codes that are not three letters.
    public static func parse(amount text: String, currency code: String) -> Price? {
        guard let code = isoCode(code) else { return nil }
        let scan = Scan(text)
        guard let pick = scan.primary() else { return nil }
        return price(scan, pick: pick, currency: code, decimalSeparator: nil)
    }

    /// The ISO code the text names: the strongest marker (codes over symbols over "$"/"¥"/"kr"), the first of equals.
    public static func currency(in text: String) -> String? {
        strongestCurrency(Scan(text).markers, hint: nil, defaultCurrency: nil)
    }

    /// The price's amount as `parse` reads it, whether or not the text names a currency.
    public static func amount(in text: String) -> Decimal? {
        let scan = Scan(text)
        guard let pick = scan.primary() else { return nil }
        let code = pick.marker.map { $0.marker.code } ?? "XXX"
        return price(scan, pick: pick, currency: code, decimalSeparator: nil)?.amount
    }

    /// Reads the picked number, its range partner and unit into a price; nil for a negative amount.
    static func price(_ scan: Scan, pick: Scan.Pick, currency: String, decimalSeparator: Character?) -> Price? {
        guard !scan.isNegative(pick) else { return nil }
        let zeroDecimal = zeroDecimalCurrencies.contains(currency)
        func read(_ number: NumberHit) -> (amount: Decimal, fractionDigits: Int)? {
            value(of: number.raw, decimalSeparator: decimalSeparator, zeroDecimal: zeroDecimal)
        }
        guard var low = read(pick.number) else { return nil }
        var upper: Decimal?
        var last = pick.number
        if let next = scan.upperBound(after: pick.number), let high = read(next), high.amount > low.amount {
            upper = high.amount
            last = next
        } else if pick.marker.map({ $0.start >= pick.number.end }) ?? false,
                  let previous = scan.lowerBound(before: pick.number), let lower = read(previous),
                  lower.amount < low.amount, lower.fractionDigits == low.fractionDigits {
            upper = low.amount
            low = lower
        }
        return Price(amount: low.amount, currency: currency, upperAmount: upper, unit: scan.unit(after: last))
    }
}

extension PriceParser {
    /// The text's numbers and currency markers, with the lookups that tie them together.
    struct Scan {
        /// A number chosen as the price, with the marker that claims it, if any.
        struct Pick {
            let number: NumberHit
            let marker: MarkerHit?
        }

        let chars: [Character]
        private(set) var numbers: [NumberHit] = []
        private(set) var markers: [MarkerHit] = []
        private var numberStarting: [Int: Int] = [:]
        private var numberEnding: [Int: Int] = [:]
        private var markerStarting: [Int: Int] = [:]
        private var markerEnding: [Int: Int] = [:]

        init(_ text: String) {
            chars = PriceParser.normalized(text)
            var index = 0
            while index < chars.count {
                if PriceParser.startsNumber(chars, at: index) {
                    let number = PriceParser.number(in: chars, at: index)
                    numberStarting[number.start] = numbers.count
                    numberEnding[number.end] = numbers.count
                    numberEnding[number.tailEnd] = numbers.count
                    numbers.append(number)
                    index = number.end
                } else if let hit = PriceParser.marker(in: chars, at: index) {
                    markerStarting[hit.start] = markers.count
                    markerEnding[hit.end] = markers.count
                    markers.append(hit)
                    index = hit.end
                } else {
                    index += 1
                }
            }
        }

        /// The price: the number claimed by the first marker that claims one, else the first plain number.
        func primary() -> Pick? {
            for hit in markers {
                if let number = claim(hit) { return Pick(number: numbers[number], marker: hit) }
            }
            guard !saysNoPrice else { return nil }
            return numbers.first { !isInWord($0) && !isQuantity(after: $0.tailEnd) }.map { Pick(number: $0, marker: nil) }
        }

        /// The number a marker belongs to; between two, a far-side marker, touching, then the marker's habit decide.
        func claim(_ hit: MarkerHit) -> Int? {
            let after = numberStarting[skip(from: hit.end, over: [" ", ":"])]
            let before = numberEnding[skipBack(from: hit.start)]
            guard let after, let before else { return after ?? before }
            if markerStarting[skip(from: numbers[after].tailEnd, over: [" "])] != nil { return before }
            if markerEnding[skipBack(from: numbers[before].start)] != nil { return after }
            let touchesAfter = numbers[after].start == hit.end, touchesBefore = numbers[before].tailEnd == hit.start
            if touchesAfter != touchesBefore { return touchesAfter ? after : before }
            return hit.marker.side == .before ? after : before
        }

        /// True when a minus is attached to the number or its leading marker and no number precedes it ("-5", "-$5").
        func isNegative(_ pick: Pick) -> Bool {
            var positions = [pick.number.start - 1]
            if let hit = pick.marker, hit.end <= pick.number.start { positions.append(hit.start - 1) }
            for position in positions where position >= 0 && chars[position] == "-" {
                let before = skipBack(from: position)
                if before == 0 || !chars[before - 1].isASCIIDigit { return true }
            }
            return false
        }

        /// The high end of a range after `number`: a connector ("-", "~", "to", "bis"), optional markers, a number.
        func upperBound(after number: NumberHit) -> NumberHit? {
            let start = skipMarkers(from: number.tailEnd)
            guard let connector = connectorEnd(at: start),
                  let index = numberStarting[skipMarkers(from: connector)] else { return nil }
            let upper = numbers[index]
            return isInWord(upper) || isQuantity(after: upper.tailEnd) ? nil : upper
        }

        /// The low end of a range before a number written ahead of its marker ("10 - 20 €").
        func lowerBound(before number: NumberHit) -> NumberHit? {
            let end = skipBack(from: number.start)
            var connector: Int?
            if end > 0, chars[end - 1] == "-" || chars[end - 1] == "~" { connector = end - 1 }
            for word in PriceParser.rangeWords where end > word.count && chars[end - word.count - 1] == " " {
                if Array(chars[(end - word.count)..<end]) == word { connector = end - word.count }
            }
            guard let connector, let index = numberEnding[skipBack(from: connector)] else { return nil }
            return isInWord(numbers[index]) ? nil : numbers[index]
        }

        /// The unit after a price: "/ piece", "per unit", "each", past any trailing marker.
        func unit(after number: NumberHit) -> String? {
            var index = skipMarkers(from: number.tailEnd)
            if index < chars.count, chars[index] == "/" {
                return PriceParser.unitNames[word(at: skip(from: index + 1, over: [" "])).lowercased()]
            }
            let first = word(at: index).lowercased()
            guard PriceParser.unitIntroducers.contains(first) else { return PriceParser.eachWords[first] }
            index = skip(from: index + first.count, over: [" "])
            return PriceParser.unitNames[word(at: index).lowercased()]
        }

        /// True when the text says there is no price ("Contact seller", "Price on request", "Make offer").
        var saysNoPrice: Bool {
            let lowered = String(chars).lowercased()
            return PriceParser.noPricePhrases.contains { lowered.contains($0) }
        }

        /// True when the number runs on into letters that are no marker ("X500", "15GB").
        func isInWord(_ number: NumberHit) -> Bool {
            let joinsBefore = number.start > 0 && chars[number.start - 1].isWordLetter && markerEnding[number.start] == nil
            let joinsAfter = number.end < chars.count && chars[number.end].isWordLetter && markerStarting[number.end] == nil
            return joinsBefore || joinsAfter
        }

        /// True when a percent sign or a quantity word follows ("20%", "2 x", "10 pcs").
        func isQuantity(after index: Int) -> Bool {
            let next = skip(from: index, over: [" "])
            guard next < chars.count else { return false }
            if chars[next] == "%" { return true }
            return PriceParser.quantityWords.contains(word(at: next).lowercased())
        }

        /// The run of letters starting at `index`; "×" reads as "x".
        func word(at index: Int) -> String {
            guard index < chars.count else { return "" }
            if chars[index] == "×" { return "x" }
            var end = index
            while end < chars.count, chars[end].isLetter { end += 1 }
            return String(chars[index..<end])
        }

        /// The index past a range connector at `index` (after spaces), or nil.
        func connectorEnd(at index: Int) -> Int? {
            guard index < chars.count else { return nil }
            if chars[index] == "-" || chars[index] == "~" { return index + 1 }
            let word = Array(word(at: index).lowercased())
            return PriceParser.rangeWords.contains(word) && index > 0 && chars[index - 1] == " " ? index + word.count : nil
        }

        /// The index past spaces and currency markers from `index`.
        func skipMarkers(from index: Int) -> Int {
            var position = skip(from: index, over: [" "])
            while let marker = markerStarting[position] { position = skip(from: markers[marker].end, over: [" "]) }
            return position
        }

        /// The first index at or after `index` that is not in `skipped`.
        func skip(from index: Int, over skipped: Set<Character>) -> Int {
            var position = index
            while position < chars.count, skipped.contains(chars[position]) { position += 1 }
            return position
        }

        /// The index just past the last non-space character before `index`.
        func skipBack(from index: Int) -> Int {
            var position = index
            while position > 0, chars[position - 1] == " " { position -= 1 }
            return position
        }
    }
}
