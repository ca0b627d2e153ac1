import GraywatchCore

/// Finds catalog part numbers in free text, tolerant of case, spaces and dashes ("ex4300 48t" → EX4300-48T).
///
/// Text is cut into runs of ASCII letters and digits; up to six consecutive runs separated by at most two
/// spaces, dashes, underscores or slashes are joined and looked up (part numbers and aliases), longest first.
/// Runs are whole words, so "QEX4300" or "EX4300X" never yield EX4300-class part numbers. A match followed by
/// dash-joined ordering suffixes the catalog does not list ("EX4300-24T-AFI") resolves to the base part, with
/// the suffix meaning as qualifiers (``SKUSuffixes``).
public struct SKUMatcher: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Every catalog part number in `text`, with its span in `field`, in text order.
    public func identifiers(in text: String, field: ListingField) -> [Identifier] {
        let scalars = Array(text.unicodeScalars)
        let tokens = SKUMatcher.tokens(in: scalars)
        let words = tokens.map { String(String.UnicodeScalarView(scalars[$0])) }
        var found: [Identifier] = []
        var index = 0
        while index < tokens.count {
            guard let best = longestMatch(from: index, tokens: tokens, words: words, scalars: scalars) else {
                index += 1
                continue
            }
            let (suffixes, end) = unlistedSuffixes(after: best.end, tokens: tokens, words: words, scalars: scalars)
            let range = tokens[index].lowerBound..<tokens[end].upperBound
            var qualifiers = SKUSuffixes.qualifiers(ofPartNumber: best.entry.partNumber)
            for qualifier in SKUSuffixes.qualifiers(of: suffixes) where !qualifiers.contains(qualifier) {
                qualifiers.append(qualifier)
            }
            if best.viaAlias { qualifiers.append("alias-of:\(best.entry.partNumber)") }
            if !suffixes.isEmpty {
                qualifiers.append("unlisted-variant:" + ([best.entry.partNumber] + suffixes.map { $0.uppercased() }).joined(separator: "-"))
            }
            found.append(Identifier(
                kind: .sku, raw: String(String.UnicodeScalarView(scalars[range])), normalized: best.entry.partNumber,
                family: best.entry.family, span: TextSpan(field: field, start: range.lowerBound, length: range.count),
                qualifiers: qualifiers))
            index = end + 1
        }
        return found
    }

    /// The longest run of tokens from `index` that names a catalog part or alias.
    private func longestMatch(from index: Int, tokens: [Range<Int>], words: [String], scalars: [Unicode.Scalar])
        -> (end: Int, entry: CatalogEntry, viaAlias: Bool)?
    {
        var best: (end: Int, entry: CatalogEntry, viaAlias: Bool)? = nil
        var key = ""
        var last = index
        while last < tokens.count, last - index < 6 {
            if last > index {
                let gap = scalars[tokens[last - 1].upperBound..<tokens[last].lowerBound]
                guard gap.count <= 2, gap.allSatisfy({ " -_/".unicodeScalars.contains($0) }) else { break }
            }
            key += words[last].uppercased()
            if key.count > catalog.longestKey { break }
            if let match = catalog.resolve(key) { best = (last, match.entry, match.viaAlias) }
            last += 1
        }
        return best
    }

    /// Known ordering suffixes joined to the match by single dashes or underscores ("-DC-AFI"), and the last
    /// token they reach. A suffix must end at a word end: "EX4300-48T-ACME" takes none.
    private func unlistedSuffixes(after end: Int, tokens: [Range<Int>], words: [String], scalars: [Unicode.Scalar])
        -> (suffixes: [String], end: Int)
    {
        var suffixes: [String] = []
        var last = end
        while last + 1 < tokens.count {
            let gap = scalars[tokens[last].upperBound..<tokens[last + 1].lowerBound]
            guard gap.count == 1, let separator = gap.first, separator == "-" || separator == "_",
                let (_, width) = SKUSuffixes.suffix(words, at: last + 1)
            else { break }
            if width == 2 {
                let inner = scalars[tokens[last + 1].upperBound..<tokens[last + 2].lowerBound]
                guard inner.count == 1, inner.first == "-" || inner.first == "_" else { break }
            }
            suffixes += words[(last + 1)...(last + width)]
            last += width
        }
        return (suffixes, last)
    }

    /// Ranges of maximal ASCII letter-or-digit runs.
    static func tokens(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int? = nil
        for (offset, scalar) in scalars.enumerated() {
            let isWord = isWordScalar(scalar)
            if isWord, start == nil { start = offset }
            if !isWord, let begin = start {
                ranges.append(begin..<offset)
                start = nil
            }
        }
        if let begin = start { ranges.append(begin..<scalars.count) }
        return ranges
    }

    /// ASCII letters and digits: the characters part numbers, serials and codes are made of.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && ((scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A || (0x30...0x39).contains(scalar.value))
    }
}
