/// robots.txt rules for one host, version 1: groups by product token with `*` fallback, Allow/Disallow path
/// prefixes, longest match wins and Allow wins a tie (RFC 9309 §2.2.2). Wildcards and Crawl-delay come later.
public struct Robots: Sendable, Equatable {
    public struct Rule: Sendable, Equatable {
        public var allow: Bool
        public var path: String
        /// 1-based line in robots.txt, for explaining a decision.
        public var line: Int
    }

    /// The rules that apply to our product token.
    public var rules: [Rule]

    /// Everything allowed (robots.txt missing: 4xx).
    public static let allowAll = Robots(rules: [])
    /// Everything disallowed (robots.txt unreachable or 5xx).
    public static let disallowAll = Robots(rules: [Rule(allow: false, path: "/", line: 0)])

    public init(rules: [Rule]) {
        self.rules = rules
    }

    /// Parses robots.txt text and keeps the group for `productToken` (case-insensitive), else the `*` group.
    public init(text: String, productToken: String) {
        var groups: [(agents: [String], rules: [Rule])] = []
        var collectingAgents = false
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if !collectingAgents { groups.append((agents: [], rules: [])) }
                groups[groups.count - 1].agents.append(value.lowercased())
                collectingAgents = true
            case "allow", "disallow":
                collectingAgents = false
                guard !groups.isEmpty, !value.isEmpty else { continue }
                groups[groups.count - 1].rules.append(Rule(allow: key == "allow", path: value, line: index + 1))
            default:
                collectingAgents = false
            }
        }
        let token = productToken.lowercased()
        let mine = groups.filter { $0.agents.contains(token) }
        let chosen = mine.isEmpty ? groups.filter { $0.agents.contains("*") } : mine
        self.rules = chosen.flatMap(\.rules)
    }

    /// The rule that decides `path` (nil: no rule matches, so allowed).
    public func decidingRule(for path: String) -> Rule? {
        let target = path.isEmpty ? "/" : path
        return rules
            .filter { target.hasPrefix($0.path) }
            .max { ($0.path.count, $0.allow ? 1 : 0) < ($1.path.count, $1.allow ? 1 : 0) }
    }

    /// True when our crawler may fetch `path` (path plus query).
    public func allows(_ path: String) -> Bool {
        decidingRule(for: path)?.allow ?? true
    }
}
