import GraywatchFetch

/// What one scan crawls and within which limits. Stored with the scan run, so `--resume` continues alike.
public struct ScanConfiguration: Sendable, Codable, Equatable {
    /// Search or item URLs to start from; their hosts are the scan's scope.
    public var startURLs: [String]
    /// The marketplace name listings are stored under; defaults to the start URL's host.
    public var marketplace: String?
    /// Stop after fetching this many pages (robots.txt not counted).
    public var maxPages: Int
    /// Links further than this many hops from a start URL are not followed.
    public var maxDepth: Int
    public var politeness: Politeness
    public var fetch: FetchOptions
    /// Listings needed before a market median counts as a reference price.
    public var minimumMarketSamples: Int
    /// Query parameters removed from every URL before dedup (tracking); `*` at the end matches a prefix.
    public var stripQueryParameters: [String]
    /// A dismissed item re-opens when the price moves by more than this share (0.2 = 20%) or a new rule fires.
    /// (Optional so configurations stored by earlier versions still load; nil means 0.2.)
    public var reopenPriceShare: Double?

    public init(
        startURLs: [String], marketplace: String? = nil, maxPages: Int = 1000, maxDepth: Int = 50,
        politeness: Politeness = Politeness(), fetch: FetchOptions = FetchOptions(), minimumMarketSamples: Int = 3,
        stripQueryParameters: [String] = URLNormalizer.defaultStripped, reopenPriceShare: Double = 0.2
    ) {
        self.reopenPriceShare = reopenPriceShare
        self.startURLs = startURLs
        self.marketplace = marketplace
        self.maxPages = maxPages
        self.maxDepth = maxDepth
        self.politeness = politeness
        self.fetch = fetch
        self.minimumMarketSamples = minimumMarketSamples
        self.stripQueryParameters = stripQueryParameters
    }
}

/// How gently the crawler treats each host. The defaults are polite; tests and loopback demos turn them down.
public struct Politeness: Sendable, Codable, Equatable {
    /// Transfers in flight at once, all hosts together.
    public var globalConcurrency = 8
    /// Transfers in flight at once to one host.
    public var perHostConcurrency = 1
    /// Seconds between the starts of two requests to one host (robots.txt `Crawl-delay` can raise it).
    public var minimumDelay = 1.0
    /// Longest `Crawl-delay` honoured, in seconds.
    public var maxCrawlDelay = 60.0
    /// Attempts per URL, the first included.
    public var maxAttempts = 3
    /// First retry waits about this long (seconds); each further one doubles it, with ±50% jitter.
    public var backoffBase = 2.0
    public var backoffCap = 120.0
    /// Longest `Retry-After` honoured, in seconds.
    public var retryAfterCap = 600.0
    /// After this many failures in a row a host's delay (at least `backoffBase`) is multiplied by `slowFactor`.
    public var slowAfterFailures = 3
    public var slowFactor = 4.0
    /// After this many failures in a row a host is parked: none of its remaining URLs are fetched in this scan.
    public var parkAfterFailures = 6
    /// A robots.txt that answered 5xx or could not be reached is asked again after this many seconds.
    public var robotsRetryDelay = 60.0
    /// robots.txt fetch attempts before the host is parked.
    public var robotsMaxAttempts = 3
    /// A fetched robots.txt is used for at most this many seconds (RFC 9309: no more than 24 hours).
    public var robotsExpiry = 86_400.0

    public init() {}

    /// No delays, quick retries: for the bundled sample on loopback and for tests.
    public static var loopback: Politeness {
        var politeness = Politeness()
        politeness.minimumDelay = 0
        politeness.backoffBase = 0.05
        politeness.robotsRetryDelay = 0.2
        return politeness
    }
}
