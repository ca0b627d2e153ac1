import GraywatchCore

/// Finds catalog part numbers in free text, tolerant of case, spaces and dashes ("ex4300 48t" → EX4300-48T).
///
/// Text is cut into runs of ASCII letters and digits; up to six consecutive runs separated by at most two
/// spaces, dashes, underscores or slashes are joined and looked up, longest first. Runs are whole words,
/// so "QEX4300" or "EX4300X" never yield EX4300-class part numbers.
public struct SKUMatcher: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Every catalog part number in `text`, with its span in `field`.
    public func identifiers(in text: String, field: ListingField) -> [Identifier] {
        let scalars = Array(text.unicodeScalars)
        let tokens = SKUMatcher.tokens(in: scalars)
        var found: [Identifier] = []
        var index = 0
        while index < tokens.count {
            var best: (end: Int, entry: CatalogEntry)? = nil
            var key = ""
            var last = index
            while last < tokens.count, last - index < 6 {
                if last > index {
                    let gap = scalars[tokens[last - 1].upperBound..<tokens[last].lowerBound]
                    guard gap.count <= 2, gap.allSatisfy({ " -_/".unicodeScalars.contains($0) }) else { break }
                }
                key += String(String.UnicodeScalarView(scalars[tokens[last]])).uppercased()
                if key.count > catalog.longestKey { break }
                if let entry = catalog.entry(matching: key) { best = (last, entry) }
                last += 1
            }
            if let best {
                let range = tokens[index].lowerBound..<tokens[best.end].upperBound
                let raw = String(String.UnicodeScalarView(scalars[range]))
                found.append(Identifier(
                    kind: .sku, raw: raw, normalized: best.entry.partNumber, family: best.entry.family,
                    span: TextSpan(field: field, start: range.lowerBound, length: range.count)))
                index = best.end + 1
            } else {
                index += 1
            }
        }
        return found
    }

    /// Ranges of maximal ASCII letter-or-digit runs.
    static func tokens(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int? = nil
        for (offset, scalar) in scalars.enumerated() {
            let isWord = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            if isWord, start == nil { start = offset }
            if !isWord, let begin = start {
                ranges.append(begin..<offset)
                start = nil
            }
        }
        if let begin = start { ranges.append(begin..<scalars.count) }
        return ranges
    }
}
