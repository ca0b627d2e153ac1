import GraywatchCore

/// Finds the prices written in free text, with the span of each ("… asking US $1,299.99 or best offer").
public enum PriceFinder {
    /// A price and where it stood (offsets in Unicode scalars).
    public struct Found: Sendable {
        public var price: Price
        public var start: Int
        public var length: Int
        public var text: String
    }

    /// Numbers with a currency marker just before ("US $", "£", "EUR ") or just after ("€", " kr").
    public static func prices(in text: String) -> [Found] {
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ index: Int) -> Bool { index >= 0 && index < scalars.count && ("0"..."9").contains(scalars[index]) }
        func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        var found: [Found] = []
        var index = 0
        while index < scalars.count {
            guard isDigit(index), !isDigit(index - 1) else {
                index += 1
                continue
            }
            var end = index
            let joiners = ",.'\u{2019} \u{00A0}\u{202F}".unicodeScalars
            while isDigit(end) || (end < scalars.count && joiners.contains(scalars[end]) && isDigit(end + 1)) { end += 1 }
            // The nearest marker within 5 scalars before, else the nearest within 5 after.
            let start = (max(0, index - 5)..<index).reversed().first { candidate in
                !scalars[candidate].properties.isWhitespace && PriceParser.currency(in: string(candidate..<index)) != nil
            } ?? index
            let stop = (start == index && end < scalars.count ? ((end + 1)...min(scalars.count, end + 5)).first { candidate in
                !scalars[candidate - 1].properties.isWhitespace && PriceParser.currency(in: string(end..<candidate)) != nil
            } : nil) ?? end
            if start != index || stop != end, let price = PriceParser.parse(string(start..<stop)) {
                found.append(Found(price: price, start: start, length: stop - start, text: string(start..<stop)))
            }
            index = max(end, index + 1)
        }
        return found
    }
}
