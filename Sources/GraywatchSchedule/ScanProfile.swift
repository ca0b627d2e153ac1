/// A value read from a profile file, with where it was written (so later checks can point at it).
public struct Located<Value: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    public var value: Value
    public var location: ProfileLocation

    public init(_ value: Value, at location: ProfileLocation) {
        self.value = value
        self.location = location
    }
}

/// What one scheduled scan sweeps: a file under `rules/scans/*.yml` (format: docs/profiles.md).
///
/// Every setting beyond the marketplaces is an optional override; nil keeps the scanner's default.
public struct ScanProfile: Sendable, Equatable, Codable {
    /// Unique across the profile folder: `[a-z0-9_-]+`, the file name without `.yml` unless given.
    public var name: String
    /// Where the name was written (`name:`), or the start of the file when it is the file's name.
    public var nameLocation: ProfileLocation
    /// Free text for the analysts who read the file.
    public var description: String?
    /// The file the profile was read from, as shown in errors.
    public var file: String
    /// A profile with `enabled: false` is never started by the scheduler (running it by hand still works).
    public var enabled: Bool
    /// The cron expression as written (validated by the scheduler, not here); nil: runs only by hand.
    public var schedule: Located<String>?
    /// IANA time zone the schedule is read in.
    public var timeZone: String
    public var marketplaces: [ProfileMarketplace]
    /// Literal queries and catalog templates, in file order.
    public var queries: [ProfileQuery]
    public var limits: ProfileLimits
    public var politeness: ProfilePoliteness
    public var identity: ProfileIdentity
    public var thresholds: ProfileThresholds
    public var verification: ProfileVerification
    public var webhook: ProfileWebhook?

    /// Queries a profile without `limits.max_queries` may expand to.
    public static let defaultMaxQueries = 200

    public init(
        name: String, nameLocation: ProfileLocation? = nil, description: String? = nil, file: String, enabled: Bool = true, schedule: Located<String>? = nil,
        timeZone: String = "UTC", marketplaces: [ProfileMarketplace], queries: [ProfileQuery] = [],
        limits: ProfileLimits = ProfileLimits(), politeness: ProfilePoliteness = ProfilePoliteness(),
        identity: ProfileIdentity = ProfileIdentity(), thresholds: ProfileThresholds = ProfileThresholds(),
        verification: ProfileVerification = ProfileVerification(), webhook: ProfileWebhook? = nil
    ) {
        self.name = name
        self.nameLocation = nameLocation ?? ProfileLocation(file: file, line: 1, column: 1)
        self.description = description
        self.file = file
        self.enabled = enabled
        self.schedule = schedule
        self.timeZone = timeZone
        self.marketplaces = marketplaces
        self.queries = queries
        self.limits = limits
        self.politeness = politeness
        self.identity = identity
        self.thresholds = thresholds
        self.verification = verification
        self.webhook = webhook
    }
}

/// One marketplace a profile sweeps: its search URL (run once per query) and/or fixed start URLs.
public struct ProfileMarketplace: Sendable, Equatable, Codable {
    /// The marketplace name listings are stored under (`ScanConfiguration.marketplace`).
    public var name: String
    /// An http(s) URL holding `{query}` (percent-encoded) and/or `{query_slug}` (lower-case words joined by `-`).
    public var searchURL: String?
    /// Literal http(s) URLs fetched as they are.
    public var startURLs: [String]
    public var location: ProfileLocation

    public init(name: String, searchURL: String? = nil, startURLs: [String] = [], location: ProfileLocation) {
        self.name = name
        self.searchURL = searchURL
        self.startURLs = startURLs
        self.location = location
    }
}

/// One entry of `queries:`: a literal search, or a template expanded over the catalog.
public enum ProfileQuery: Sendable, Equatable, Codable {
    case literal(Located<String>)
    case template(QueryTemplate)
}

/// `template: "juniper {sku}"` with catalog filters; `{sku}`, `{family}` and `{query}` (each literal query).
public struct QueryTemplate: Sendable, Equatable, Codable {
    public var text: String
    public var filter: CatalogFilter
    public var location: ProfileLocation

    public init(text: String, filter: CatalogFilter = CatalogFilter(), location: ProfileLocation) {
        self.text = text
        self.filter = filter
        self.location = location
    }

    /// Placeholders the template text may hold.
    public static let placeholders = ["sku", "family", "query"]

    public var usesSKU: Bool { text.contains("{sku}") }
    public var usesFamily: Bool { text.contains("{family}") }
    public var usesQuery: Bool { text.contains("{query}") }
}

/// Which catalog entries a template runs over. Values of one key are alternatives; keys must all hold.
public struct CatalogFilter: Sendable, Equatable, Codable {
    /// Catalog families, compared ignoring case.
    public var families: [Located<String>]
    /// `device` or `module`.
    public var kinds: [Located<String>]
    /// Part-number globs (`*` any run, `?` one character), compared ignoring case.
    public var skus: [Located<String>]
    /// true: only entries with an end-of-sale date; false: only entries without one.
    public var endOfSale: Located<Bool>?

    public init(families: [Located<String>] = [], kinds: [Located<String>] = [], skus: [Located<String>] = [],
                endOfSale: Located<Bool>? = nil) {
        self.families = families
        self.kinds = kinds
        self.skus = skus
        self.endOfSale = endOfSale
    }

    public var isEmpty: Bool { families.isEmpty && kinds.isEmpty && skus.isEmpty && endOfSale == nil }
}

/// `limits:` — crawl caps (`ScanConfiguration.maxPages`, `.maxDepth`) and the query cap.
public struct ProfileLimits: Sendable, Equatable, Codable {
    public var maxPages: Int?
    public var maxDepth: Int?
    /// Queries kept after expansion (nil: `ScanProfile.defaultMaxQueries`).
    public var maxQueries: Int?

    public init(maxPages: Int? = nil, maxDepth: Int? = nil, maxQueries: Int? = nil) {
        self.maxPages = maxPages
        self.maxDepth = maxDepth
        self.maxQueries = maxQueries
    }
}

/// `politeness:` — overrides of `Politeness` and `FetchOptions.totalTimeout`.
public struct ProfilePoliteness: Sendable, Equatable, Codable {
    /// Seconds between two requests to one host (`minimumDelay`).
    public var delay: Double?
    /// Transfers in flight, all hosts together (`globalConcurrency`).
    public var concurrency: Int?
    /// Transfers in flight to one host (`perHostConcurrency`).
    public var perHost: Int?
    public var maxAttempts: Int?
    /// Seconds one transfer may take (`totalTimeout`).
    public var timeout: Double?

    public init(delay: Double? = nil, concurrency: Int? = nil, perHost: Int? = nil, maxAttempts: Int? = nil,
                timeout: Double? = nil) {
        self.delay = delay
        self.concurrency = concurrency
        self.perHost = perHost
        self.maxAttempts = maxAttempts
        self.timeout = timeout
    }
}

/// `identity:` — who the crawler says it is (`FetchOptions.userAgent`); `userAgent` wins over `contact`.
public struct ProfileIdentity: Sendable, Equatable, Codable {
    /// A URL or `mailto:` a site owner can reach, put into the default User-Agent.
    public var contact: String?
    /// The whole User-Agent header; must name graywatch.
    public var userAgent: String?

    public init(contact: String? = nil, userAgent: String? = nil) {
        self.contact = contact
        self.userAgent = userAgent
    }
}

/// `thresholds:` — the queue threshold override, the webhook's minimum score, `reopenPriceShare`.
public struct ProfileThresholds: Sendable, Equatable, Codable {
    public var queue: Int?
    public var notify: Int?
    public var reopenPriceShare: Double?

    public init(queue: Int? = nil, notify: Int? = nil, reopenPriceShare: Double? = nil) {
        self.queue = queue
        self.notify = notify
        self.reopenPriceShare = reopenPriceShare
    }
}

/// `verification:` — how rescans judge takedowns.
public struct ProfileVerification: Sendable, Equatable, Codable {
    /// How long an enforcement-requested listing may stay live before it is marked still-live.
    public var stillLiveAfter: ProfileDuration?

    public init(stillLiveAfter: ProfileDuration? = nil) { self.stillLiveAfter = stillLiveAfter }
}

/// `webhook:` — where new findings are announced; the signing secret comes from the environment only.
public struct ProfileWebhook: Sendable, Equatable, Codable {
    /// An http(s) URL.
    public var url: String
    /// The environment variable holding the HMAC signing secret (never the secret itself).
    public var secretEnv: String?
    public var events: [Event]
    public var location: ProfileLocation

    public init(url: String, secretEnv: String? = nil, events: [Event] = [.newItem],
                location: ProfileLocation) {
        self.url = url
        self.secretEnv = secretEnv
        self.events = events
        self.location = location
    }

    /// What a webhook is told about.
    public enum Event: String, Sendable, Equatable, Codable, CaseIterable {
        /// A review item opened (score at or above `thresholds.notify`).
        case newItem = "new_item"
        /// A review item changed status.
        case statusChange = "status_change"
        /// A rescan found an enforcement-requested listing still live after `verification.still_live_after`.
        case stillLive = "still_live"
        /// A scan run of the profile finished.
        case scanFinished = "scan_finished"
    }
}
