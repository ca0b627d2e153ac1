import Foundation
import GraywatchEnrich

/// What one run of a profile fetches first: its queries and, per marketplace, its start URLs.
public struct ScanPlan: Sendable, Equatable {
    public var profile: String
    /// The expanded queries kept, deduplicated, in profile order.
    public var queries: [String]
    /// Queries left out by `limits.max_queries`.
    public var droppedQueries: Int
    /// The cap that applied.
    public var maxQueries: Int
    public var marketplaces: [MarketplacePlan]

    /// Says how many queries the cap dropped, and how to keep them; nil when none were dropped.
    public var note: String? {
        guard droppedQueries > 0 else { return nil }
        return "profile \(profile): limits.max_queries \(maxQueries) kept \(queries.count) of "
            + "\(queries.count + droppedQueries) queries; \(droppedQueries) dropped "
            + "(raise max_queries or narrow the templates' filters)"
    }
}

/// One marketplace's share of a plan (the input of one `ScanConfiguration`).
public struct MarketplacePlan: Sendable, Equatable {
    public var name: String
    /// `start_urls` first, then the search URL for each query; deduplicated.
    public var startURLs: [String]
}

/// Expands a profile's queries over the catalog and turns them into start URLs.
public struct QueryPlanner: Sendable {
    public var catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Every query of `profile` in order, deduplicated (ignoring case and runs of spaces), before the cap.
    public func allQueries(of profile: ScanProfile) -> [String] {
        let literals = profile.queries.compactMap { query -> String? in
            if case .literal(let text) = query { return text.value }
            return nil
        }
        var seen: Set<String> = [], result: [String] = []
        for query in profile.queries {
            let texts: [String]
            switch query {
            case .literal(let text): texts = [text.value]
            case .template(let template): texts = expand(template, literals: literals)
            }
            for text in texts {
                let tidy = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                guard !tidy.isEmpty, seen.insert(tidy.lowercased()).inserted else { continue }
                result.append(tidy)
            }
        }
        return result
    }

    /// One text per matching catalog entry (`{sku}`), per distinct family (`{family}` alone), crossed with every
    /// literal query (`{query}`).
    public func expand(_ template: QueryTemplate, literals: [String]) -> [String] {
        let entries = catalog.entries.filter(template.filter.matches)
        var bindings: [[String: String]]
        if template.usesSKU {
            bindings = entries.map { ["sku": $0.partNumber, "family": $0.family] }
        } else if template.usesFamily {
            var families: [String] = []
            for entry in entries where !families.contains(entry.family) { families.append(entry.family) }
            bindings = families.map { ["family": $0] }
        } else {
            bindings = [[:]]
        }
        if template.usesQuery {
            bindings = bindings.flatMap { binding in literals.map { binding.merging(["query": $0]) { $1 } } }
        }
        return bindings.map { binding in
            binding.reduce(template.text) { text, pair in text.replacingOccurrences(of: "{\(pair.key)}", with: pair.value) }
        }
    }

    /// The plan for one run: queries capped by `limits.max_queries`, start URLs per marketplace.
    ///
    /// - Parameter origins: marketplace name → `scheme://host[:port]` to move its URLs to (the sample marketplace
    ///   served on a loopback port, a staging mirror); other marketplaces keep their URLs.
    public func plan(_ profile: ScanProfile, origins: [String: String] = [:]) -> ScanPlan {
        let all = allQueries(of: profile)
        let cap = profile.limits.maxQueries ?? ScanProfile.defaultMaxQueries
        let kept = Array(all.prefix(cap))
        let marketplaces = profile.marketplaces.map { marketplace in
            var urls = marketplace.startURLs
            if let searchURL = marketplace.searchURL {
                urls += kept.map { Self.searchURL(searchURL, query: $0) }
            }
            if let origin = origins[marketplace.name] { urls = urls.map { Self.rebase($0, onto: origin) } }
            var seen: Set<String> = []
            return MarketplacePlan(name: marketplace.name, startURLs: urls.filter { seen.insert($0).inserted })
        }
        return ScanPlan(profile: profile.name, queries: kept, droppedQueries: all.count - kept.count, maxQueries: cap,
                        marketplaces: marketplaces)
    }

    /// Characters a query keeps as they are in a URL (RFC 3986 unreserved); everything else is percent-encoded.
    static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// `template` with `{query}` percent-encoded (spaces as %20) and `{query_slug}` as lower-case words joined by `-`.
    public static func searchURL(_ template: String, query: String) -> String {
        let encoded = query.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
        let slug = slug(query).addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
        return template.replacingOccurrences(of: "{query_slug}", with: slug).replacingOccurrences(of: "{query}", with: encoded)
    }

    /// "Juniper EX4300-48T (used)" → "juniper-ex4300-48t-used": letters and digits, lower-cased, other runs as one `-`.
    public static func slug(_ query: String) -> String {
        query.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: "-")
    }

    /// `url` with its scheme, host and port taken from `origin`; unchanged when either does not parse.
    public static func rebase(_ url: String, onto origin: String) -> String {
        guard var components = URLComponents(string: url), let target = URLComponents(string: origin),
            let host = target.host
        else { return url }
        components.scheme = target.scheme
        components.host = host
        components.port = target.port
        return components.string ?? url
    }
}
