import Foundation
import GraywatchSampleSite
import GraywatchTestSupport
import Testing

/// `graywatch scan URL --progress …` shows the crawl's progress on standard error, as profile scans do.
@Suite struct ScanProgressTests {
    /// Runs `graywatch scan` over the sample marketplace; its standard output and error.
    static func scan(progress: String, base: String, db: String) async throws -> (status: Int32, output: String, errors: String) {
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent()
        let out = folder.appendingPathComponent("\(progress).out"), err = folder.appendingPathComponent("\(progress).err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["scan", base + "/sch/juniper-networks/page-1.html", "--marketplace", "tradewell", "--delay", "0",
                             "--db", db, "--progress", progress]
        process.currentDirectoryURL = TestPaths.root
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let status = try await KillAndResumeTests.finish(process, within: 120)
        return (status, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    @Test func startURLScanPrintsProgressLinesAndTheFinalCount() async throws {
        let folder = try TestPaths.temporaryDirectory()
        try await LoopbackServer.run(router: SampleSite.router(root: TestPaths.marketplace)) { base async throws in
            let shown = try await Self.scan(progress: "lines", base: base, db: folder.appendingPathComponent("lines.sqlite").path)
            #expect(shown.status == 0, "\(shown.errors)")
            let pages = try #require(shown.output.firstMatch(of: /Scan run 1: (\d+) pages/)?.1, "\(shown.output)")
            #expect(shown.errors.contains("scan: \(pages) pages done, 0 queued"), "the last progress line: \(shown.errors)")

            let quiet = try await Self.scan(progress: "never", base: base, db: folder.appendingPathComponent("never.sqlite").path)
            #expect(quiet.status == 0, "\(quiet.errors)")
            #expect(!quiet.errors.contains("pages done"), "\(quiet.errors)")
        }
    }
}
