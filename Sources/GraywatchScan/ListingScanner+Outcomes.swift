import Foundation
import GraywatchExtract
import GraywatchFetch
import GraywatchStore

extension ListingScanner {
    /// Stores a finished visit, or schedules a retry of a failed attempt; keeps the host's health up to date.
    func handle(_ visit: Visit, of job: CrawlJob, state: inout CrawlState, run: Int64, report: inout ScanReport) {
        switch visit {
        case .done(var record, let kind, let failure, let status, let bytes, let notModified):
            report.stats.bytes += bytes
            if let status { report.stats.responsesByStatusClass["\(status / 100)xx", default: 0] += 1 }
            else { report.stats.transferErrors += 1 }
            if notModified { report.stats.notModified += 1 }
            state.update(job.origin) { $0.consecutiveFailures = 0 }
            record.status = status
            record.discovered = admit(record.discovered, state: &state, report: &report)
            save(record, run: run, report: &report)
            report.pagesFetched += 1
            switch kind {
            case .search?: report.searchPages += 1
            case .item?: report.itemPages += 1
            case .other?: report.otherPages += 1
            case nil: break
            }
            if let failure {
                logger.warning("page failed: \(failure)")
                report.failures.append(failure)
            }
        case .attemptFailed(let status, let retryAfter, let error, let bytes):
            report.stats.bytes += bytes
            if let status { report.stats.responsesByStatusClass["\(status / 100)xx", default: 0] += 1 }
            else { report.stats.transferErrors += 1 }
            retryOrGiveUp(job, status: status, retryAfter: retryAfter, error: error, state: &state, run: run, report: &report)
        }
    }

    private func retryOrGiveUp(
        _ job: CrawlJob, status: Int?, retryAfter: String?, error: FetchError?, state: inout CrawlState, run: Int64,
        report: inout ScanReport
    ) {
        let now = Date()
        let attempt = job.attempts + 1
        var failures = 0
        state.update(job.origin) { host in
            host.consecutiveFailures += 1
            failures = host.consecutiveFailures
        }
        let reason = status.map { "HTTP status \($0)" } ?? error?.reason ?? "failed"
        if let wait = RetryPolicy(politeness: configuration.politeness)
            .delay(afterAttempt: attempt, status: status, retryAfter: retryAfter, error: error, now: now),
            failures < configuration.politeness.parkAfterFailures
        {
            report.stats.retries += 1
            logger.info("retrying \(LogSafe.text(job.url)) in \(String(format: "%.2f", wait))s after \(reason)")
            var retry = job
            retry.attempts = attempt
            retry.notBefore = now.addingTimeInterval(wait)
            if status == 429 || status == 503 {
                state.update(job.origin) { $0.nextAllowed = max($0.nextAllowed, now.addingTimeInterval(wait)) }
            }
            state.enqueue(retry)
            try? store.recordAttempt(run: run, url: job.url, attempts: attempt)
            return
        }
        let stage = status == nil ? "fetch" : "http"
        let suffix = attempt > 1 ? " (after \(attempt) attempts)" : ""
        let failure = PageFailure(url: job.url, stage: stage, reason: reason + suffix)
        logger.warning("page failed: \(failure)")
        report.failures.append(failure)
        report.pagesFetched += 1
        save(PageRecord(url: job.url, state: .failed, outcome: "\(stage): \(reason)\(suffix)"), run: run, report: &report)
        if failures >= configuration.politeness.parkAfterFailures { park(job.origin, state: &state, run: run, report: &report) }
    }

    /// Parks a failing host: its remaining URLs are not fetched in this scan.
    func park(_ origin: String, state: inout CrawlState, run: Int64, report: inout ScanReport, reason: String? = nil) {
        let why = reason ?? "host parked after \(configuration.politeness.parkAfterFailures) failures in a row"
        logger.warning("parking \(LogSafe.text(origin)): \(why)")
        if !report.stats.parkedHosts.contains(origin) { report.stats.parkedHosts.append(origin) }
        for job in state.park(origin) {
            report.failures.append(PageFailure(url: job.url, stage: "parked", reason: why))
            save(PageRecord(url: job.url, state: .parked, outcome: why), run: run, report: &report)
        }
    }

    func robotsArrived(
        _ origin: String, _ result: HostState.RobotsState, state: inout CrawlState, run: Int64, report: inout ScanReport
    ) {
        state.update(origin) { $0.robots = result }
        if case .unavailable(_, let attempts) = result, attempts >= configuration.politeness.robotsMaxAttempts {
            park(origin, state: &state, run: run, report: &report,
                 reason: "robots.txt unavailable after \(attempts) attempts: everything disallowed")
        }
    }

    func blockedByRobots(_ job: CrawlJob, robots: Robots, run: Int64, report: inout ScanReport) {
        let rule = robots.decidingRule(for: URLTools.pathAndQuery(job.url))
        let because = rule.map { "robots.txt line \($0.line) disallows it" } ?? "robots.txt disallows it"
        logger.info("\(LogSafe.text(job.url)): \(because)")
        report.skippedByRobots.append(job.url)
        report.stats.robotsBlocked += 1
        save(PageRecord(url: job.url, state: .robots, outcome: because), run: run, report: &report)
    }

    /// Normalizes discovered links and keeps those in scope, within the depth limit and not seen before.
    private func admit(_ discovered: [FrontierEntry], state: inout CrawlState, report: inout ScanReport) -> [FrontierEntry] {
        var admitted: [FrontierEntry] = []
        for entry in discovered {
            let adapter = extractor.adapters.adapter(for: entry.url)
            guard let url = normalizer.normalize(entry.url, alsoStripping: adapter?.stripQuery ?? [], keeping: adapter?.keepQuery),
                let origin = ListingScanner.origin(url)
            else { continue }
            guard state.scope.contains(origin) else {
                report.stats.outOfScope += 1
                continue
            }
            guard entry.depth <= configuration.maxDepth, state.markSeen(url) else { continue }
            admitted.append(FrontierEntry(url: url, depth: entry.depth))
            // A worker only stores what it finds: whoever leases a URL fetches it.
            if worker == nil {
                state.enqueue(CrawlJob(url: url, depth: entry.depth, attempts: 0, origin: origin), adapter: adapter)
            }
        }
        return admitted
    }

    private func save(_ record: PageRecord, run: Int64, report: inout ScanReport) {
        var record = record
        if worker == nil {
            // Workers share a run and each counts only its own pages: the one that closes it stores its counts.
            var stats = report.stats
            stats.durationSeconds = report.runSeconds
            record.runStatsJSON = stats.json
        }
        do {
            try store.record(record, run: run)
        } catch {
            let failure = PageFailure(url: record.url, stage: "store", reason: "\(error)")
            logger.error("\(failure)")
            report.failures.append(failure)
        }
    }
}
