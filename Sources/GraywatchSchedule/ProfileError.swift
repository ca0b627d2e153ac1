import GraywatchCore

/// A position in a scan profile file: the shared ``SourceLocation`` (lines and columns count from 1).
public typealias ProfileLocation = SourceLocation

/// One problem in a scan profile: what is wrong, and the file, line and column of the node at fault.
public struct ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: ProfileLocation
    public var message: String

    public init(_ location: ProfileLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    /// `rules/scans/x.yml:12:5: unknown key 'max_page' (did you mean 'max_pages'?)`.
    public var description: String { "\(location): \(message)" }
}

/// Every problem found in one or more profile files, in file and line order; thrown by the reader and by `ProfileSet`.
public struct ProfileErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [ProfileError]

    public init(_ errors: [ProfileError]) {
        self.errors = errors.sorted { $0.location < $1.location }
    }

    /// One error a line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// "Did you mean" hints for misspelt keys and values.
enum Suggestion {
    /// ` (did you mean 'x'?)` for the closest candidate within a small edit distance, or ` (expected a, b or c)`.
    static func hint(for word: String, among candidates: [String]) -> String {
        if let best = closest(to: word, among: candidates) { return " (did you mean '\(best)'?)" }
        return " (expected " + list(candidates.sorted()) + ")"
    }

    /// The candidate nearest to `word` (ignoring case), when it is at most a third of the word's length away.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let limit = max(1, min(3, lowered.count / 3))
        let scored = candidates.map { ($0, distance(lowered, $0.lowercased())) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }

    /// "a, b or c".
    static func list(_ words: [String]) -> String {
        guard let last = words.last else { return "nothing" }
        guard words.count > 1 else { return last }
        return words.dropLast().joined(separator: ", ") + " or " + last
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
