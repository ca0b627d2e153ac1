import ArgumentParser
import Foundation
import GraywatchEnrich
import GraywatchFetch
import GraywatchScan
import GraywatchStore

/// `graywatch scan`: crawl from start URLs, score what is found, fill the review queue.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Crawl search and item pages from the start URLs into the store and the review queue.",
        discussion: """
            Follows search-result pagination and item links on the start URLs' hosts, honouring robots.txt
            (RFC 9309, Crawl-delay included), a per-host pace and Retry-After. The frontier lives in the store:
            a scan that was killed continues with --resume and fetches nothing twice.
            Examples:
              graywatch scan https://market.example/sch/juniper-networks/page-1.html --db scan.sqlite
              graywatch scan --resume --db scan.sqlite
              graywatch scan --profile tradewell --db scan.sqlite          (one run of rules/scans/tradewell.yml)
              graywatch scan --profile tradewell --worker --db postgres://graywatch@db/graywatch   (one of N workers)
            A profile run refuses to start while another run of the same profile holds its lock (exit 2); it
            continues the profile's unfinished run if there is one. SIGTERM lets in-flight pages finish and exits;
            the next run continues where it stopped.
            """)

    @Argument(help: "Search or item page URLs to start from (http or https).")
    var startURLs: [String] = []

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesOptions

    @Flag(help: "Continue the last scan run that did not finish, with its own start URLs and settings.")
    var resume = false

    @Option(help: "Run the scan profile with this name (rules/scans/NAME.yml) once.")
    var profile: String?

    @Flag(help: "Share the run with other processes (on other machines, with PostgreSQL): lease frontier URLs, no profile lock.")
    var worker = false

    @Option(help: "Seconds a worker's lease on a URL lasts before another worker may take it.")
    var leaseSeconds: Double = 120

    @OptionGroup var profileOptions: ProfileOptions

    @Option(help: "Marketplace name to store listings under (default: the start URL's host).")
    var marketplace: String?

    @Option(help: "Stop after this many pages.")
    var maxPages: Int = 1000

    @Option(help: "Do not follow links more than this many hops from a start URL.")
    var maxDepth: Int = 50

    @Option(help: "Seconds between two requests to the same host (robots.txt Crawl-delay may raise it).")
    var delay: Double = 1.0

    @Option(help: "Transfers in flight at once, all hosts together.")
    var concurrency: Int = 8

    @Option(help: "Transfers in flight at once to one host.")
    var perHost: Int = 1

    @Option(help: "Attempts per URL (429, 5xx, timeouts and resets are retried with backoff).")
    var maxAttempts: Int = 3

    @Option(help: "Seconds a page may take in all before it is abandoned.")
    var timeout: Double = 30

    @Option(help: "A dismissed item re-opens when its price moves by more than this share (or a new rule fires).")
    var reopenPriceShare: Double = 0.2

    @Option(help: "A URL or address where site owners can reach you; it goes into the User-Agent.")
    var contact: String?

    @Option(help: "The whole User-Agent header (must name graywatch); overrides --contact.")
    var userAgent: String?

    func validate() throws {
        if profile != nil {
            guard startURLs.isEmpty, !resume else { throw ValidationError("--profile takes no start URLs and no --resume") }
            guard leaseSeconds >= 5 else { throw ValidationError("--lease-seconds must be at least 5") }
            return
        }
        if worker, !resume { throw ValidationError("--worker needs --profile NAME, or --resume to join the last unfinished run") }
        if resume {
            guard startURLs.isEmpty else { throw ValidationError("--resume takes no start URLs: the run has its own") }
        } else {
            guard !startURLs.isEmpty else { throw ValidationError("give at least one start URL, or --resume") }
        }
        for url in startURLs {
            guard let scheme = URLComponents(string: url)?.scheme?.lowercased(), ["http", "https"].contains(scheme),
                URLComponents(string: url)?.host?.isEmpty == false
            else { throw ValidationError("'\(url)' is not an http(s) URL") }
        }
        guard maxPages > 0, maxDepth >= 0 else { throw ValidationError("--max-pages must be ≥ 1 and --max-depth ≥ 0") }
        guard delay >= 0, timeout > 0 else { throw ValidationError("--delay must be ≥ 0 and --timeout > 0") }
        guard concurrency > 0, perHost > 0, maxAttempts > 0 else {
            throw ValidationError("--concurrency, --per-host and --max-attempts must be ≥ 1")
        }
        if let userAgent, !userAgent.lowercased().contains("graywatch") {
            throw ValidationError("--user-agent must name graywatch, so site owners know who is crawling")
        }
    }

    func run() async throws {
        if let profile {
            let code = try await ProfileScanCommand(store: store, rules: rules, options: profileOptions).run(
                profile, worker: worker ? CrawlWorker(leaseSeconds: leaseSeconds) : nil)
            if code != 0 { throw ExitCode(code) }
            return
        }
        var runner = ScanRunner(store: store, rules: rules)
        if worker { runner.worker = CrawlWorker(leaseSeconds: leaseSeconds) }
        runner.progress = ProgressDisplay.Mode(rawValue: profileOptions.progress) ?? .auto
        let report = resume ? try await runner.resume() : try await runner.scan(makeConfiguration())
        if report.pagesFetched > 0 && report.failures.count == report.pagesFetched {
            throw ExitCode(2)
        }
    }

    func makeConfiguration() -> ScanConfiguration {
        var fetch = FetchOptions()
        fetch.totalTimeout = timeout
        if let contact { fetch.userAgent = FetchOptions.userAgent(contact: contact) }
        if let userAgent { fetch.userAgent = userAgent }
        var politeness = Politeness()
        politeness.minimumDelay = delay
        politeness.globalConcurrency = concurrency
        politeness.perHostConcurrency = perHost
        politeness.maxAttempts = maxAttempts
        return ScanConfiguration(
            startURLs: startURLs, marketplace: marketplace, maxPages: maxPages, maxDepth: maxDepth,
            politeness: politeness, fetch: fetch, reopenPriceShare: reopenPriceShare)
    }
}

/// Wires the library pieces for a scan and prints its report.
struct ScanRunner {
    let store: StoreOptions
    let rules: RulesOptions
    var worker: CrawlWorker?
    /// `--progress`: the demo shows none, `scan` what its option says.
    var progress: ProgressDisplay.Mode = .never

    func scan(_ configuration: ScanConfiguration) async throws -> ScanReport {
        let database = try store.open()
        if let unfinished = try wrap({ try database.unfinishedRun() }) {
            print("Note: scan run \(unfinished.id) did not finish; `graywatch scan --resume` continues it.")
        }
        let report = await showingProgress(try scanner(configuration, database), label: "scan") { await $0.run() }
        ReportPrinter.print(report, database: store.db)
        return report
    }

    func resume() async throws -> ScanReport {
        let database = try store.open()
        guard let run = try wrap({ try ListingScanner.unfinishedRun(in: database) }) else {
            throw CLIError.runtime("no unfinished scan run in \(store.db) to resume")
        }
        print("Resuming scan run \(run.id) (\(run.configuration.startURLs.map { LogSafe.text($0) }.joined(separator: " ")))")
        let report = await showingProgress(try scanner(run.configuration, database), label: "scan run \(run.id)") {
            await $0.resume(run: run.id)
        }
        ReportPrinter.print(report, database: store.db)
        return report
    }

    /// Runs `body` with the scanner's progress shown as `--progress` says.
    private func showingProgress(
        _ scanner: ListingScanner, label: String, _ body: (ListingScanner) async -> ScanReport
    ) async -> ScanReport {
        var scanner = scanner
        let display = ProgressDisplay(mode: progress, label: label)
        scanner.observer = display.observer
        let report = await body(scanner)
        display.finish()
        return report
    }

    private func scanner(_ configuration: ScanConfiguration, _ database: Store) throws -> ListingScanner {
        let (ruleSet, catalog) = try rules.load()
        var scanner = ListingScanner(
            configuration: configuration, adapters: try rules.adapters(), enricher: Enricher(catalog: catalog), rules: ruleSet, store: database,
            logger: rules.logger("graywatch.scan"))
        scanner.worker = worker
        return scanner
    }
}
