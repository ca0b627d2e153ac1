import GraywatchCore

/// Extracts the claims a listing makes (condition, warranty, license, authenticity, channel, region) from its
/// text: case-insensitive, word-bounded (Chinese phrases match anywhere), white-space tolerant, negation-aware
/// ("not new", "never used", "non-genuine" claim nothing; "no warranty" claims `no-warranty`), spans in
/// Unicode scalars. Phrases come from ``ClaimLexicon``; overlapping matches keep the longest.
public struct ClaimExtractor: Sendable {
    public init() {}

    /// Claims in the title, condition, item specifics and description, in that order.
    public func claims(for listing: Listing) -> [Claim] {
        [ListingField.title, .condition, .specifics, .description].flatMap { claims(in: listing.text(of: $0), field: $0) }
    }

    /// Claims in one field's text, in text order.
    public func claims(in text: String, field: ListingField) -> [Claim] {
        let original = Array(text.unicodeScalars)
        let folded = original.map(ClaimPhrase.fold)
        var candidates: [(range: Range<Int>, phrase: ClaimPhrase)] = []
        for start in folded.indices {
            guard let phrases = ClaimPhrase.index[folded[start]] else { continue }
            for phrase in phrases {
                if phrase.wordBounded, start > 0, isWord(folded[start - 1]) { continue }
                guard let end = matchEnd(phrase.elements, folded, from: start) else { continue }
                if phrase.wordBounded, end < folded.count, isWord(folded[end]), isWord(folded[end - 1]) { continue }
                candidates.append((start..<end, phrase))
            }
        }
        // Longest first, then leftmost; keep the matches that overlap none already kept.
        candidates.sort { ($0.range.count, $1.range.lowerBound) > ($1.range.count, $0.range.lowerBound) }
        var kept: [(range: Range<Int>, phrase: ClaimPhrase)] = []
        var occupied = [Bool](repeating: false, count: folded.count)
        for candidate in candidates where !candidate.range.contains(where: { occupied[$0] }) {
            for offset in candidate.range { occupied[offset] = true }
            kept.append(candidate)
        }
        kept.sort { $0.range.lowerBound < $1.range.lowerBound }
        var claims: [Claim] = []
        var capturedUpTo = 0
        for (range, phrase) in kept where range.lowerBound >= capturedUpTo {
            var value = phrase.value
            if isNegated(folded, before: range.lowerBound) {
                guard let negated = phrase.whenNegated else { continue }
                value = negated
            }
            guard !value.isEmpty else { continue }
            var span = range
            if ClaimLexicon.capturesPlace.contains(value), let place = placeRange(original, after: range.upperBound) {
                value += ":" + string(original[place])
                span = range.lowerBound..<place.upperBound
                capturedUpTo = place.upperBound
            }
            claims.append(claim(phrase.kind, value, original, span, field))
        }
        claims += durationWarranties(original, folded, field)
        return claims.sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }
    }

    func claim(_ kind: Claim.Kind, _ value: String, _ text: [Unicode.Scalar], _ range: Range<Int>,
               _ field: ListingField) -> Claim {
        Claim(kind: kind, value: value, text: string(text[range]),
              span: TextSpan(field: field, start: range.lowerBound, length: range.count))
    }

    /// Matches the pattern at `index`; returns where the match ends.
    func matchEnd(_ pattern: [ClaimPhrase.Element], _ text: [Unicode.Scalar], from index: Int) -> Int? {
        var position = index
        for element in pattern {
            switch element {
            case .scalar(let scalar):
                guard position < text.count, text[position] == scalar else { return nil }
                position += 1
            case .space, .dash, .optionalDash:
                let start = position
                while position < text.count, isSpace(text[position]) || (element != .space && isDash(text[position])) {
                    position += 1
                }
                if element != .optionalDash, position == start { return nil }
            }
        }
        return position
    }

    /// True when a negation word stands among the three words before `index` in the same clause, or a Chinese
    /// negation character directly before it.
    func isNegated(_ text: [Unicode.Scalar], before index: Int) -> Bool {
        var position = index - 1
        while position >= 0, isSpace(text[position]) { position -= 1 }
        if position >= 0, ClaimLexicon.cjkNegations.contains(text[position]) { return true }
        var words: [String] = []
        var current: [Unicode.Scalar] = []
        position = index - 1
        while position >= 0, words.count < 3 {
            let scalar = text[position]
            if ".!?;,:()|\n•".unicodeScalars.contains(scalar) { break }
            if isWord(scalar) || scalar == "'" || scalar == "/" {
                current.insert(scalar, at: 0)
            } else if !current.isEmpty {
                words.append(string(current[...]))
                current = []
            }
            position -= 1
        }
        if !current.isEmpty, words.count < 3 { words.append(string(current[...])) }
        return words.contains { ClaimLexicon.negations.contains($0) }
    }

    /// The place named after a "ships from" / "not for use in" phrase: up to four words, stopping at punctuation,
    /// digits or a stop word ("ships from Hong Kong within 2 days" → "Hong Kong").
    func placeRange(_ text: [Unicode.Scalar], after index: Int) -> Range<Int>? {
        var position = index
        var start: Int? = nil, end = index, words = 0
        while words < 4 {
            while position < text.count, isSpace(text[position]) { position += 1 }
            let wordStart = position
            while position < text.count, isWord(text[position]) || text[position] == "." && position + 1 < text.count
                && isWord(text[position + 1]) { position += 1 }
            guard position > wordStart else { break }
            let word = string(text[wordStart..<position])
            let lowered = word.lowercased()
            if word.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) { break }
            if ClaimLexicon.placeStops.contains(lowered) { break }
            if start == nil, ["the", "our", "a"].contains(lowered) { continue }
            if start == nil { start = wordStart }
            end = position
            words += 1
        }
        return start.map { $0..<end }
    }

    func isWord(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII first: the same answer without a Unicode property lookup (most text is ASCII).
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A || (0x30...0x39).contains(scalar.value) }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{00A0}"
    }

    func isDash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}" || scalar == "\u{2013}" || scalar == "_"
    }

    func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    static let warrantyWords: Set<String> = ["warranty", "warranties", "guarantee", "garantie", "garantía", "garantia", "gewährleistung"]
    /// Words that may stand between a duration and the warranty word, either way round.
    static let durationFillers: Set<String> = [
        "limited", "manufacturer", "manufacturer's", "factory", "juniper", "seller", "seller's", "our", "full",
        "hardware", "standard", "extended", "of", "for", "is", "period", "de", "von", "für", "durante", "por", "a",
    ]
    static let units: [String: String] = [
        "year": "year", "years": "year", "yr": "year", "yrs": "year", "month": "month", "months": "month",
        "mo": "month", "mos": "month", "day": "day", "days": "day", "jahr": "year", "jahre": "year", "jahren": "year",
        "monat": "month", "monate": "month", "monaten": "month", "tag": "day", "tage": "day", "tagen": "day",
        "an": "year", "ans": "year", "année": "year", "années": "year", "mois": "month", "jour": "day", "jours": "day",
        "año": "year", "años": "year", "mes": "month", "meses": "month", "día": "day", "días": "day",
    ]
    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "twelve": 12,
        "ein": 1, "eins": 1, "zwei": 2, "drei": 3, "un": 1, "deux": 2, "trois": 3, "uno": 1, "dos": 2, "tres": 3,
    ]

    /// Warranty durations ("3-year warranty", "warranty: 90 days", "1yr warranty") as `N-year|month|day` claims.
    func durationWarranties(_ original: [Unicode.Scalar], _ folded: [Unicode.Scalar], _ field: ListingField) -> [Claim] {
        var words: [(range: Range<Int>, text: String)] = []
        var start: Int? = nil
        for index in 0...folded.count {
            let inWord = index < folded.count && (isWord(folded[index]) || folded[index] == "'")
            if inWord, start == nil { start = index }
            if !inWord, let begin = start {
                words.append((begin..<index, string(folded[begin..<index])))
                start = nil
            }
        }
        /// The duration ending at word `last` (going back) or starting at word `first` (going forward).
        func duration(_ index: Int, forward: Bool) -> (value: String, range: Range<Int>)? {
            guard words.indices.contains(index) else { return nil }
            let word = words[index].text
            if let split = word.firstIndex(where: { !$0.isNumber }), split != word.startIndex,
                let number = Int(word[..<split]), let unit = ClaimExtractor.units[String(word[split...])] {
                return ("\(number)-\(unit)", words[index].range)
            }
            let numberIndex = forward ? index : index - 1, unitIndex = numberIndex + 1
            guard words.indices.contains(numberIndex), words.indices.contains(unitIndex),
                let unit = ClaimExtractor.units[words[unitIndex].text],
                let number = Int(words[numberIndex].text) ?? ClaimExtractor.numberWords[words[numberIndex].text],
                (1...120).contains(number)
            else { return nil }
            return ("\(number)-\(unit)", words[numberIndex].range.lowerBound..<words[unitIndex].range.upperBound)
        }
        /// True when no clause break lies between two offsets.
        func sameClause(_ range: Range<Int>) -> Bool {
            !folded[range].contains { ".;!?\n()".unicodeScalars.contains($0) }
        }
        var claims: [Claim] = []
        for (position, word) in words.enumerated() where ClaimExtractor.warrantyWords.contains(word.text) {
            var back = position - 1, forward = position + 1
            while back >= 0, ClaimExtractor.durationFillers.contains(words[back].text), position - back <= 2 { back -= 1 }
            while forward < words.count, ClaimExtractor.durationFillers.contains(words[forward].text),
                forward - position <= 2 { forward += 1 }
            var found: (value: String, range: Range<Int>)? = nil
            if let before = duration(back, forward: false), sameClause(before.range.upperBound..<word.range.lowerBound) {
                found = (before.value, before.range.lowerBound..<word.range.upperBound)
            } else if let after = duration(forward, forward: true), sameClause(word.range.upperBound..<after.range.lowerBound) {
                found = (after.value, word.range.lowerBound..<after.range.upperBound)
            }
            guard let found, !isNegated(folded, before: found.range.lowerBound) else { continue }
            claims.append(claim(.warranty, found.value, original, found.range, field))
        }
        return claims
    }
}
