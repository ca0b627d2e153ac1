import Foundation
import GraywatchExtract
import GraywatchFetch
import GraywatchStore

/// The crawl loop's bookkeeping: per-host queues and state, the URLs already seen, and the scope.
struct CrawlState {
    let politeness: Politeness
    let scope: Set<String>
    private(set) var hosts: [String: HostState] = [:]
    /// Every URL admitted so far, as fingerprints (the crawl's only state that grows with its size).
    private(set) var seen: URLSeenSet
    /// Hosts in the order they were first met, for round-robin fairness.
    private var order: [String] = []
    private var cursor = 0

    init(politeness: Politeness, scope: Set<String>, seen: Set<String>) {
        self.politeness = politeness
        self.scope = scope
        self.seen = URLSeenSet(seen)
    }

    var isEmpty: Bool { hosts.values.allSatisfy { $0.queue.isEmpty } }

    /// Jobs waiting in the hosts' queues.
    var queuedCount: Int { hosts.values.reduce(0) { $0 + $1.queue.count } }

    /// Adds a job to its host's queue (already deduplicated and marked seen by the caller); a host met for the first time
    /// takes its site adapter's pace, where the adapter is more careful than the scan.
    mutating func enqueue(_ job: CrawlJob, adapter: SiteAdapter? = nil) {
        if hosts[job.origin] == nil {
            var host = HostState()
            host.siteDelay = adapter?.delay
            host.sitePerHost = adapter?.perHost
            hosts[job.origin] = host
            order.append(job.origin)
        }
        hosts[job.origin]?.queue.append(job)
    }

    /// Marks a URL as seen; false when it already was.
    mutating func markSeen(_ url: String) -> Bool { seen.insert(url) }

    /// Origins whose robots.txt must be fetched now (they have work waiting).
    func originsNeedingRobots(now: Date) -> [String] {
        order.filter { origin in
            guard let host = hosts[origin], !host.parked, !host.queue.isEmpty else { return false }
            return host.needsRobotsFetch(now: now)
        }
    }

    /// The next job that may start now, taking hosts in turn; the host's pace is updated as it starts.
    /// Jobs robots.txt disallows are taken out on the way and handed to `blocked` (they cost no request).
    mutating func takeReady(now: Date, blocked: (CrawlJob, Robots) -> Void) -> CrawlJob? {
        guard !order.isEmpty else { return nil }
        for step in 0..<order.count {
            let origin = order[(cursor + step) % order.count]
            guard var host = hosts[origin] else { continue }
            while let index = host.readyJobIndex(now: now, politeness: politeness) {
                let job = host.queue.remove(at: index)
                if let robots = host.usableRobots(now: now), !robots.allows(URLTools.pathAndQuery(job.url)) {
                    blocked(job, robots)
                    continue
                }
                host.inFlight += 1
                host.nextAllowed = now.addingTimeInterval(host.delay(politeness))
                hosts[origin] = host
                cursor = (cursor + step + 1) % order.count
                return job
            }
            hosts[origin] = host
        }
        return nil
    }

    /// A transfer to the host ended: the delay also runs from its end, so a slow response never lets the
    /// next request follow closer than the delay (as the server sees it), and a failure just counted can slow it.
    mutating func finished(_ origin: String, now: Date = Date()) {
        guard var host = hosts[origin] else { return }
        host.inFlight -= 1
        host.nextAllowed = max(host.nextAllowed, now.addingTimeInterval(host.delay(politeness)))
        hosts[origin] = host
    }

    mutating func update(_ origin: String, _ change: (inout HostState) -> Void) {
        if var host = hosts[origin] {
            change(&host)
            hosts[origin] = host
        }
    }

    /// Parks a host and hands back the jobs it still had.
    mutating func park(_ origin: String) -> [CrawlJob] {
        guard var host = hosts[origin] else { return [] }
        host.parked = true
        let jobs = host.queue
        host.queue.removeAll()
        hosts[origin] = host
        return jobs
    }

    /// The earliest moment some waiting job could start or some robots.txt should be asked again.
    func earliestWake() -> Date? {
        hosts.values.compactMap { $0.earliestStart(politeness: politeness) }.min()
    }
}
