import Foundation

/// How to read one marketplace, loaded from `rules/sites/*.yml` (see docs/adapters.md).
public struct SiteAdapter: Sendable {
    /// The marketplace name stored with listings.
    public var site: String
    /// Exact hosts, or `*.suffix` patterns; matched against the host without a leading "www.".
    public var hosts: [String]
    public var decimalSeparator: Character?
    public var currency: String?
    public var stripQuery: [String]
    public var keepQuery: [String]?
    public var delay: Double?
    public var perHost: Int?
    public var pages: [PageRule]
    /// The file the adapter came from, for messages.
    public var file: String

    /// True when the adapter is for this host.
    public func matches(host: String) -> Bool {
        let bare = host.lowercased().hasPrefix("www.") ? String(host.lowercased().dropFirst(4)) : host.lowercased()
        return hosts.contains { pattern in
            pattern.hasPrefix("*.") ? bare.hasSuffix(pattern.dropFirst(1)) || bare == pattern.dropFirst(2) : bare == pattern
        }
    }
}

/// One kind of page of a site: which URLs, how to recognise it, and where its fields are.
public struct PageRule: Sendable {
    public enum Kind: String, Sendable { case search, item, other }
    public var kind: Kind
    /// Searched in the URL's path + query.
    public var url: NSRegularExpressionBox
    public var detect: String?
    public var fields: [String: [FieldSelector]]
    public var specifics: SpecificsRule?
    public var itemLinks: FieldSelector?
    public var nextPage: FieldSelector?
}

/// Where the item-specifics label/value pairs are.
public struct SpecificsRule: Sendable {
    public var rows: String
    public var label: String
    public var value: String
    /// Per-label selectors applied to the value text (e.g. a regex keeping "Used" of "Used: An item that …").
    public var overrides: [String: FieldSelector]
}

/// One way to get a field's value.
public struct FieldSelector: Sendable {
    public enum Source: Sendable, Equatable {
        case xpath(String)
        case url
    }

    public var source: Source
    public var regex: NSRegularExpressionBox?
    public var join: String?
    public var all: Bool
    public var trim: Bool
    public var defaultValue: String?
    public var stripQuery: Bool
}

/// A compiled regular expression that can cross concurrency domains (it is immutable once built).
public struct NSRegularExpressionBox: @unchecked Sendable {
    public let pattern: String
    public let expression: NSRegularExpression

    public init(_ pattern: String) throws {
        self.pattern = pattern
        self.expression = try NSRegularExpression(pattern: pattern, options: [])
    }

    /// The first capture group of the first match (or the whole match when there is no group).
    public func capture(in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = expression.firstMatch(in: text, range: range) else { return nil }
        let group = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
        guard group.location != NSNotFound, let swiftRange = Range(group, in: text) else { return nil }
        return String(text[swiftRange])
    }

    public func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
