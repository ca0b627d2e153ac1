import GraywatchCore

/// Finds phrases in text: case-insensitive, word-bounded, any run of white space matching a space,
/// and skipping occurrences negated by "no", "not", "without", "never" … within three words before.
enum PhraseMatcher {
    static let negations: Set<String> = [
        "no", "not", "without", "never", "non", "none", "nor", "isn't", "isnt", "doesn't", "doesnt", "don't", "dont",
        "cannot", "can't", "cant", "won't", "wont", "lacks", "excluding", "n/a",
    ]

    struct Match {
        var range: Range<Int>
        var text: String
        var context: String
    }

    /// The first non-negated occurrence of `phrase` in `text`, offsets in Unicode scalars.
    static func firstMatch(of phrase: String, in text: String) -> Match? {
        FieldIndex(text).firstMatch(of: Array(phrase.unicodeScalars).map(lower))
    }

    /// One field's text prepared once per listing: lower-cased scalars and where each word starts, so that
    /// a phrase is checked only where its first word occurs (a thousand rules cost little more than ten).
    struct FieldIndex {
        let original: [Unicode.Scalar]
        let lowered: [Unicode.Scalar]
        let wordStarts: [String: [Int]]

        init(_ text: String) {
            original = Array(text.unicodeScalars)
            lowered = original.map(PhraseMatcher.lower)
            var starts: [String: [Int]] = [:]
            var index = 0
            while index < lowered.count {
                guard PhraseMatcher.isWord(lowered[index]) else {
                    index += 1
                    continue
                }
                let begin = index
                while index < lowered.count, PhraseMatcher.isWord(lowered[index]) { index += 1 }
                starts[PhraseMatcher.string(lowered[begin..<index]), default: []].append(begin)
            }
            wordStarts = starts
        }

        /// The first non-negated, word-bounded occurrence of a lower-cased phrase.
        func firstMatch(of needle: [Unicode.Scalar]) -> Match? {
            guard let first = needle.first else { return nil }
            let word = PhraseMatcher.isWord(first) ? PhraseMatcher.string(needle.prefix { PhraseMatcher.isWord($0) }[...]) : nil
            return firstMatch(of: needle, firstWord: word)
        }

        /// True when the field has this whole word (lower-cased).
        func contains(word: String) -> Bool { wordStarts[word] != nil }

        /// ``firstMatch(of:)`` with the phrase's first word already known: a phrase whose first word is not in the
        /// field costs one dictionary lookup.
        func firstMatch(of needle: [Unicode.Scalar], firstWord: String?) -> Match? {
            guard let first = needle.first else { return nil }
            let candidates: [Int]
            if let firstWord {
                candidates = wordStarts[firstWord] ?? []
            } else {
                candidates = lowered.indices.filter { lowered[$0] == first }
            }
            for candidate in candidates {
                guard let end = PhraseMatcher.matchEnd(needle, lowered, from: candidate),
                    PhraseMatcher.isBoundary(lowered, before: candidate), PhraseMatcher.isBoundary(lowered, at: end),
                    !PhraseMatcher.isNegated(lowered, before: candidate)
                else { continue }
                let range = candidate..<end
                return Match(range: range, text: PhraseMatcher.string(original[range]),
                             context: PhraseMatcher.context(original, range))
            }
            return nil
        }
    }

    static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{00A0}"
    }

    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII first: the same answer without a Unicode property lookup (most text is ASCII).
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A || (0x30...0x39).contains(scalar.value) }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Matches the needle at `index`, letting one needle space match a run of white space; returns the end.
    static func matchEnd(_ needle: [Unicode.Scalar], _ text: [Unicode.Scalar], from index: Int) -> Int? {
        var position = index
        var needleIndex = 0
        while needleIndex < needle.count {
            guard position < text.count else { return nil }
            if isSpace(needle[needleIndex]) {
                guard isSpace(text[position]) else { return nil }
                while position < text.count, isSpace(text[position]) { position += 1 }
                while needleIndex < needle.count, isSpace(needle[needleIndex]) { needleIndex += 1 }
                continue
            }
            guard text[position] == needle[needleIndex] else { return nil }
            position += 1
            needleIndex += 1
        }
        return position
    }

    static func isBoundary(_ text: [Unicode.Scalar], before index: Int) -> Bool {
        index == 0 || !isWord(text[index - 1])
    }

    static func isBoundary(_ text: [Unicode.Scalar], at index: Int) -> Bool {
        index >= text.count || !isWord(text[index])
    }

    /// Words that join a list without ending a negation's reach ("no warranty or JTAC support").
    static let conjunctions: Set<String> = ["or", "and", "nor", "/", "&"]

    /// True when one of the three words before `index` (within the same clause; list conjunctions not counted)
    /// is a negation.
    static func isNegated(_ text: [Unicode.Scalar], before index: Int) -> Bool {
        var words: [String] = []
        var current: [Unicode.Scalar] = []
        var position = index - 1
        func finish() {
            guard !current.isEmpty else { return }
            let word = string(current[...])
            if !conjunctions.contains(word) { words.append(word) }
            current = []
        }
        while position >= 0, words.count < 3 {
            let scalar = text[position]
            if ".!?;,:()\n".unicodeScalars.contains(scalar) { break }
            if isWord(scalar) || scalar == "'" || scalar == "/" {
                current.insert(scalar, at: 0)
            } else {
                finish()
            }
            position -= 1
        }
        if words.count < 3 { finish() }
        return words.contains { negations.contains($0) }
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    /// Up to 40 scalars either side of the match, on one line.
    static func context(_ text: [Unicode.Scalar], _ range: Range<Int>) -> String {
        let lower = max(0, range.lowerBound - 40), upper = min(text.count, range.upperBound + 40)
        let body = string(text[lower..<upper]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return (lower > 0 ? "…" : "") + body + (upper < text.count ? "…" : "")
    }
}
