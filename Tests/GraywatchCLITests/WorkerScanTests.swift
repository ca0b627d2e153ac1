import Foundation
import GraywatchSampleSite
import GraywatchStore
import GraywatchTestSupport
import Testing

/// Several `graywatch scan --profile --worker` processes share one run through the store — PostgreSQL when the
/// test script started one (GRAYWATCH_TEST_POSTGRES), else an SQLite file — and one of them is SIGKILLed midway:
/// the others take over its leased URLs once the leases run out, and the stored listings equal a single process's.
@Suite(.serialized) struct WorkerScanTests {
    /// A store location for one test: a fresh PostgreSQL schema, or an SQLite file.
    static func location(_ name: String) throws -> String {
        if let server = ProcessInfo.processInfo.environment["GRAYWATCH_TEST_POSTGRES"] {
            return server + "?schema=w_\(name)_\(UUID().uuidString.prefix(8).lowercased())"
        }
        return try TestPaths.temporaryDirectory().appendingPathComponent("\(name).sqlite").path
    }

    /// A profiles folder holding one profile for the sample marketplace, paced so a scan lasts a few seconds.
    static func profiles(delay: Double) throws -> String {
        let folder = try TestPaths.temporaryDirectory()
        try """
            name: sweep
            marketplaces:
              - name: tradewell
                start_urls: ["https://tradewell.example/sch/juniper-networks/page-1.html"]
            limits: {max_pages: 400, max_depth: 30}
            politeness: {delay: \(delay), concurrency: 2, per_host: 1, max_attempts: 2, timeout: 10}
            """.write(to: folder.appendingPathComponent("sweep.yml"), atomically: true, encoding: .utf8)
        return folder.path
    }

    /// marketplace/listing id of every stored listing, sorted, and the queue's listing ids.
    static func contents(_ location: String) throws -> (listings: [String], queue: [String], total: Int) {
        let store = try Store(location: location)
        let listings = try store.read("test") { db in
            try String.fetchAll(db, sql: "SELECT marketplace || '/' || listing_id FROM listing ORDER BY 1")
        }
        return (listings, try store.queue().map(\.listingID).sorted(), try store.listingCount())
    }

    @Test func threeWorkersWithOneKilledMidwayStoreWhatOneProcessStoresNoneTwice() async throws {
        let single = try Self.location("single"), shared = try Self.location("shared")
        let profiles = try Self.profiles(delay: 0.02)
        try await LoopbackServer.run(router: SampleSite.router(root: TestPaths.marketplace)) { base async throws in
            let common = ["scan", "--profile", "sweep", "--profiles", profiles, "--origin", "tradewell=\(base)", "--progress", "never"]
            #expect(try await KillAndResumeTests.finish(try KillAndResumeTests.launch(common + ["--db", single])) == 0)

            let workers = try (0..<3).map { _ in
                try KillAndResumeTests.launch(common + ["--worker", "--lease-seconds", "5", "--db", shared])
            }
            try await Task.sleep(nanoseconds: 1_500_000_000)
            #expect(workers[1].isRunning, "the worker to kill is still crawling")
            kill(workers[1].processIdentifier, SIGKILL)
            for worker in [workers[0], workers[2]] {
                #expect(try await KillAndResumeTests.finish(worker, within: 120) == 0)
            }
            _ = try await KillAndResumeTests.finish(workers[1])
        }
        let store = try Store(location: shared)
        #expect(try store.unfinishedRun() == nil, "the surviving workers finished the run")
        #expect(try store.frontier(run: 1).pending.isEmpty, "no URL lost")
        let alone = try Self.contents(single), together = try Self.contents(shared)
        #expect(together.listings == alone.listings)
        #expect(together.queue == alone.queue)
        #expect(try together.total == Label.all().count, "no listing stored twice")
        let owners = try store.read("test") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT lease_owner) FROM frontier WHERE state <> 'pending'") ?? 0
        }
        #expect(owners >= 2, "the work was shared")
    }

    @Test func aSecondRunOfAProfileIsRefusedWhileTheFirstHoldsItsLock() async throws {
        let db = try TestPaths.temporaryDirectory().appendingPathComponent("locked.sqlite").path
        let profiles = try Self.profiles(delay: 0.05)
        try await LoopbackServer.run(router: SampleSite.router(root: TestPaths.marketplace)) { base async throws in
            let common = ["scan", "--profile", "sweep", "--profiles", profiles, "--origin", "tradewell=\(base)", "--db", db,
                          "--progress", "never"]
            let first = try KillAndResumeTests.launch(common)
            try await Task.sleep(nanoseconds: 1_000_000_000)
            let second = try CommandLineTests.run(common)
            #expect(second.status == 2)
            #expect(second.errors.contains("profile sweep is already running"), "\(second.errors)")
            // SIGTERM: in-flight pages are stored, the run stays open, the process exits cleanly.
            kill(first.processIdentifier, SIGTERM)
            #expect(try await KillAndResumeTests.finish(first, within: 30) == 0)
            #expect(try Store(path: db).unfinishedRun(profile: "sweep") != nil, "the stopped run is left to continue")
            // The lock went with the process: the next run starts and finishes the open run.
            let third = try CommandLineTests.run(common)
            #expect(third.status == 0, "\(third.errors)")
        }
        #expect(try Store(path: db).unfinishedRun(profile: "sweep") == nil)
    }
}
