/// A robots.txt path pattern prepared for matching: literal byte segments between `*` wildcards, and
/// whether a final `$` anchors the end (RFC 9309 §2.2.3).
struct CompiledPattern: Sendable, Equatable {
    /// The normalized pattern split at each `*`; the first segment is empty when the pattern starts with `*`.
    var segments: [[UInt8]]
    /// True when the pattern ended in `$`.
    var anchored: Bool
    /// Octets of the normalized pattern, wildcards and `$` included: the rule's priority.
    var length: Int

    /// True when the pattern matches `path` (normalized): from its start, to its end only when anchored.
    ///
    /// Segments are placed greedily at their leftmost occurrence, which is exact for `*`-only globs; the
    /// searches cover disjoint stretches of the path, so a match costs O(path + pattern): no backtracking.
    func matches(_ path: [UInt8]) -> Bool {
        guard let first = segments.first, let last = segments.last else { return false }
        if segments.count == 1 {
            return anchored ? path == first : path.starts(with: first)
        }
        guard path.starts(with: first) else { return false }
        var position = first.count
        for segment in segments.dropFirst().dropLast() {
            guard let found = Self.find(segment, in: path, from: position) else { return false }
            position = found + segment.count
        }
        if anchored {
            return path.count - last.count >= position && path.suffix(last.count).elementsEqual(last)
        }
        return Self.find(last, in: path, from: position) != nil
    }

    /// The first index at or after `start` where `needle` occurs in `haystack` (Knuth–Morris–Pratt: linear).
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start <= haystack.count ? start : nil }
        var failure = [Int](repeating: 0, count: needle.count)
        var prefix = 0
        for index in needle.indices.dropFirst() {
            while prefix > 0 && needle[index] != needle[prefix] { prefix = failure[prefix - 1] }
            if needle[index] == needle[prefix] { prefix += 1 }
            failure[index] = prefix
        }
        var matched = 0
        var index = max(start, 0)
        while index < haystack.count {
            while matched > 0 && haystack[index] != needle[matched] { matched = failure[matched - 1] }
            if haystack[index] == needle[matched] { matched += 1 }
            if matched == needle.count { return index + 1 - needle.count }
            index += 1
        }
        return nil
    }
}

/// Percent-encoding normalization shared by patterns and paths (RFC 9309 §2.2.2, RFC 3986 §2).
enum RobotsPattern {
    /// Compiles a pattern as written; nil when it can never match: empty, not starting with "/" or "*",
    /// or longer than ``Robots/maxPatternLength`` characters.
    static func compile(_ pattern: String) -> CompiledPattern? {
        guard pattern.hasPrefix("/") || pattern.hasPrefix("*"), pattern.count <= Robots.maxPatternLength else {
            return nil
        }
        let anchored = pattern.hasSuffix("$")
        let body = normalize(Array(pattern.utf8.dropLast(anchored ? 1 : 0)), keepWildcards: true)
        let segments = body.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
        return CompiledPattern(segments: segments, anchored: anchored, length: body.count + (anchored ? 1 : 0))
    }

    /// A path-and-query normalized for matching; a literal `*` or `$` in it is escaped so it only meets
    /// `%2A` / `%24` in a pattern.
    static func normalizedPath(_ path: String) -> [UInt8] {
        normalize(Array(path.utf8), keepWildcards: false)
    }

    /// Decodes escapes of unreserved characters, upper-cases the hex of other escapes, and percent-encodes
    /// non-ASCII, control, space, lone "%" and "$" octets (and "*" unless `keepWildcards`).
    static func normalize(_ bytes: [UInt8], keepWildcards: Bool) -> [UInt8] {
        PercentEncoding.normalize(bytes) { byte in
            byte >= 0x80 || byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "$")
                || (!keepWildcards && byte == UInt8(ascii: "*"))
        }
    }
}
