import GraywatchCore

/// A URL waiting in (or done with) a scan run's frontier.
public struct FrontierEntry: Sendable, Equatable {
    public var url: String
    /// Hops from a start URL.
    public var depth: Int
    /// Fetch attempts already made.
    public var attempts: Int

    public init(url: String, depth: Int, attempts: Int = 0) {
        self.url = url
        self.depth = depth
        self.attempts = attempts
    }
}

/// Where a frontier URL ended up.
public enum FrontierState: String, Sendable, Codable {
    case pending, done, failed
    /// robots.txt disallows it.
    case robots
    /// Its host was parked after failing again and again.
    case parked
}

/// What a page yielded last time it was fetched, kept for conditional requests on rescans.
public struct PageCacheEntry: Sendable, Equatable {
    public enum Kind: String, Sendable { case search, item, other }
    public var url: String
    public var etag: String?
    public var lastModified: String?
    public var kind: Kind
    /// Search pages: the item links and next page they yielded.
    public var links: [String]
    /// Item pages: the listing row.
    public var listingRef: Int64?

    public init(url: String, etag: String?, lastModified: String?, kind: Kind, links: [String] = [], listingRef: Int64? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.kind = kind
        self.links = links
        self.listingRef = listingRef
    }
}

/// What processing one frontier URL produced, saved in one transaction.
public struct PageRecord: Sendable {
    public var url: String
    public var state: FrontierState
    /// A short outcome for people ("200 item", "HTTP status 404", "robots.txt line 3").
    public var outcome: String
    /// The listing of an item page (saved or updated).
    public var listing: Listing?
    /// An item page answered 304: the listing already stored.
    public var unchangedListingRef: Int64?
    /// URLs discovered on the page, for the frontier.
    public var discovered: [FrontierEntry]
    /// Validators and links to keep for the next scan.
    public var cache: PageCacheEntry?
    /// The fetch itself, kept as evidence with the listing (item pages).
    public var observation: ObservationInput?
    /// The final HTTP status, when there was an answer (takedown verification reads it).
    public var status: Int?
    /// The run's statistics so far, this page counted (JSON): kept with the page in the same transaction, so a
    /// process killed at any moment leaves the counts of exactly the pages it stored. Nil leaves them as they are.
    public var runStatsJSON: String?

    public init(url: String, state: FrontierState, outcome: String, listing: Listing? = nil,
                unchangedListingRef: Int64? = nil, discovered: [FrontierEntry] = [], cache: PageCacheEntry? = nil,
                observation: ObservationInput? = nil, status: Int? = nil) {
        self.status = status
        self.url = url
        self.state = state
        self.outcome = outcome
        self.listing = listing
        self.unchangedListingRef = unchangedListingRef
        self.discovered = discovered
        self.cache = cache
        self.observation = observation
    }
}
