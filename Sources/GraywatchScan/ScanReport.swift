/// What a scan did: pages by kind, failures with their reasons, what robots.txt kept us from, and the queue.
public struct ScanReport: Sendable {
    public var pagesFetched = 0
    public var searchPages = 0
    public var itemPages = 0
    public var otherPages = 0
    /// Store row ids of the listings seen in this scan.
    public var listingRefs: [Int64] = []
    public var failures: [PageFailure] = []
    public var skippedByRobots: [String] = []
    public var skippedOutOfScope: [String] = []
    /// Review items opened by this scan.
    public var opened = 0
    /// Review items already in the queue and updated.
    public var updated = 0
    /// True when the page cap stopped the scan before the frontier was empty.
    public var hitPageCap = false

    public init() {}
}

/// A page that yielded nothing, and why.
public struct PageFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var url: String
    /// The stage that failed: fetch, http, parse, extract, store.
    public var stage: String
    public var reason: String

    public init(url: String, stage: String, reason: String) {
        self.url = url
        self.stage = stage
        self.reason = reason
    }

    public var description: String { "\(LogSafe.text(url)): \(stage): \(LogSafe.text(reason))" }
}
