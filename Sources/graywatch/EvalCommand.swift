import ArgumentParser
import Foundation
import GraywatchEnrich
import GraywatchFetch
import GraywatchSampleSite
import GraywatchScan
import GraywatchStore

/// `graywatch eval`: how often each rule, and the flag decision, is right on labeled pages.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run the pipeline over labeled pages and print per-rule hits and precision, and precision, recall and F1.",
        discussion: """
            The labels file sits beside the marketplace it labels (samples/labels.csv → samples/marketplace), which is
            served on 127.0.0.1 and scanned like any site. Exit 1 when --require is given and a figure falls below it.
            Example: graywatch eval samples/labels.csv
            """)

    @Argument(help: "The labels CSV (path,skus,condition,flagged,categories,note).")
    var labels: String

    @Option(help: "Store to scan into (default: a fresh temporary file).")
    var db: String?

    @Option(help: "Fail (exit 1) when flag precision or recall is below this, e.g. 0.95.")
    var require: Double?

    @OptionGroup var rules: RulesOptions

    func run() async throws {
        let labelsURL = URL(fileURLWithPath: labels)
        let pages = try wrap { try LabeledPage.load(labelsURL) }
        let root = labelsURL.deletingLastPathComponent().appendingPathComponent("marketplace")
        let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("graywatch-eval-\(UUID().uuidString).sqlite").path
        let storeOptions = try StoreOptions.parse(["--db", path])
        let (ruleSet, catalog) = try rules.load()
        let adapters = try rules.adapters()
        let logger = rules.logger("graywatch.eval")
        let paths = pages.map(\.path)
        try await LoopbackServer.run(router: SampleSite.router(root: root)) { base async throws in
            var fetch = FetchOptions()
            fetch.totalTimeout = 10
            let configuration = ScanConfiguration(startURLs: paths.map { base + $0 }, maxPages: paths.count + 10, maxDepth: 0,
                                                  politeness: .loopback, fetch: fetch)
            let scanner = ListingScanner(configuration: configuration, adapters: adapters, enricher: Enricher(catalog: catalog),
                                         rules: ruleSet, store: try storeOptions.open(), logger: logger)
            _ = await scanner.run()
        }
        let store = try storeOptions.open()
        let marketplace = adapters.adapter(for: "http://127.0.0.1/")?.site ?? "127.0.0.1"
        let result = try wrap { try Evaluation.compute(labels: pages, marketplace: marketplace, store: store, rules: ruleSet) }
        EvalPrinter.print(result, pages: pages)
        if let require, result.flag.precision < require || result.flag.recall < require { throw ExitCode(1) }
    }
}

/// Tables for `graywatch eval`.
enum EvalPrinter {
    static func percent(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "-" }

    static func print(_ result: Evaluation, pages: [LabeledPage]) {
        let flagged = pages.filter(\.flagged).count
        Swift.print("Labeled item pages: \(result.pages) evaluated (\(flagged) labeled flagged, \(pages.count - flagged) clean)"
            + (result.missing.isEmpty ? "" : "; \(result.missing.count) not found: \(result.missing.joined(separator: " "))"))
        Swift.print("\nPer rule:\n| rule | hits on flagged | hits on clean | precision |\n| --- | ---: | ---: | ---: |")
        for rule in result.rules {
            Swift.print("| \(rule.ruleID) | \(rule.hitsOnFlagged) | \(rule.hitsOnClean) | \(percent(rule.precision)) |")
        }
        let flag = result.flag
        Swift.print("""

            Flag decision:
            | TP | FP | FN | TN | precision | recall | F1 |
            | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
            | \(flag.truePositives) | \(flag.falsePositives) | \(flag.falseNegatives) | \(flag.trueNegatives) | \(percent(flag.precision)) | \(percent(flag.recall)) | \(percent(flag.f1)) |

            By category:
            | category | TP | FP | FN | precision | recall |
            | --- | ---: | ---: | ---: | ---: | ---: |
            """)
        for (category, counts) in result.categories.sorted(by: { $0.key < $1.key }) {
            Swift.print("| \(category) | \(counts.truePositives) | \(counts.falsePositives) | \(counts.falseNegatives) | \(percent(counts.precision)) | \(percent(counts.recall)) |")
        }
        if !result.mistakes.isEmpty {
            Swift.print("\nDisagreements (path: labeled → found):")
            for mistake in result.mistakes { Swift.print("  \(mistake.path): \(mistake.expected) → \(mistake.found)") }
        }
    }
}
