import Foundation
import GraywatchEnrich
import GraywatchCore
import GraywatchExtract
import GraywatchFetch
import GraywatchFeeds
import GraywatchRules
import GraywatchSchedule
import GraywatchStore
import Logging

/// One run of a scan profile, start to end: plan (queries over the catalog, plus the listings under enforcement
/// to re-check), crawl (alone or as one of several workers), record what is new, changed and gone, verify
/// takedowns, re-open relisted items, and tell enforcement (webhooks) and monitoring (metrics).
///
/// A run that was killed is continued by the next invocation for the same profile: the frontier, the changes
/// and the outbox are all in the store.
public struct ProfileRunner: Sendable {
    public var profile: ScanProfile
    public var catalog: Catalog
    public var adapters: AdapterSet
    public var rules: RuleSet
    public var store: Store
    public var logger: Logger
    /// Marketplace name → `scheme://host[:port]` its URLs are moved to (the sample marketplace on loopback).
    public var origins: [String: String] = [:]
    /// Set when several processes share the run.
    public var worker: CrawlWorker?
    public var metrics: GraywatchMetrics?
    public var webhookSender = WebhookSender()
    public var webhookPolicy = WebhookRetryPolicy()
    /// Resolves a delivery's signing secret (by default from the environment variable the profile names).
    public var secrets: WebhookDispatcher.SecretResolver = WebhookDispatcher.environmentSecrets()
    /// Applied to the scan configuration after the profile's own settings (tests and demos turn delays down).
    public var adjust: (@Sendable (inout ScanConfiguration) -> Void)?
    public var observer: (@Sendable (ScanProgress) -> Void)?
    public var stop: StopSignal?

    public init(profile: ScanProfile, catalog: Catalog, adapters: AdapterSet, rules: RuleSet, store: Store, logger: Logger) {
        self.profile = profile
        self.catalog = catalog
        self.adapters = adapters
        self.rules = rules
        self.store = store
        self.logger = logger
    }

    /// Runs (or continues) the profile's run once.
    public func run(now: Date = Date()) async throws -> ProfileRunReport {
        metrics?.scanStarted(profile: profile.name)
        let started = Date()
        if try store.feedCursor(profile: profile.name) == nil {
            // A new feed starts from now: history before the profile existed is not replayed.
            try store.setFeedCursor(profile: profile.name, to: try store.lastAuditID())
        }
        let planned = try configuration(now: now)
        let json = String(decoding: try JSONEncoder().encode(planned), as: UTF8.self)
        let start = planned.startURLs.compactMap { URLNormalizer(strippedParameters: planned.stripQueryParameters).normalize($0) }
            .map { FrontierEntry(url: $0, depth: 0) }
        let (run, created) = try store.beginOrJoinRun(profile: profile.name, configurationJSON: json, start: start)
        var configuration = planned
        if !created, let stored = try store.unfinishedRun(profile: profile.name), stored.id == run {
            configuration = try JSONDecoder().decode(ScanConfiguration.self, from: Data(stored.configurationJSON.utf8))
            logger.info("profile \(profile.name): continuing run \(run)")
        }
        var ruleSet = rules
        if let queue = profile.thresholds.queue { ruleSet.threshold = queue }
        var scanner = ListingScanner(configuration: configuration, adapters: adapters, enricher: Enricher(catalog: catalog),
                                     rules: ruleSet, store: store, logger: logger)
        scanner.profile = profile.name
        scanner.worker = worker
        scanner.observer = observer
        scanner.stop = stop
        var report = ProfileRunReport(profile: profile.name, run: run, joined: !created)
        report.scan = await scanner.resume(run: run)
        record(report.scan)
        if report.scan.finished {
            report.changes = report.scan.changes ?? RunChanges(run: run, changes: [])
            let verifier = TakedownVerifier(store: store, logger: logger,
                                            stillLiveAfter: Double(profile.verification.stillLiveAfter?.seconds ?? 72 * 3600))
            report.verification = verifier.verify(run: run, marketplaces: profile.marketplaces.map(\.name),
                                                  listings: report.scan.listingRefs, normalizer: scanner.normalizer, now: now)
            let publisher = FeedPublisher(profile: profile, store: store, logger: logger, notifyScore: profile.thresholds.notify
                                          ?? ruleSet.threshold)
            publisher.enqueue(report, duration: Date().timeIntervalSince(started))
        }
        report.webhooks = await dispatcher().drain()
        let success = report.scan.finished && report.scan.failures.filter { $0.stage == "store" }.isEmpty
        metrics?.scanFinished(profile: profile.name, duration: Date().timeIntervalSince(started), success: success)
        if let counts = try? store.queueCounts() { metrics?.setQueueSizes(counts.byStatus) }
        return report
    }

    /// The scan configuration the profile asks for, with the URLs of listings under enforcement added.
    public func configuration(now: Date = Date()) throws -> ScanConfiguration {
        let plan = QueryPlanner(catalog: catalog).plan(profile, origins: origins)
        if let note = plan.note { logger.notice("profile \(profile.name): \(note)") }
        let names = profile.marketplaces.map(\.name)
        let recheck = try store.enforcementItems(marketplaces: names).map { rebased($0.url, marketplace: $0.marketplace) }
        var configuration = ScanConfiguration(
            startURLs: plan.marketplaces.flatMap(\.startURLs) + recheck,
            marketplace: names.count == 1 ? names.first : nil)
        let limits = profile.limits, politeness = profile.politeness
        if let pages = limits.maxPages { configuration.maxPages = pages }
        if let depth = limits.maxDepth { configuration.maxDepth = depth }
        if let delay = politeness.delay { configuration.politeness.minimumDelay = delay }
        if let concurrency = politeness.concurrency { configuration.politeness.globalConcurrency = concurrency }
        if let perHost = politeness.perHost { configuration.politeness.perHostConcurrency = perHost }
        if let attempts = politeness.maxAttempts { configuration.politeness.maxAttempts = attempts }
        if let timeout = politeness.timeout { configuration.fetch.totalTimeout = timeout }
        if let contact = profile.identity.contact { configuration.fetch.userAgent = FetchOptions.userAgent(contact: contact) }
        if let agent = profile.identity.userAgent { configuration.fetch.userAgent = agent }
        if let share = profile.thresholds.reopenPriceShare { configuration.reopenPriceShare = share }
        adjust?(&configuration)
        return configuration
    }

    private func rebased(_ url: String, marketplace: String) -> String {
        origins[marketplace].map { QueryPlanner.rebase(url, onto: $0) } ?? url
    }

    private func record(_ scan: ScanReport) {
        guard let metrics else { return }
        for (status, count) in scan.stats.responsesByStatusClass {
            for _ in 0..<count { metrics.pageFetched(profile: profile.name, status: Int(status.prefix(1)).map { $0 * 100 }) }
        }
        for _ in 0..<scan.stats.transferErrors { metrics.pageFetched(profile: profile.name, status: nil) }
        for (category, count) in scan.findingsByCategory {
            if let category = GraywatchCore.Category(rawValue: category) {
                metrics.findingsRecorded(profile: profile.name, category: category, count: count)
            }
        }
        for failure in scan.failures { metrics.errorOccurred(profile: profile.name, stage: failure.stage) }
    }

    /// The dispatcher that sends what the outbox holds (due retries included), with this runner's sender and policy.
    public func dispatcher() -> WebhookDispatcher {
        WebhookDispatcher(outbox: StoreWebhookOutbox(store: store), sender: webhookSender, policy: webhookPolicy,
                          metrics: metrics, logger: logger, secret: secrets)
    }
}

/// What one profile run did.
public struct ProfileRunReport: Sendable {
    public var profile: String
    public var run: Int64
    /// True when this process continued (or joined) a run that was already open.
    public var joined: Bool
    public var scan = ScanReport()
    public var changes = RunChanges(run: 0, changes: [])
    public var verification = VerificationReport()
    public var webhooks = DrainReport()
}
