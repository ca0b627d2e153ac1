import Foundation
import GraywatchStore

/// What a scan did: pages by kind, failures with their reasons, what robots.txt kept us from, the queue, the stats.
public struct ScanReport: Sendable {
    /// The scan run in the store (resume it with `scan --resume` if it was interrupted).
    public var runID: Int64 = 0
    /// URLs whose fetching ended (a page, or a final failure); robots-blocked and parked URLs not counted.
    public var pagesFetched = 0
    public var searchPages = 0
    public var itemPages = 0
    public var otherPages = 0
    /// Store row ids of the listings this run's item pages yielded (including unchanged ones answered 304).
    public var listingRefs: [Int64] = []
    public var failures: [PageFailure] = []
    public var skippedByRobots: [String] = []
    /// Review items opened by this scan.
    public var opened = 0
    /// Review items already in the queue and updated.
    public var updated = 0
    /// True when the page cap stopped the scan before the frontier was empty.
    public var hitPageCap = false
    public var stats = ScanStats()
    /// Findings of the listings scored (all rules that fired).
    public var findings = 0
    /// Findings per category, for metrics.
    public var findingsByCategory: [String: Int] = [:]
    /// True when a stop request (SIGTERM) ended the crawl early: the run stays open to be continued.
    public var interrupted = false
    /// Whether this process closed the run (a worker that did not score it leaves it to another).
    public var finished = false
    /// For a profile's run: what is new, changed and gone since its last run.
    public var changes: RunChanges?
    /// When this process took the run up, and the seconds earlier processes spent on it (a resumed run):
    /// `stats.durationSeconds` is their sum.
    var processStarted = Date()
    var earlierSeconds = 0.0

    /// The run's duration so far, over every process that worked on it.
    var runSeconds: Double { earlierSeconds + Date().timeIntervalSince(processStarted) }

    public init() {}
}

/// A page that yielded nothing, and why.
public struct PageFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var url: String
    /// The stage that failed: robots, fetch, http, parse, extract, store.
    public var stage: String
    public var reason: String

    public init(url: String, stage: String, reason: String) {
        self.url = url
        self.stage = stage
        self.reason = reason
    }

    public var description: String { "\(LogSafe.text(url)): \(stage): \(LogSafe.text(reason))" }
}
