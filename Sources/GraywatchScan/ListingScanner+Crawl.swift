import Foundation
import GraywatchFetch
import GraywatchStore

/// What the crawl loop waits for.
private enum CrawlEvent: Sendable {
    case page(CrawlJob, Visit)
    case robots(origin: String, HostState.RobotsState)
    case tick
}

extension ListingScanner {
    /// The crawl loop: starts transfers while the global and per-host limits allow, waits for one to finish
    /// (or for a delay to pass), stores what it produced, and goes on until the frontier is empty.
    func crawl(run: Int64) async -> ScanReport {
        var report = ScanReport()
        report.runID = run
        let started = Date()
        let politeness = configuration.politeness
        let scope = self.scope
        var state: CrawlState
        do {
            let frontier = try store.frontier(run: run)
            state = CrawlState(politeness: politeness, scope: scope, seen: frontier.seen)
            for entry in frontier.pending {
                guard let origin = ListingScanner.origin(entry.url) else { continue }
                state.enqueue(CrawlJob(url: entry.url, depth: entry.depth, attempts: entry.attempts, origin: origin),
                              adapter: extractor.adapters.adapter(for: entry.url))
            }
        } catch {
            report.failures.append(PageFailure(url: "", stage: "store", reason: "\(error)"))
            return report
        }

        await withTaskGroup(of: CrawlEvent.self) { group in
            var inFlight = 0, robotsInFlight = 0
            var timerArmed = false
            while true {
                let now = Date()
                for origin in state.originsNeedingRobots(now: now) {
                    var attempts = 0
                    state.update(origin) { host in
                        if case .unavailable(_, let previous) = host.robots { attempts = previous }
                        host.robots = .fetching
                    }
                    robotsInFlight += 1
                    group.addTask { .robots(origin: origin, await self.fetchRobots(origin, previousAttempts: attempts)) }
                }
                var blocked: [(CrawlJob, Robots)] = []
                while inFlight < politeness.globalConcurrency, report.pagesFetched + inFlight < configuration.maxPages,
                    let job = state.takeReady(now: now, blocked: { blocked.append(($0, $1)) })
                {
                    inFlight += 1
                    group.addTask { .page(job, await self.visit(job, scope: scope)) }
                }
                for (job, robots) in blocked { blockedByRobots(job, robots: robots, run: run, report: &report) }
                if report.pagesFetched + inFlight >= configuration.maxPages, !state.isEmpty { report.hitPageCap = true }
                let capReached = report.pagesFetched >= configuration.maxPages
                if inFlight == 0, robotsInFlight == 0, state.isEmpty || capReached { break }
                if !timerArmed, let wake = state.earliestWake(), wake > now {
                    timerArmed = true
                    let nanoseconds = UInt64(min(wake.timeIntervalSince(now), 3600) * 1_000_000_000)
                    group.addTask {
                        try? await Task.sleep(nanoseconds: nanoseconds)
                        return .tick
                    }
                }
                if inFlight == 0, robotsInFlight == 0, !timerArmed { break }
                guard let event = await group.next() else { break }
                switch event {
                case .tick:
                    timerArmed = false
                case .robots(let origin, let result):
                    robotsInFlight -= 1
                    robotsArrived(origin, result, state: &state, run: run, report: &report)
                case .page(let job, let visit):
                    inFlight -= 1
                    handle(visit, of: job, state: &state, run: run, report: &report)
                    state.finished(job.origin)
                }
            }
            group.cancelAll()
        }

        score(run: run, report: &report)
        report.stats.durationSeconds = Date().timeIntervalSince(started)
        if !report.hitPageCap || state.isEmpty {
            let stats = (try? JSONEncoder().encode(report.stats)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            do { try store.finishRun(run, statsJSON: stats) } catch {
                report.failures.append(PageFailure(url: "", stage: "store", reason: "\(error)"))
            }
        }
        return report
    }
}
