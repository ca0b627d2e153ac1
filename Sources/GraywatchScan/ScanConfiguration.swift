import GraywatchFetch

/// What one scan crawls and within which limits.
public struct ScanConfiguration: Sendable {
    /// Search or item URLs to start from; their hosts are the scan's scope.
    public var startURLs: [String]
    /// The marketplace name listings are stored under; defaults to the start URL's host.
    public var marketplace: String?
    /// Stop after fetching this many pages (robots.txt not counted).
    public var maxPages: Int
    /// Seconds to wait between two requests to the same host.
    public var minimumDelay: Double
    public var fetch: FetchOptions
    /// Listings needed before a market median counts as a reference price.
    public var minimumMarketSamples: Int

    public init(
        startURLs: [String], marketplace: String? = nil, maxPages: Int = 1000, minimumDelay: Double = 1.0,
        fetch: FetchOptions = FetchOptions(), minimumMarketSamples: Int = 3
    ) {
        self.startURLs = startURLs
        self.marketplace = marketplace
        self.maxPages = maxPages
        self.minimumDelay = minimumDelay
        self.fetch = fetch
        self.minimumMarketSamples = minimumMarketSamples
    }
}
