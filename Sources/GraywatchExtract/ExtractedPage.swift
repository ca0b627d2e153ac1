import GraywatchCore

/// What step 4 makes of a parsed page.
public enum ExtractedPage: Sendable {
    /// A search-results page: item links to fetch and the next results page, if any.
    case search(SearchResults)
    /// An item page: the listing it shows (not yet enriched).
    case item(Listing)
    /// Anything else (home page, help page …): nothing to extract.
    case other
}

/// The links a search-results page yields.
public struct SearchResults: Sendable, Equatable {
    /// Absolute item URLs, tracking query removed, in page order, without repeats.
    public var itemLinks: [String]
    /// The absolute URL of the next results page.
    public var nextPage: String?

    public init(itemLinks: [String], nextPage: String?) {
        self.itemLinks = itemLinks
        self.nextPage = nextPage
    }
}

/// Why a page of a known kind yielded nothing usable. Every case names the page.
public enum ExtractError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingField(url: String, field: String)

    public var description: String {
        switch self {
        case .missingField(let url, let field): return "\(url): item page without a \(field)"
        }
    }
}
