import Foundation
import GraywatchSampleSite
import GraywatchTestSupport
import Testing

/// Issue 9, crash safety: a scan SIGKILLed at random points (start-up and migrations, mid-crawl, scoring and finishing)
/// and resumed after each kill ends with exactly what an uninterrupted scan of the same marketplace stores — nothing
/// lost, nothing stored twice — in a database whose integrity checks are clean and whose evidence hashes verify.
///
/// `GRAYWATCH_CRASH_KILLS` (default 20) and `GRAYWATCH_CRASH_SEED` (default: a new one, printed) set the kills;
/// `GRAYWATCH_CRASH_URL` (with `GRAYWATCH_CRASH_MARKETPLACE`) scans a running marketplace instead of the bundled one
/// (bench/crash-safety.sh passes them through).
@Suite struct CrashSafetyTests {
    struct Settings {
        var kills = 20
        var seed = UInt64.random(in: 1...UInt64.max)
        var url: String?
        var marketplace = "tradewell"
        var delay = "0.02"

        static func fromEnvironment() -> Settings {
            let environment = ProcessInfo.processInfo.environment
            var settings = Settings()
            if let kills = environment["GRAYWATCH_CRASH_KILLS"].flatMap(Int.init) { settings.kills = kills }
            if let seed = environment["GRAYWATCH_CRASH_SEED"].flatMap({ UInt64($0) }) { settings.seed = seed }
            settings.url = environment["GRAYWATCH_CRASH_URL"]
            if let marketplace = environment["GRAYWATCH_CRASH_MARKETPLACE"] { settings.marketplace = marketplace }
            if let delay = environment["GRAYWATCH_CRASH_DELAY"] { settings.delay = delay }
            return settings
        }
    }

    @Test func scanKilledAtRandomPointsAndResumedStoresExactlyWhatAnUninterruptedScanStores() async throws {
        let settings = Settings.fromEnvironment()
        let plan = KillPlan(count: settings.kills, seed: settings.seed)
        print("crash-safety: \(settings.kills) kills, seed \(settings.seed) (GRAYWATCH_CRASH_SEED=\(settings.seed) replays it)")
        let folder = try TestPaths.temporaryDirectory()
        let whole = folder.appendingPathComponent("whole.sqlite").path
        let killed = folder.appendingPathComponent("killed.sqlite").path
        let outcome = try await Self.withMarketplace(settings) { start in
            let scan = [start, "--marketplace", settings.marketplace, "--delay", settings.delay, "--max-pages", "1000000"]
            let timings = try await CrashDriver.onThread { try Self.referenceScan(scan + ["--db", whole]) }
            print("crash-safety: reference scan: \(timings)")
            return try await CrashDriver.onThread {
                var driver = CrashDriver(scan: scan, store: killed, folder: folder, plan: plan, timings: timings)
                return try driver.run()
            }
        }
        let table = CrashDriver.table(outcome.records)
        print("crash-safety: seed \(settings.seed), logs in \(folder.path)\n" + table)

        #expect(outcome.records.count == plan.kills.count, "every planned kill came before the run finished\n\(table)")
        #expect(outcome.records.allSatisfy { $0.exitedFirst == nil }, "no process exited before its kill\n\(table)")
        #expect(outcome.finalStatus == 0, "the last resume ran to the end (logs in \(folder.path))")
        if plan.kills.contains(where: { $0.moment == .crawl }) {
            #expect(outcome.records.contains { $0.after.pending > 0 && $0.after.settled > 0 }, "a kill landed mid-crawl\n\(table)")
        }
        if plan.kills.contains(where: { $0.moment == .scoring }) {
            #expect(outcome.records.contains { $0.after.scoring }, "a kill landed while scoring\n\(table)")
        }

        let reference = try StoreSnapshot.read(whole)
        let store = try StoreSnapshot.read(killed)
        #expect(reference.runs == ["finished"] && store.runs == ["finished"], "one run each, finished: \(store.runs)")
        // Nothing lost: every URL, listing, observation, finding and review item of the reference, the same.
        #expect(!store.frontier.values.contains { $0.hasPrefix("pending") }, "no URL left pending")
        #expect(!reference.listings.isEmpty && !reference.reviewItems.isEmpty, "the reference scan stored listings and queued some")
        for (what, difference) in [
            ("frontier", Self.difference(reference.frontier, store.frontier)),
            ("listings", Self.difference(reference.listings, store.listings)),
            ("observations", Self.difference(reference.observations, store.observations)),
            ("findings", Self.difference(reference.findings, store.findings)),
            ("review items", Self.difference(reference.reviewItems, store.reviewItems)),
            ("page cache", Self.difference(reference.pageCache, store.pageCache)),
            ("sellers", Self.difference(reference.sellers, store.sellers)),
            ("serials", Self.difference(reference.serials, store.serials)),
            ("full-text index", Self.difference(reference.searchTerms, store.searchTerms)),
        ] {
            #expect(difference.isEmpty, "\(what) differ from the uninterrupted scan:\n\(difference.joined(separator: "\n"))")
        }
        // Nothing stored twice: one observation per item page fetched (no rescans here), no duplicate row anywhere.
        #expect(store.observations.values.allSatisfy { $0.count == 1 }, "one observation per listing")
        #expect(reference.duplicates.isEmpty && store.duplicates.isEmpty,
                "\(store.duplicates.joined(separator: "\n"))\(reference.duplicates.joined(separator: "\n"))")
        // Integrity: SQLite's own checks, the FTS5 index against the listings, every evidence hash recomputed.
        #expect(store.integrity.isEmpty && reference.integrity.isEmpty, "\(store.integrity + reference.integrity)")
        let verify = try CommandLineTests.run(["verify", "--db", killed])
        let observations = store.observations.values.map(\.count).reduce(0, +)
        #expect(verify.status == 0 && verify.output.contains("\(observations) observation(s) checked, 0 mismatch(es)"),
                "graywatch verify: \(verify.output)\(verify.errors)")
        // A page's counts are committed with the page, so the resumed run counts every page once, by the process
        // that stored it: at least the uninterrupted scan's responses and bytes (a kill between a failed attempt and
        // the retry's commit can add one), and exactly its robots.txt blocks.
        let kept = Self.counts(store.stats.first ?? nil), expected = Self.counts(reference.stats.first ?? nil)
        #expect(kept.responses >= expected.responses && kept.bytes >= expected.bytes
                    && kept.robotsBlocked == expected.robotsBlocked,
                "run statistics: \(kept) kept, the uninterrupted scan counted \(expected)")
        print("crash-safety: \(store.frontier.count) URLs, \(store.listings.count) listings, \(observations) observations, "
            + "\(store.findings.values.map(\.count).reduce(0, +)) findings, \(store.reviewItems.count) review items: "
            + "the same as the uninterrupted scan; integrity_check ok, foreign_key_check empty, FTS5 check ok, verify exit \(verify.status)")
    }

    /// Runs the uninterrupted scan, timing its phases from outside by watching the process and its store (blocking:
    /// run it with ``CrashDriver/onThread(_:)``).
    static func referenceScan(_ arguments: [String]) throws -> ReferenceTimings {
        let path = arguments[arguments.count - 1]
        let launched = Date()
        let process = try KillAndResumeTests.launch(["scan"] + arguments)
        var openAt: Date?, runAt: Date?, crawledAt: Date?, finishedAt: Date?
        var migrations: [(Date, Int)] = []
        while process.isRunning {
            let phase = StoreProbe.phase(path)
            let now = Date()
            if openAt == nil, StoreProbe.holdsOpen(process, path) { openAt = now }
            migrations.append((now, phase.migrations))
            if runAt == nil, phase.run != nil { runAt = now }
            if crawledAt == nil, phase.scoring || phase.finished { crawledAt = now }
            if finishedAt == nil, phase.finished { finishedAt = now }
            usleep(runAt == nil ? 500 : 5_000)
        }
        let exited = Date()
        guard process.terminationStatus == 0 else {
            throw CrashDriver.Failure(description: "the reference scan exited with \(process.terminationStatus)")
        }
        let end = StoreProbe.phase(path), all = end.migrations
        let open = openAt ?? launched, run = runAt ?? exited, crawled = crawledAt ?? exited, finished = finishedAt ?? exited
        let migrated = migrations.first { $0.1 == all }?.0 ?? run
        return ReferenceTimings(
            untilOpen: open.timeIntervalSince(launched), migrating: max(migrated.timeIntervalSince(open), 0.005),
            untilRun: run.timeIntervalSince(launched), crawl: crawled.timeIntervalSince(run),
            scoring: max(finished.timeIntervalSince(crawled), 0.05), total: exited.timeIntervalSince(launched),
            findingsPerPass: end.findingSequence)
    }

    /// Responses, bytes and robots.txt refusals a run's kept statistics count.
    static func counts(_ statsJSON: String?) -> (responses: Int, bytes: Int, robotsBlocked: Int) {
        let stats = statsJSON.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] } ?? [:]
        let classes = stats["responsesByStatusClass"] as? [String: Int] ?? [:]
        return (classes.values.reduce(0, +), stats["bytes"] as? Int ?? 0, stats["robotsBlocked"] as? Int ?? 0)
    }

    /// Runs `body` with the start URL: the given marketplace's, or the bundled sample served on loopback.
    static func withMarketplace<T: Sendable>(_ settings: Settings, _ body: @Sendable @escaping (String) async throws -> T)
        async throws -> T
    {
        if let url = settings.url { return try await body(url) }
        return try await LoopbackServer.run(router: SampleSite.router(root: TestPaths.marketplace)) { base in
            try await body(base + "/sch/juniper-networks/page-1.html")
        }
    }

    /// What differs between two keyed snapshots (missing, extra, changed keys), the first 20.
    static func difference<Value: Equatable>(_ expected: [String: Value], _ actual: [String: Value]) -> [String] {
        var lines: [String] = []
        for key in Set(expected.keys).union(actual.keys).sorted() where expected[key] != actual[key] {
            switch (expected[key], actual[key]) {
            case (let value?, nil): lines.append("lost \(key): \(value)")
            case (nil, let value?): lines.append("extra \(key): \(value)")
            default: lines.append("changed \(key): \(expected[key].map { "\($0)" } ?? "") → \(actual[key].map { "\($0)" } ?? "")")
            }
        }
        return Array(lines.prefix(20)) + (lines.count > 20 ? ["… \(lines.count - 20) more"] : [])
    }

    static func difference(_ expected: [String], _ actual: [String]) -> [String] {
        difference(Dictionary(expected.map { ($0, 1) }, uniquingKeysWith: +), Dictionary(actual.map { ($0, 1) }, uniquingKeysWith: +))
    }
}
