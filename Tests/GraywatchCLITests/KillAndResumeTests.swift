import Foundation
import GraywatchSampleSite
import GraywatchStore
import GraywatchTestSupport
import Testing

/// A scan killed with SIGKILL at several points and resumed stores exactly what an uninterrupted scan stores.
@Suite struct KillAndResumeTests {
    /// Starts the binary without blocking a thread; the caller waits with ``finish(_:)`` or kills it.
    static func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = TestPaths.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func finish(_ process: Process, within seconds: Double = 60) async throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        if process.isRunning { process.terminate() }
        while process.isRunning { try await Task.sleep(nanoseconds: 20_000_000) }
        return process.terminationStatus
    }

    static func listings(_ path: String) throws -> [String] {
        let store = try Store(path: path)
        return try store.queue().map(\.listingID).sorted() + ["total \(try store.listingCount())"]
    }

    @Test func killedScansResumeToTheSameListingsWithoutDuplicates() async throws {
        let folder = try TestPaths.temporaryDirectory()
        let whole = folder.appendingPathComponent("whole.sqlite").path
        let killed = folder.appendingPathComponent("killed.sqlite").path
        try await LoopbackServer.run(router: SampleSite.router(root: TestPaths.marketplace)) { base async throws in
            let scan = [base + "/sch/juniper-networks/page-1.html", "--marketplace", "tradewell", "--delay", "0.03"]
            #expect(try await Self.finish(try Self.launch(["scan"] + scan + ["--db", whole])) == 0)

            // Kill the first run, then each resumed run, at different moments; the last resume runs to the end.
            var process = try Self.launch(["scan"] + scan + ["--db", killed])
            var kills = 0
            for pause in [0.25, 0.4, 0.15, 0.6] {
                // Kill mid-crawl, not before the run exists (start-up time varies with the machine's load).
                // The store is only opened here once the scan has made and migrated it (two processes must not
                // migrate one new file at once).
                let deadline = Date().addingTimeInterval(20)
                while process.isRunning, Date() < deadline, !FileManager.default.fileExists(atPath: killed) {
                    try await Task.sleep(nanoseconds: 20_000_000)
                }
                try await Task.sleep(nanoseconds: 500_000_000)
                while process.isRunning, Date() < deadline, (try? Store(path: killed).frontier(run: 1).seen.count) ?? 0 < 2 {
                    try await Task.sleep(nanoseconds: 20_000_000)
                }
                try await Task.sleep(nanoseconds: UInt64(pause * 1_000_000_000))
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    kills += 1
                }
                _ = try await Self.finish(process)
                guard try Store(path: killed).unfinishedRun() != nil else { break }
                process = try Self.launch(["scan", "--resume", "--db", killed])
            }
            if try Store(path: killed).unfinishedRun() != nil {
                #expect(try await Self.finish(process) == 0)
            }
            #expect(kills >= 2, "the scan was killed mid-run at least twice")
        }
        let store = try Store(path: killed)
        #expect(try store.unfinishedRun() == nil)
        let runs = try store.frontier(run: 1)
        #expect(runs.pending.isEmpty, "no URL lost")
        #expect(try Self.listings(killed) == Self.listings(whole))
        #expect(try store.listingCount() == Label.all().count, "no page stored twice")
    }
}
