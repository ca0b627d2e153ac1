import Foundation

/// robots.txt rules for one host and one product token, as RFC 9309 defines them.
///
/// Groups for our product token are merged (else the `*` groups are), rules match by longest pattern with
/// `*` and `$` (Allow wins a tie), percent-encoding is normalized on both sides, `/robots.txt` is always
/// allowed, and at most ``maxBytes`` of the file are parsed (RFC 9309 §2.2, §2.5).
public struct Robots: Sendable, Equatable {
    /// One Allow or Disallow line of the chosen group(s).
    public struct Rule: Sendable, Equatable {
        public var allow: Bool
        /// The path pattern as written in robots.txt.
        public var pattern: String
        /// 1-based line in robots.txt, for explaining a decision; 0 for a synthetic rule.
        public var line: Int

        public init(allow: Bool, pattern: String, line: Int) {
            self.allow = allow
            self.pattern = pattern
            self.line = line
        }
    }

    /// The rules that apply to the chosen product token, in file order.
    public var rules: [Rule] {
        didSet { compiled = Self.compile(rules) }
    }
    /// Crawl-delay of the chosen group(s) in seconds (the largest when merged groups give several); nil if absent.
    public var crawlDelay: Double?
    /// The user-agent line value (as written) whose group was chosen: "*" or one naming our token; nil if none.
    public var matchedAgent: String?
    /// The rules ready for matching, kept in step with `rules`.
    private var compiled: [CompiledPattern?]

    /// Only this many bytes of a robots.txt are parsed (RFC 9309 §2.5 asks for at least 500 KiB).
    public static let maxBytes = 512_000
    /// Patterns longer than this many characters are ignored.
    public static let maxPatternLength = 2_000

    /// Everything allowed (robots.txt missing: 4xx).
    public static let allowAll = Robots(rules: [])
    /// Everything disallowed (robots.txt unreachable or 5xx).
    public static let disallowAll = Robots(rules: [Rule(allow: false, pattern: "/", line: 0)])

    public init(rules: [Rule], crawlDelay: Double? = nil, matchedAgent: String? = nil) {
        self.rules = rules
        self.crawlDelay = crawlDelay
        self.matchedAgent = matchedAgent
        self.compiled = Self.compile(rules)
    }

    /// Parses robots.txt text for `productToken` (case-insensitive); see ``init(data:productToken:)``.
    public init(text: String, productToken: String) {
        self.init(data: Data(text.utf8), productToken: productToken)
    }

    /// Parses robots.txt bytes for `productToken` (case-insensitive).
    ///
    /// Only the first ``maxBytes`` bytes are parsed; invalid UTF-8 is tolerated. The groups naming our token
    /// are merged; if there are none, the `*` groups are; if there are none either, nothing is disallowed.
    public init(data: Data, productToken: String) {
        let groups = RobotsParser.groups(in: [UInt8](data.prefix(Self.maxBytes)))
        let token = RobotsParser.token(productToken)
        let mine = token.isEmpty || token == "*" ? [] : groups.filter { $0.names(token) }
        let chosen = mine.isEmpty ? groups.filter { $0.names("*") } : mine
        let wanted = mine.isEmpty ? "*" : token
        self.init(
            rules: chosen.flatMap(\.rules),
            crawlDelay: chosen.compactMap(\.crawlDelay).max(),
            matchedAgent: chosen.first?.agents.first { RobotsParser.token($0) == wanted })
    }

    /// The rule that decides `pathAndQuery` ("/a/b?x=1"); nil when no rule matches (allowed).
    ///
    /// The longest matching pattern wins (in octets, after percent-encoding normalization) and Allow wins a tie.
    /// `/robots.txt` itself is always allowed: it gets a synthetic Allow rule with line 0.
    public func decidingRule(for pathAndQuery: String) -> Rule? {
        var target = pathAndQuery
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if !target.hasPrefix("/") { target = "/" + target }
        if target.prefix(while: { $0 != "?" }) == "/robots.txt" {
            return Rule(allow: true, pattern: "/robots.txt", line: 0)
        }
        let path = RobotsPattern.normalizedPath(target)
        var best: (rule: Rule, length: Int)?
        for (rule, pattern) in zip(rules, compiled) {
            guard let pattern, pattern.matches(path) else { continue }
            if let current = best,
                current.length > pattern.length || (current.length == pattern.length && (current.rule.allow || !rule.allow))
            {
                continue
            }
            best = (rule, pattern.length)
        }
        return best?.rule
    }

    /// True when our crawler may fetch `pathAndQuery`.
    public func allows(_ pathAndQuery: String) -> Bool {
        decidingRule(for: pathAndQuery)?.allow ?? true
    }

    /// Compiles each rule; nil for rules that never match (empty, not starting with "/" or "*", too long).
    private static func compile(_ rules: [Rule]) -> [CompiledPattern?] {
        rules.map { RobotsPattern.compile($0.pattern) }
    }
}

/// Splits robots.txt into user-agent groups (RFC 9309 §2.1, §2.2).
enum RobotsParser {
    /// One group: its user-agent values as written, its rules and its Crawl-delay.
    struct Group {
        var agents: [String] = []
        var rules: [Robots.Rule] = []
        var crawlDelay: Double?

        /// True when one of the group's user-agent lines names `token` (already lowercased).
        func names(_ token: String) -> Bool {
            agents.contains { RobotsParser.token($0) == token }
        }
    }

    /// The product-token part of a user-agent value, lowercased: up to the first "/" or whitespace.
    static func token(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespaces).prefix { $0 != "/" && $0 != " " && $0 != "\t" }.lowercased()
    }

    /// Parses the lines of `bytes` into groups. Consecutive user-agent lines (blank lines and other records
    /// between them included) start one group; the first Allow, Disallow or Crawl-delay closes that list. Rules
    /// before any user-agent line, and patterns that can never match, are left out.
    static func groups(in bytes: [UInt8]) -> [Group] {
        var groups: [Group] = []
        var collectingAgents = false
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
            lineNumber += 1
            let line = bytes[start..<end]
            start = end + (end + 1 < bytes.count && bytes[end] == 0x0D && bytes[end + 1] == 0x0A ? 2 : 1)
            guard let (key, value) = keyValue(line) else { continue }
            switch key {
            case "user-agent":
                if !collectingAgents { groups.append(Group()) }
                collectingAgents = true
                groups[groups.count - 1].agents.append(value)
            case "allow", "disallow":
                collectingAgents = false
                guard !groups.isEmpty, RobotsPattern.compile(value) != nil else { continue }
                groups[groups.count - 1].rules.append(Robots.Rule(allow: key == "allow", pattern: value, line: lineNumber))
            case "crawl-delay":
                collectingAgents = false
                guard !groups.isEmpty, let delay = crawlDelay(value) else { continue }
                groups[groups.count - 1].crawlDelay = max(groups[groups.count - 1].crawlDelay ?? 0, delay)
            default:
                continue
            }
        }
        return groups
    }

    /// The lowercased key and trimmed value of a `key: value # comment` line; nil without a colon.
    private static func keyValue(_ line: ArraySlice<UInt8>) -> (String, String)? {
        let content = line.prefix { $0 != UInt8(ascii: "#") }
        guard let colon = content.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let key = String(decoding: content[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        let value = String(decoding: content[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return (key.lowercased(), value)
    }

    /// A Crawl-delay value in seconds: digits with at most one decimal point; nil when invalid.
    static func crawlDelay(_ value: String) -> Double? {
        guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            value.filter({ $0 == "." }).count <= 1, let seconds = Double(value), seconds.isFinite
        else { return nil }
        return seconds
    }
}
