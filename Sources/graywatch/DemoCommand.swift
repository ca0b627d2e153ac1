import ArgumentParser
import Foundation
import GraywatchFetch
import GraywatchSampleSite
import GraywatchScan
import GraywatchStore

/// `graywatch demo`: serve the bundled sample marketplace on loopback, scan it, print the queue.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Scan the bundled sample marketplace (served on 127.0.0.1) into a local SQLite file and print the queue.",
        discussion: "Running it again updates the same rows: nothing is stored twice.")

    @Option(help: "The SQLite database file.")
    var db: String = "graywatch-demo/demo.sqlite"

    @OptionGroup var rules: RulesOptions

    @Option(help: "The samples folder (holding marketplace/). Default: ./samples or the nearest parent's.")
    var samples: String?

    @Flag(help: "Only serve the sample marketplace on 127.0.0.1 (printing its address) until stopped: for trying scan profiles, e.g. `graywatch scan --profile tradewell --origin tradewell=ADDRESS`.")
    var serve = false

    func run() async throws {
        let root: URL
        if let samples {
            root = URL(fileURLWithPath: samples).appendingPathComponent("marketplace")
        } else {
            do { root = try SampleSite.locateRoot() } catch { throw CLIError.runtime("\(error)") }
        }
        if serve {
            _ = try await LoopbackServer.run(router: SampleSite.router(root: root)) { base in
                print("Serving the sample marketplace Tradewell at \(base) (Ctrl-C to stop)")
                fflush(nil)
                while true { try await Task.sleep(nanoseconds: 3_600_000_000_000) }
            }
            return
        }
        let storeOptions = try StoreOptions.parse(["--db", db])
        let runner = ScanRunner(store: storeOptions, rules: rules)
        _ = try await LoopbackServer.run(router: SampleSite.router(root: root)) { base in
            print("Serving the sample marketplace Tradewell at \(base)")
            var fetch = FetchOptions()
            fetch.totalTimeout = 10
            return try await runner.scan(ScanConfiguration(
                startURLs: [base + "/sch/juniper-networks/page-1.html"], marketplace: "tradewell", maxPages: 500,
                politeness: .loopback, fetch: fetch))
        }
        let store = try storeOptions.open()
        let entries = try wrap { try store.queue() }
        print("\nReview queue (\(entries.count) items):")
        print(QueueTable.render(entries))
        print("\nRules that fired:")
        for entry in entries {
            guard let item = try wrap({ try store.queueItem(id: entry.id) }) else { continue }
            print("#\(entry.id) \(entry.marketplace)/\(entry.listingID) score \(entry.score)")
            print(QueueTable.findingLines(item.findings).joined(separator: "\n"))
        }
        print("\nNext: graywatch queue show ID --db \(db)")
    }
}
