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
    /// (or for a delay to pass), stores what it produced, and goes on until the frontier is empty. A worker
    /// leases URLs in batches and waits while others still hold some; the last one standing scores the run.
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
            if worker == nil, let earlier = try store.runStats(run).flatMap(ScanStats.init(json:)) {
                // A resumed run goes on counting from what its earlier processes stored with their pages.
                report.stats = earlier
                report.earlierSeconds = earlier.durationSeconds
            }
            let pending = try worker.map { try lease(run: run, $0) } ?? frontier.pending
            enqueue(pending, into: &state)
        } catch {
            report.failures.append(PageFailure(url: "", stage: "store", reason: "\(error)"))
            return report
        }

        var frontierDone = worker == nil
        var lastRenewal = Date()
        await withTaskGroup(of: CrawlEvent.self) { group in
            var inFlight = 0, robotsInFlight = 0
            var timerArmed = false
            while true {
                let now = Date()
                let stopping = stop?.isRequested ?? false
                if stopping {
                    report.interrupted = true
                    if inFlight == 0 { break }
                }
                if let worker, !stopping {
                    // Lease only what can start soon, so URLs wait where a free worker can take them.
                    let room = min(worker.batch, politeness.globalConcurrency - inFlight - state.queuedCount,
                                   configuration.maxPages - report.pagesFetched - inFlight)
                    if room > 0 {
                        do { enqueue(try lease(run: run, worker, limit: room), into: &state) } catch {
                            logger.error("worker: \(error)")
                        }
                    }
                    if now.timeIntervalSince(lastRenewal) > worker.leaseSeconds / 3 {
                        try? store.renewLeases(run: run, owner: worker.owner, seconds: worker.leaseSeconds)
                        lastRenewal = now
                    }
                }
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
                while !stopping, inFlight < politeness.globalConcurrency, report.pagesFetched + inFlight < configuration.maxPages,
                    let job = state.takeReady(now: now, blocked: { blocked.append(($0, $1)) })
                {
                    inFlight += 1
                    group.addTask { .page(job, await self.visit(job, scope: scope)) }
                }
                for (job, robots) in blocked { blockedByRobots(job, robots: robots, run: run, report: &report) }
                if report.pagesFetched + inFlight >= configuration.maxPages, !state.isEmpty { report.hitPageCap = true }
                let capReached = report.pagesFetched >= configuration.maxPages
                if !stopping, inFlight == 0, robotsInFlight == 0, state.isEmpty || capReached {
                    guard worker != nil, !capReached else { break }
                    // Others may still hold leases (or die holding them): wait, then lease what they leave.
                    let pending: Int
                    do { pending = try store.pendingCount(run: run).pending } catch {
                        logger.error("worker: \(error)")
                        pending = 1
                    }
                    if pending == 0 {
                        frontierDone = true
                        break
                    }
                    if !timerArmed {
                        timerArmed = true
                        group.addTask {
                            try? await Task.sleep(nanoseconds: 100_000_000)
                            return .tick
                        }
                    }
                }
                if !timerArmed, let wake = state.earliestWake(), wake > now {
                    timerArmed = true
                    let nanoseconds = UInt64(min(wake.timeIntervalSince(now), stop == nil ? 3600 : 0.5) * 1_000_000_000)
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
                    notify(.page(status: visit.status, kind: visit.kindName), report: report, queued: state.queuedCount + inFlight,
                           started: started)
                }
            }
            group.cancelAll()
        }
        if let worker { try? store.releaseLeases(run: run, owner: worker.owner) }
        if report.interrupted {
            // Stopped on request: what is done is stored, the rest stays pending for the next run to continue.
            report.stats.durationSeconds = report.runSeconds
            return report
        }
        let complete = worker == nil ? state.isEmpty && !report.hitPageCap : frontierDone
        if let worker {
            // One worker scores and closes the run; the others are done.
            guard complete, (try? store.claimScoring(run: run, owner: worker.owner, seconds: 600)) == true else {
                report.stats.durationSeconds = report.runSeconds
                return report
            }
        }
        score(run: run, report: &report)
        notify(.scored, report: report, queued: 0, started: started)
        report.stats.durationSeconds = report.runSeconds
        if complete || !report.hitPageCap {
            finish(run: run, complete: complete, report: &report)
        }
        return report
    }

    private func finish(run: Int64, complete: Bool, report: inout ScanReport) {
        let stats = report.stats.json
        do {
            if let profile {
                report.changes = try store.finishProfileRun(run, profile: profile, statsJSON: stats, complete: complete)
            } else {
                try store.finishRun(run, statsJSON: stats)
            }
            report.finished = true
            // The review queue's search is quicker over a merged index; a failure here loses nothing.
            do { try store.optimizeSearchIndex() } catch { logger.warning("search index not merged: \(error)") }
        } catch {
            report.failures.append(PageFailure(url: "", stage: "store", reason: "\(error)"))
        }
    }

    private func lease(run: Int64, _ worker: CrawlWorker, limit: Int? = nil) throws -> [FrontierEntry] {
        try store.leaseFrontier(run: run, owner: worker.owner, limit: limit ?? worker.batch, seconds: worker.leaseSeconds)
    }

    /// Queues stored URLs (the pending frontier, or a worker's lease, which may hold URLs other workers found).
    private func enqueue(_ entries: [FrontierEntry], into state: inout CrawlState) {
        for entry in entries {
            guard let origin = ListingScanner.origin(entry.url) else { continue }
            _ = state.markSeen(entry.url)
            state.enqueue(CrawlJob(url: entry.url, depth: entry.depth, attempts: entry.attempts, origin: origin),
                          adapter: extractor.adapters.adapter(for: entry.url))
        }
    }

    private func notify(_ event: ScanProgress.Event, report: ScanReport, queued: Int, started: Date) {
        observer?(ScanProgress(event: event, pagesDone: report.pagesFetched, queued: queued,
                               findings: report.findings, failures: report.failures.count, startedAt: started))
    }
}

extension Visit {
    var status: Int? {
        switch self {
        case .done(_, _, _, let status, _, _): return status
        case .attemptFailed(let status, _, _, _): return status
        }
    }

    var kindName: String? {
        if case .done(_, let kind?, _, _, _, _) = self { return kind.rawValue }
        return nil
    }
}
