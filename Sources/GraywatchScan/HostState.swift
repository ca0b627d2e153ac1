import Foundation
import GraywatchFetch

/// What the crawler knows about one host (scheme + host + port): its robots.txt, its pace and its health.
struct HostState {
    enum RobotsState {
        /// Not asked yet.
        case unknown
        /// A robots.txt fetch is in flight.
        case fetching
        /// Rules in force until `expires`.
        case ready(Robots, expires: Date)
        /// The last fetch answered 5xx or failed: everything is disallowed until `retryAt`.
        case unavailable(retryAt: Date, attempts: Int)
    }

    var robots: RobotsState = .unknown
    var inFlight = 0
    /// No request may start before this.
    var nextAllowed = Date.distantPast
    var consecutiveFailures = 0
    var parked = false
    /// The URLs waiting for this host, in discovery order.
    var queue: [CrawlJob] = []
    /// The site adapter's pace, if it sets one.
    var siteDelay: Double?
    var sitePerHost: Int?

    /// Transfers allowed at once: the scan's limit, lowered by the site adapter's.
    func concurrency(_ politeness: Politeness) -> Int {
        min(politeness.perHostConcurrency, sitePerHost ?? politeness.perHostConcurrency)
    }

    /// Seconds between requests: the scan's minimum, raised by the site adapter and by Crawl-delay, multiplied
    /// when the host is failing.
    func delay(_ politeness: Politeness) -> Double {
        var delay = max(politeness.minimumDelay, siteDelay ?? 0)
        if case .ready(let robots, _) = robots, let crawlDelay = robots.crawlDelay {
            delay = max(delay, min(crawlDelay, politeness.maxCrawlDelay))
        }
        if consecutiveFailures >= politeness.slowAfterFailures {
            delay = max(delay, politeness.backoffBase) * politeness.slowFactor
        }
        return delay
    }

    /// The robots rules usable now, or nil while unknown, fetching, expired or unavailable.
    func usableRobots(now: Date) -> Robots? {
        if case .ready(let robots, let expires) = robots, expires > now { return robots }
        return nil
    }

    /// True when a robots.txt fetch should start now.
    func needsRobotsFetch(now: Date) -> Bool {
        switch robots {
        case .unknown: return true
        case .fetching: return false
        case .ready(_, let expires): return expires <= now
        case .unavailable(let retryAt, _): return retryAt <= now
        }
    }

    /// Index of the first job that may start now, if the host itself may take a request now.
    func readyJobIndex(now: Date, politeness: Politeness) -> Int? {
        guard !parked, inFlight < concurrency(politeness), nextAllowed <= now, usableRobots(now: now) != nil
        else { return nil }
        return queue.firstIndex { ($0.notBefore ?? .distantPast) <= now }
    }

    /// When this host could next start a job (ignoring robots fetches), nil when it has nothing to do.
    func earliestStart(politeness: Politeness) -> Date? {
        guard !parked, !queue.isEmpty, inFlight < concurrency(politeness) else { return nil }
        let firstJob = queue.map { $0.notBefore ?? .distantPast }.min() ?? .distantPast
        var start = max(nextAllowed, firstJob)
        if case .unavailable(let retryAt, _) = robots { start = max(start, retryAt) }
        return start
    }
}

/// One URL to fetch, with where it came from and how often it was tried.
struct CrawlJob: Sendable {
    var url: String
    var depth: Int
    var attempts: Int
    /// Not before this time (a retry's backoff or Retry-After).
    var notBefore: Date?
    /// scheme://host[:port]
    var origin: String
}
