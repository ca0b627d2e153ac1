import ArgumentParser
import Foundation
import GraywatchEnrich
import GraywatchFetch
import GraywatchSampleSite
import GraywatchScan
import GraywatchStore
import GraywatchRules
import GraywatchExtract

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

    @Argument(help: """
        Labels CSVs: path,skus,condition,flagged,categories,note (pages of the marketplace folder beside the file, \
        served and scanned), or file,url,skus,condition,flagged,categories,note (saved pages, checked one by one).
        """)
    var labels: [String]

    @Option(help: "Store to scan into (default: a fresh temporary file).")
    var db: String?

    @Option(help: "Fail (exit 1) when flag precision or recall is below this, e.g. 0.95.")
    var require: Double?

    @OptionGroup var rules: RulesOptions

    func validate() throws {
        guard !labels.isEmpty else { throw ValidationError("give at least one labels file") }
    }

    func run() async throws {
        let path = db ?? FileManager.default.temporaryDirectory.appendingPathComponent("graywatch-eval-\(UUID().uuidString).sqlite").path
        let storeOptions = try StoreOptions.parse(["--db", path])
        let (ruleSet, catalog) = try rules.load()
        let adapters = try rules.adapters()
        var observations: [Observation] = []
        var missing: [String] = []
        var all: [LabeledPage] = []
        // Marketplace pages first (they fill the store's market context), then saved pages.
        let files = try labels.map { file in (URL(fileURLWithPath: file), try wrap { try LabeledPage.load(URL(fileURLWithPath: file)) }) }
        for (url, pages) in files where pages.first?.file == nil && !pages.isEmpty {
            let result = try await scanMarketplace(pages, root: url.deletingLastPathComponent().appendingPathComponent("marketplace"),
                                                   store: storeOptions, rules: ruleSet, catalog: catalog, adapters: adapters)
            observations += result.found
            missing += result.missing
            all += pages
        }
        let checker = PageChecker(adapters: adapters, catalog: catalog, rules: ruleSet, store: try storeOptions.open())
        for (url, pages) in files where pages.first?.file != nil {
            for page in pages {
                let file = url.deletingLastPathComponent().appendingPathComponent(page.file ?? "")
                guard let data = FileManager.default.contents(atPath: file.path) else {
                    missing.append(file.path)
                    continue
                }
                let verdict = try wrap { try checker.check(html: TextDecoder.decode(data, contentType: nil), url: page.path) }
                observations.append(Observation(
                    label: page, findings: verdict.assessment.findings.map { ($0.ruleID, $0.category.rawValue, $0.weight) },
                    flagged: verdict.flagged))
                all.append(page)
            }
        }
        let result = Evaluation.compute(observations, missing: missing, rules: ruleSet)
        EvalPrinter.print(result, pages: all)
        if let require, result.flag.precision < require || result.flag.recall < require { throw ExitCode(1) }
    }

    /// Serves the marketplace folder on loopback, scans every labeled page into the store, reads the findings back.
    private func scanMarketplace(
        _ pages: [LabeledPage], root: URL, store storeOptions: StoreOptions, rules ruleSet: GraywatchRules.RuleSet,
        catalog: Catalog, adapters: AdapterSet
    ) async throws -> (found: [Observation], missing: [String]) {
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
        let marketplace = adapters.adapter(for: "http://127.0.0.1/")?.site ?? "127.0.0.1"
        return try wrap {
            try Evaluation.observations(labels: pages, marketplace: marketplace, store: try storeOptions.open(), rules: ruleSet)
        }
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
