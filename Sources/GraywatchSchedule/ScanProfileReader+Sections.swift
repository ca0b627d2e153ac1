import Foundation
import Yams

extension ScanProfileReader {
    static let marketplaceKeys = ["name", "search_url", "start_urls"]
    static let limitKeys = ["max_pages", "max_depth", "max_queries"]
    static let politenessKeys = ["delay", "concurrency", "per_host", "max_attempts", "timeout"]
    static let identityKeys = ["contact", "user_agent"]
    static let thresholdKeys = ["queue", "notify", "reopen_price_share"]
    static let verificationKeys = ["still_live_after"]
    static let webhookKeys = ["url", "secret_env", "events"]
    /// Placeholders a search URL may hold.
    static let searchPlaceholders = ["query", "query_slug"]

    /// `marketplaces:`, a non-empty list; names unique within the profile.
    ///
    /// With `queries`, each search URL must hold `{query}` or `{query_slug}`.
    func marketplaces(_ node: Node, queries: Bool, log: inout [ProfileError]) -> [ProfileMarketplace] {
        guard let items = node.sequence else {
            log.append(fail(node, "marketplaces must be a list (one entry per marketplace, each with a name)"))
            return []
        }
        guard !items.isEmpty else {
            log.append(fail(node, "marketplaces is empty: name at least one marketplace to sweep"))
            return []
        }
        var result: [ProfileMarketplace] = []
        for item in items {
            guard let marketplace = gather(&log, { try self.marketplace(item, queries: queries, log: &$0) }) else { continue }
            if let earlier = result.first(where: { $0.name == marketplace.name }) {
                log.append(fail(item, "marketplace '\(marketplace.name)' is listed twice (first at \(earlier.location))"))
                continue
            }
            result.append(marketplace)
        }
        return result
    }

    func marketplace(_ node: Node, queries: Bool, log: inout [ProfileError]) throws -> ProfileMarketplace {
        let fields = try self.fields(node, "a marketplace", allowed: Self.marketplaceKeys, log: &log)
        guard let nameNode = fields["name"] else {
            throw fail(node, "a marketplace lacks 'name' (the name its listings are stored under, such as ebay)")
        }
        let name = try string(nameNode, "a marketplace name")
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ Self.isName(String($0)) || $0 == "." }) else {
            throw fail(nameNode, "marketplace name '\(name)' must be lower-case letters, digits, '.', - and _")
        }
        var marketplace = ProfileMarketplace(name: name, location: location(node))
        marketplace.searchURL = optional(fields["search_url"], &log) { node in
            let url = try searchURL(node)
            if queries, !url.contains("{query}"), !url.contains("{query_slug}") {
                throw fail(node, "search_url of marketplace '\(name)' holds neither {query} nor {query_slug}, "
                    + "so every query would fetch the same page")
            }
            return url
        }
        if let urls = fields["start_urls"] { marketplace.startURLs = startURLs(urls, log: &log) }
        if fields["search_url"] == nil, fields["start_urls"] == nil {
            throw fail(node, "marketplace '\(name)' has neither search_url nor start_urls: nothing to fetch")
        }
        return marketplace
    }

    /// A number as written by people: `1` rather than `1.0`.
    static func show(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `start_urls:`, a list of http(s) URLs (or one URL); each bad entry is logged at its own line.
    func startURLs(_ node: Node, log: inout [ProfileError]) -> [String] {
        let items: [Node]
        if case .scalar = node { items = [node] } else if let sequence = node.sequence { items = Array(sequence) } else {
            log.append(fail(node, "start_urls must be a list of URLs"))
            return []
        }
        return items.compactMap { item in
            attempt(&log) {
                let url = try string(item, "a start URL")
                try httpURL(url, item, "start URL")
                return url
            }
        }
    }

    /// An http(s) URL whose only placeholders are `{query}` and `{query_slug}`.
    func searchURL(_ node: Node) throws -> String {
        let text = try string(node, "search_url")
        let (names, problem) = Self.placeholders(in: text)
        if let problem { throw fail(node, "search_url '\(text)': \(problem)") }
        for name in names where !Self.searchPlaceholders.contains(name) {
            throw fail(node, "search_url has the unknown placeholder {\(name)}"
                + Suggestion.hint(for: name, among: Self.searchPlaceholders))
        }
        let sample = text.replacingOccurrences(of: "{query_slug}", with: "q").replacingOccurrences(of: "{query}", with: "q")
        try httpURL(sample, node, "search_url")
        return text
    }

    /// The `{name}` placeholders of `text`, or a problem with its braces.
    static func placeholders(in text: String) -> (names: [String], problem: String?) {
        var names: [String] = [], current: String? = nil
        for character in text {
            switch (character, current) {
            case ("{", nil): current = ""
            case ("{", _?): return (names, "'{' inside a placeholder")
            case ("}", let name?):
                guard !name.isEmpty else { return (names, "empty placeholder {}") }
                names.append(name)
                current = nil
            case ("}", nil): return (names, "'}' without its '{'")
            case (_, let name?): current = name + String(character)
            default: break
            }
        }
        if current != nil { return (names, "a '{' is never closed") }
        return (names, nil)
    }

    func limits(_ node: Node, log: inout [ProfileError]) -> ProfileLimits {
        guard let fields = gather(&log, { try self.fields(node, "limits", allowed: Self.limitKeys, log: &$0) }) else {
            return ProfileLimits()
        }
        return ProfileLimits(
            maxPages: optional(fields["max_pages"], &log) { try positiveInteger($0, "limits.max_pages") },
            maxDepth: optional(fields["max_depth"], &log) { try positiveInteger($0, "limits.max_depth") },
            maxQueries: optional(fields["max_queries"], &log) { try positiveInteger($0, "limits.max_queries") })
    }

    func politeness(_ node: Node, log: inout [ProfileError]) -> ProfilePoliteness {
        guard let fields = gather(&log, { try self.fields(node, "politeness", allowed: Self.politenessKeys, log: &$0) })
        else { return ProfilePoliteness() }
        var politeness = ProfilePoliteness()
        politeness.delay = optional(fields["delay"], &log) { node in
            let value = try number(node, "politeness.delay")
            guard value >= 0 else { throw fail(node, "politeness.delay must be 0 or more seconds, not \(Self.show(value))") }
            return value
        }
        politeness.concurrency = optional(fields["concurrency"], &log) { try positiveInteger($0, "politeness.concurrency") }
        politeness.perHost = optional(fields["per_host"], &log) { try positiveInteger($0, "politeness.per_host") }
        politeness.maxAttempts = optional(fields["max_attempts"], &log) { try positiveInteger($0, "politeness.max_attempts") }
        politeness.timeout = optional(fields["timeout"], &log) { node in
            let value = try number(node, "politeness.timeout")
            guard value > 0 else { throw fail(node, "politeness.timeout must be more than 0 seconds, not \(Self.show(value))") }
            return value
        }
        if let perHost = politeness.perHost, let concurrency = politeness.concurrency, perHost > concurrency,
            let perHostNode = fields["per_host"]
        {
            log.append(fail(perHostNode, "politeness.per_host (\(perHost)) exceeds politeness.concurrency (\(concurrency))"))
        }
        return politeness
    }

    func identity(_ node: Node, log: inout [ProfileError]) -> ProfileIdentity {
        guard let fields = gather(&log, { try self.fields(node, "identity", allowed: Self.identityKeys, log: &$0) }) else {
            return ProfileIdentity()
        }
        return ProfileIdentity(
            contact: optional(fields["contact"], &log) { node in
                let contact = try string(node, "identity.contact")
                guard contact.hasPrefix("mailto:") || contact.hasPrefix("https://") || contact.hasPrefix("http://") else {
                    throw fail(node, "identity.contact '\(contact)' must be a mailto: address or an http(s) URL")
                }
                return contact
            },
            userAgent: optional(fields["user_agent"], &log) { node in
                let agent = try string(node, "identity.user_agent")
                guard agent.lowercased().contains("graywatch") else {
                    throw fail(node, "identity.user_agent must name graywatch, so site owners know who is crawling")
                }
                return agent
            })
    }
}
