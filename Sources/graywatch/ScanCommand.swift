import ArgumentParser
import Foundation
import GraywatchEnrich
import GraywatchFetch
import GraywatchScan

/// `graywatch scan`: crawl from start URLs, score what is found, fill the review queue.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Crawl search and item pages from the start URLs into the store and the review queue.",
        discussion: """
            Follows search-result pagination and item links on the start URLs' hosts, honouring robots.txt.
            Example: graywatch scan https://market.example/sch/juniper-networks/page-1.html --db scan.sqlite
            """)

    @Argument(help: "Search or item page URLs to start from (http or https).")
    var startURLs: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesOptions

    @Option(help: "Marketplace name to store listings under (default: the start URL's host).")
    var marketplace: String?

    @Option(help: "Stop after this many pages.")
    var maxPages: Int = 1000

    @Option(help: "Seconds between two requests to the same host.")
    var delay: Double = 1.0

    @Option(help: "Seconds a page may take in all before it is abandoned.")
    var timeout: Double = 30

    func validate() throws {
        for url in startURLs {
            guard let scheme = URLComponents(string: url)?.scheme?.lowercased(), ["http", "https"].contains(scheme),
                URLComponents(string: url)?.host?.isEmpty == false
            else { throw ValidationError("'\(url)' is not an http(s) URL") }
        }
        guard maxPages > 0 else { throw ValidationError("--max-pages must be at least 1") }
        guard delay >= 0, timeout > 0 else { throw ValidationError("--delay must be ≥ 0 and --timeout > 0") }
    }

    func run() async throws {
        let report = try await ScanRunner(store: store, rules: rules).scan(
            startURLs, marketplace: marketplace, maxPages: maxPages, delay: delay, timeout: timeout)
        if report.pagesFetched > 0 && report.failures.count == report.pagesFetched {
            throw ExitCode(2)
        }
    }
}

/// Wires the library pieces for a scan and prints its report.
struct ScanRunner {
    let store: StoreOptions
    let rules: RulesOptions

    func scan(_ urls: [String], marketplace: String?, maxPages: Int, delay: Double, timeout: Double) async throws
        -> ScanReport
    {
        let (ruleSet, catalog) = try rules.load()
        let database = try store.open()
        var fetch = FetchOptions()
        fetch.totalTimeout = timeout
        let configuration = ScanConfiguration(
            startURLs: urls, marketplace: marketplace, maxPages: maxPages, minimumDelay: delay, fetch: fetch)
        let scanner = ListingScanner(
            configuration: configuration, enricher: Enricher(catalog: catalog), rules: ruleSet, store: database,
            logger: rules.logger("graywatch.scan"))
        let report = await scanner.run()
        ReportPrinter.print(report, database: store.db)
        return report
    }
}
